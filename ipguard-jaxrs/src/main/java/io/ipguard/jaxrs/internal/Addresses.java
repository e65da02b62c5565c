package io.ipguard.jaxrs.internal;

import io.ipguard.jaxrs.ClientAddress;

/**
 * What the library needs of {@link ClientAddress} beyond its public API: building one from its bits,
 * and reading them, for allocation-free parsing and set lookups. {@code ClientAddress} grants this
 * once, when it is loaded, so the bits stay out of the public API.
 */
public final class Addresses {

    /** The grant: the operations {@code ClientAddress} keeps private. */
    public interface Access {
        ClientAddress ofIpv4(int bits);

        ClientAddress ofIpv6(long high, long low);

        long high(ClientAddress address);

        long low(ClientAddress address);
    }

    private static Access granted;

    /** Holds the grant in a constant, so that a lookup's calls inline as field reads. */
    private static final class Holder {
        static final Access ACCESS = load();

        private static Access load() {
            ClientAddress.unknown();
            return granted;
        }
    }

    private Addresses() {
    }

    /**
     * Called once, by {@code ClientAddress} as it is loaded.
     *
     * @throws IllegalStateException on any later call
     */
    public static synchronized void grant(Access access) {
        if (granted != null) {
            throw new IllegalStateException("already granted");
        }
        granted = access;
    }

    /** The IPv4 address with these 32 bits, most significant octet first. */
    static ClientAddress ofIpv4(int bits) {
        return Holder.ACCESS.ofIpv4(bits);
    }

    /** The IPv6 address with these 128 bits; an IPv4-mapped address becomes IPv4. */
    static ClientAddress ofIpv6(long high, long low) {
        return Holder.ACCESS.ofIpv6(high, low);
    }

    /** The upper 64 bits of an IPv6 address; 0 for IPv4 and unknown. */
    static long high(ClientAddress address) {
        return Holder.ACCESS.high(address);
    }

    /** The lower 64 bits of an IPv6 address, or the 32 bits of IPv4; 0 if unknown. */
    static long low(ClientAddress address) {
        return Holder.ACCESS.low(address);
    }
}
