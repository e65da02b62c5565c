package io.ipguard.jaxrs.internal.io;

/**
 * The library's one logger. It is named after {@code IpGuardFeature}, the class operators know
 * and configure, without the implementation depending on it.
 */
public final class Logs {

    /** The logger every part of the library writes to. */
    public static final System.Logger LOG = System.getLogger("io.ipguard.jaxrs.IpGuardFeature");

    private Logs() {
    }
}
