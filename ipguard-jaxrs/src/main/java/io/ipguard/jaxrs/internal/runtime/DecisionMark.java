package io.ipguard.jaxrs.internal.runtime;

import jakarta.ws.rs.container.ContainerRequestContext;

/**
 * What the guard decided for a request, kept as a request property that only the guard sets, to
 * values only it holds, so that the backstop can tell a decided request from one the guard never
 * saw. The public {@code ClientAddress.PROPERTY} cannot serve: application code may set it before
 * the guard runs, and then answer early (an aborting filter, a bad parameter) after a method matched.
 */
enum DecisionMark {

    /** Let through: in the group, or report-only mode. */
    ADMITTED,
    /** Let through: no group guards what the request reached (exempt, or open). */
    OPEN,
    /** Refused, and the refusal answer given. */
    REFUSED;

    private static final String PROPERTY = DecisionMark.class.getName();

    void mark(ContainerRequestContext request) {
        request.setProperty(PROPERTY, this);
    }

    /** Whether the guard let the request through, by a group or because none applies. */
    static boolean letThrough(ContainerRequestContext request) {
        DecisionMark verdict = of(request);
        return verdict == ADMITTED || verdict == OPEN;
    }

    /** The guard's verdict on the request, or null if the guard has not decided it. */
    static DecisionMark of(ContainerRequestContext request) {
        Object value = request.getProperty(PROPERTY);
        return value instanceof DecisionMark verdict ? verdict : null;
    }
}
