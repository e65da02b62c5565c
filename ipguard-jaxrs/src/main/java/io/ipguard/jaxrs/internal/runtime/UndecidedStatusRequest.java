package io.ipguard.jaxrs.internal.runtime;

/**
 * Thrown by the status resource for a request the guard did not admit: it was reached in a way no
 * group guards (an open locator's sub-resource). {@link UndecidedStatusMapper} answers it as the
 * guard refuses, so the status never leaks and the refusal looks like any other.
 */
public final class UndecidedStatusRequest extends RuntimeException {

    public UndecidedStatusRequest(String resource) {
        super(resource + ": serves the guard's status, but the guard did not admit the request (no group guards the way "
                + "it was reached); register the status class as a resource with @Whitelisted(group = ...)", null, false, false);
    }
}
