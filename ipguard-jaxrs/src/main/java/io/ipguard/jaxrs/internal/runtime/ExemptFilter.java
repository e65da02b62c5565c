package io.ipguard.jaxrs.internal.runtime;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;

/**
 * Marks a request to an exempt method ({@code @AnyClient}) as decided and open, so that the second
 * line behind the guard, bound by Jersey's own name binding, knows the guard saw it. Thread-safe.
 */
@Priority(GuardPriority.GUARD)
final class ExemptFilter implements ContainerRequestFilter {

    static final ExemptFilter INSTANCE = new ExemptFilter();

    private ExemptFilter() {
    }

    @Override
    public void filter(ContainerRequestContext request) {
        DecisionMark.EXEMPT.mark(request);
    }
}
