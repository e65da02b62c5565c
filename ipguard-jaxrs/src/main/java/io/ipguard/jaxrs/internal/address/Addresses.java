package io.ipguard.jaxrs.internal.address;

import io.ipguard.jaxrs.ClientAddress;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * What the library needs of {@link ClientAddress} beyond its public API: building one from its bits,
 * and reading them, for allocation-free parsing and set lookups. {@code ClientAddress} keeps these
 * operations private and knows nothing of this class; the handles to them are looked up once, and
 * as constants they compile to direct calls.
 */
public final class Addresses {

    private static final MethodHandle OF_IPV4;
    private static final MethodHandle OF_IPV6;
    private static final MethodHandle HIGH;
    private static final MethodHandle LOW;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(ClientAddress.class, MethodHandles.lookup());
            OF_IPV4 = lookup.findStatic(ClientAddress.class, "ofIpv4", MethodType.methodType(ClientAddress.class, int.class));
            OF_IPV6 = lookup.findStatic(ClientAddress.class, "ofIpv6",
                    MethodType.methodType(ClientAddress.class, long.class, long.class));
            HIGH = lookup.findGetter(ClientAddress.class, "high", long.class);
            LOW = lookup.findGetter(ClientAddress.class, "low", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Builds {@code ClientAddress}es for {@link IpLiteral}. */
    public static final IpLiteral.Factory<ClientAddress> FACTORY = new IpLiteral.Factory<>() {
        @Override
        public ClientAddress ipv4(int bits) {
            return ofIpv4(bits);
        }

        @Override
        public ClientAddress ipv6(long high, long low) {
            return ofIpv6(high, low);
        }
    };

    private Addresses() {
    }

    /**
     * Parses {@code text[from, to)} strictly (see {@link IpLiteral}).
     *
     * @param allowZone whether an IPv6 zone id ({@code %eth0}) is accepted (and dropped)
     * @return the address, or null if the text is not a literal
     */
    public static ClientAddress parse(CharSequence text, int from, int to, boolean allowZone) {
        return IpLiteral.parse(text, from, to, allowZone, FACTORY);
    }

    /** The IPv4 address with these 32 bits, most significant octet first. */
    public static ClientAddress ofIpv4(int bits) {
        try {
            return (ClientAddress) OF_IPV4.invokeExact(bits);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    /** The IPv6 address with these 128 bits; an IPv4-mapped address becomes IPv4. */
    public static ClientAddress ofIpv6(long high, long low) {
        try {
            return (ClientAddress) OF_IPV6.invokeExact(high, low);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    /** The upper 64 bits of an IPv6 address; 0 for IPv4 and unknown. */
    public static long high(ClientAddress address) {
        try {
            return (long) HIGH.invokeExact(address);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    /** The lower 64 bits of an IPv6 address, or the 32 bits of IPv4; 0 if unknown. */
    public static long low(ClientAddress address) {
        try {
            return (long) LOW.invokeExact(address);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    /** The handles only build and read values: what they throw is unchecked (a null address, say). */
    private static RuntimeException rethrow(Throwable e) {
        if (e instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (e instanceof Error error) {
            throw error;
        }
        throw new IllegalStateException(e);
    }
}
