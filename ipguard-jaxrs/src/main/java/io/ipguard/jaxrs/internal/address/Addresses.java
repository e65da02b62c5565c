package io.ipguard.jaxrs.internal.address;

import io.ipguard.jaxrs.ClientAddress;
import java.lang.invoke.MethodHandles;

/**
 * What the library needs of {@link ClientAddress} beyond its public API: building one from its bits,
 * and reading them, for allocation-free parsing and set lookups. {@code ClientAddress} keeps these
 * operations private and knows nothing of this class, which finds its codec once, through a method
 * handle.
 */
public final class Addresses {

    /**
     * {@code ClientAddress}'s own codec, found once: calls to it are monomorphic and inline, so a
     * parse and a lookup leave nothing allocated.
     */
    public static final IpLiteral.Bits<ClientAddress> BITS;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(ClientAddress.class, MethodHandles.lookup());
            @SuppressWarnings("unchecked")
            IpLiteral.Bits<ClientAddress> bits = (IpLiteral.Bits<ClientAddress>)
                    lookup.findStaticGetter(ClientAddress.class, "BITS", IpLiteral.Bits.class).invoke();
            BITS = bits;
        } catch (Throwable e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private Addresses() {
    }

    /**
     * Parses {@code text[from, to)} strictly (see {@link IpLiteral}).
     *
     * @param allowZone whether an IPv6 zone id ({@code %eth0}) is accepted (and dropped)
     * @return the address, or null if the text is not a literal
     */
    public static ClientAddress parse(CharSequence text, int from, int to, boolean allowZone) {
        return IpLiteral.parse(text, from, to, allowZone, BITS);
    }

    /** The IPv4 address with these 32 bits, most significant octet first. */
    public static ClientAddress ofIpv4(int bits) {
        return BITS.ipv4(bits);
    }

    /** The IPv6 address with these 128 bits; an IPv4-mapped address becomes IPv4. */
    public static ClientAddress ofIpv6(long high, long low) {
        return BITS.ipv6(high, low);
    }

    /** The upper 64 bits of an IPv6 address; 0 for IPv4 and unknown. */
    public static long high(ClientAddress address) {
        return BITS.high(address);
    }

    /** The lower 64 bits of an IPv6 address, or the 32 bits of IPv4; 0 if unknown. */
    public static long low(ClientAddress address) {
        return BITS.low(address);
    }
}
