package io.ipguard.jaxrs;

import io.ipguard.jaxrs.internal.address.IpLiteral;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * The address of the client of one request, as the guard sees it: an IPv4 or IPv6 address, or
 * <em>unknown</em> when it could not be determined (a guarded resource refuses unknown clients).
 *
 * <p>An IPv4-mapped IPv6 address ({@code ::ffff:a.b.c.d}) is always represented as the IPv4
 * address {@code a.b.c.d}. An IPv6 zone id is dropped.
 *
 * <p>Resource code reads the resolved client by declaring a {@code @Context ClientAddress}
 * parameter, or from the request property {@link #PROPERTY} in filters that run after the
 * guard.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class ClientAddress {

    /** Name of the request property under which the guard stores the resolved client. */
    public static final String PROPERTY = "io.ipguard.jaxrs.ClientAddress";

    private static final ClientAddress UNKNOWN = new ClientAddress(false, false, 0, 0);
    private static final long MAPPED_PREFIX = 0x0000_ffff_0000_0000L;

    private final boolean known;
    private final boolean ipv4;
    private final long high;
    private final long low;

    private ClientAddress(boolean known, boolean ipv4, long high, long low) {
        this.known = known;
        this.ipv4 = ipv4;
        this.high = high;
        this.low = low;
    }

    /**
     * Returns the unknown client.
     *
     * @return the single unknown instance
     */
    public static ClientAddress unknown() {
        return UNKNOWN;
    }

    /**
     * Makes addresses from their bits and reads them back, for the parser and, through a method
     * handle looked up once, for the library's allocation-free parsing and set lookups.
     */
    private static final IpLiteral.Bits<ClientAddress> BITS = new IpLiteral.Bits<>() {
        @Override
        public ClientAddress ipv4(int bits) {
            return ofIpv4(bits);
        }

        @Override
        public ClientAddress ipv6(long high, long low) {
            return ofIpv6(high, low);
        }

        @Override
        public long high(ClientAddress address) {
            return address.high;
        }

        @Override
        public long low(ClientAddress address) {
            return address.low;
        }
    };

    private static ClientAddress ofIpv4(int bits) {
        return new ClientAddress(true, true, 0, bits & 0xffff_ffffL);
    }

    private static ClientAddress ofIpv6(long high, long low) {
        if (high == 0 && (low & 0xffff_ffff_0000_0000L) == MAPPED_PREFIX) {
            return ofIpv4((int) low);
        }
        return new ClientAddress(true, false, high, low);
    }

    /**
     * Parses a strict IPv4 or IPv6 literal. Never performs a DNS lookup: a hostname is rejected.
     * An IPv6 zone id ({@code %eth0}) is accepted and dropped.
     *
     * @param literal the text, such as {@code 10.1.2.3} or {@code 2001:db8::1}
     * @return the address
     * @throws IllegalArgumentException if the text is not an address literal
     */
    public static ClientAddress parse(String literal) {
        ClientAddress address = literal == null ? null : IpLiteral.parse(literal, 0, literal.length(), true, BITS);
        if (address == null) {
            throw new IllegalArgumentException("not an IP address literal: \"" + literal + "\"");
        }
        return address;
    }

    /**
     * Returns the address of an {@link InetAddress}, using its bytes only (no lookup).
     *
     * @param address an IPv4 or IPv6 address
     * @return the address
     * @throws IllegalArgumentException if {@code address} is null
     */
    public static ClientAddress of(InetAddress address) {
        if (address == null) {
            throw new IllegalArgumentException("address must not be null");
        }
        byte[] b = address.getAddress();
        if (b.length == 4) {
            return ofIpv4((int) bits(b, 0, 4));
        }
        return ofIpv6(bits(b, 0, 8), bits(b, 8, 16));
    }

    private static long bits(byte[] bytes, int from, int to) {
        long value = 0;
        for (int i = from; i < to; i++) {
            value = (value << 8) | (bytes[i] & 0xff);
        }
        return value;
    }

    /** @return whether the client's address is known */
    public boolean isKnown() {
        return known;
    }

    /** @return whether this is a known IPv4 address (including one given in IPv4-mapped form) */
    public boolean isIpv4() {
        return ipv4;
    }

    /**
     * Returns the address as an {@link InetAddress} built from its bytes (no lookup).
     *
     * @return the address, or empty when unknown
     */
    public Optional<InetAddress> toInetAddress() {
        if (!known) {
            return Optional.empty();
        }
        byte[] bytes = new byte[ipv4 ? 4 : 16];
        for (int i = 0; i < bytes.length; i++) {
            long word = ipv4 || i >= 8 ? low : high;
            int shift = ipv4 ? 8 * (3 - i) : 8 * (7 - (i % 8));
            bytes[i] = (byte) (word >>> shift);
        }
        try {
            return Optional.of(InetAddress.getByAddress(bytes));
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /**
     * Returns the dotted IPv4 form, the RFC 5952 IPv6 form, or {@code unknown}.
     *
     * @return the text form
     */
    @Override
    public String toString() {
        if (!known) {
            return "unknown";
        }
        return ipv4 ? IpLiteral.formatIpv4((int) low) : IpLiteral.formatIpv6(high, low);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ClientAddress that
                && known == that.known && ipv4 == that.ipv4 && high == that.high && low == that.low;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(high) * 31 + Long.hashCode(low) + (ipv4 ? 1 : 0);
    }
}
