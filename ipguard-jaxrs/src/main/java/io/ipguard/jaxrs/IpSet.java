package io.ipguard.jaxrs;

import io.ipguard.jaxrs.internal.address.EntryListParser;

/**
 * An immutable set of IP addresses, such as one named group of an allowlist.
 *
 * <p>{@link #parse(String, String)} compiles entries once into a structure whose lookup is
 * logarithmic in the number of entries and allocates nothing. Implementations must be
 * thread-safe; the ones this library returns are immutable.
 */
@FunctionalInterface
public interface IpSet {

    /**
     * Tells whether the set holds an address.
     *
     * @param address the client; an unknown client is never in any set
     * @return whether the address is in the set
     */
    boolean contains(ClientAddress address);

    /**
     * Compiles comma-separated entries: addresses ({@code 10.1.2.3}, {@code 2001:db8::1}), CIDR
     * blocks ({@code 10.0.0.0/8}), inclusive ranges ({@code 10.0.0.5-10.0.0.9}), and exclusions
     * ({@code !10.0.0.7}) that win over inclusions. Names are never resolved.
     *
     * @param entries the entries; an empty or blank text is the empty set
     * @param source what the entries are called in error messages, such as a property key
     * @return the compiled set
     * @throws IpGuardConfigurationException naming {@code source} and every invalid entry
     */
    static IpSet parse(String entries, String source) {
        return EntryListParser.parse(entries, source);
    }

    /**
     * Returns the set that holds no address.
     *
     * @return the empty set
     */
    static IpSet empty() {
        return EntryListParser.parse("", "empty");
    }
}
