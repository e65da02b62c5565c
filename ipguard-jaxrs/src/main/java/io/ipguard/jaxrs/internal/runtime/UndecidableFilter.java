package io.ipguard.jaxrs.internal.runtime;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;

/**
 * Refuses every request to a sub-resource method whose guard cannot be decided (its annotations
 * contradict each other), met only when a request reaches it: a deployed resource with such a
 * method stops start-up instead. Thread-safe.
 */
@Priority(GuardPriority.GUARD)
final class UndecidableFilter implements ContainerRequestFilter {

    private final Gate guard;
    private final String resource;
    private final String problem;

    UndecidableFilter(Gate guard, String resource, String problem) {
        this.guard = guard;
        this.resource = resource;
        this.problem = problem;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        guard.refuse(request, resource, problem);
    }
}
