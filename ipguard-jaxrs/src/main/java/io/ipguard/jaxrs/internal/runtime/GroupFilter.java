package io.ipguard.jaxrs.internal.runtime;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;

/**
 * Refuses a request to one guarded resource method unless its client is in the method's group.
 * The refusal status is {@code 403} (or the configured {@code 404}) with a neutral
 * {@code application/problem+json} body; unknown clients, undefined groups and any error
 * inside the guard are refused too. In report-only mode refusals are only logged. One
 * instance per guarded method, holding the group resolved at deployment. Thread-safe.
 */
@Priority(GuardPriority.GUARD)
final class GroupFilter implements ContainerRequestFilter {

    private final Gate guard;
    private final String group;
    private final String resource;

    GroupFilter(Gate guard, String group, String resource) {
        this.guard = guard;
        this.group = group;
        this.resource = resource;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        guard.check(request, group, resource);
    }
}
