package io.ipguard.jaxrs.internal.runtime;

import jakarta.ws.rs.container.ContainerRequestContext;

/**
 * What the guard decided for a request, kept as a request property that only the guard sets, to
 * values only it holds, so that the second line and the backstop can tell a decided request from
 * one the guard never saw, and an exemption from a method nothing guards. The public {@code ClientAddress.PROPERTY} cannot serve: application code may set it before
 * the guard runs, and then answer early (an aborting filter, a bad parameter) after a method matched.
 */
public enum DecisionMark {

    /** Let through: in the group, or report-only mode. */
    ADMITTED,
    /** Let through on purpose: {@code @AnyClient} exempts it, or it describes only what is exempt or open. */
    EXEMPT,
    /** Let through: nothing on the way names a group. Where Jersey binds {@code @Whitelisted}, that is a gap. */
    OPEN,
    /** Refused, and the refusal answer given. */
    REFUSED;

    private static final String PROPERTY = DecisionMark.class.getName();

    void mark(ContainerRequestContext request) {
        request.setProperty(PROPERTY, this);
    }

    /** Whether the guard admitted the request: in the group, or report-only mode; not exempt, not open. */
    public static boolean admitted(ContainerRequestContext request) {
        return of(request) == ADMITTED;
    }

    /** The guard's verdict on the request, or null if the guard has not decided it. */
    static DecisionMark of(ContainerRequestContext request) {
        Object value = request.getProperty(PROPERTY);
        return value instanceof DecisionMark verdict ? verdict : null;
    }
}
