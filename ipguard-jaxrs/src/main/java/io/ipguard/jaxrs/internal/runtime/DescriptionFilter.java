package io.ipguard.jaxrs.internal.runtime;

import io.ipguard.jaxrs.internal.io.LogText;
import io.ipguard.jaxrs.internal.model.ResourceGuards;
import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import java.util.List;
import org.glassfish.jersey.server.ExtendedUriInfo;

/**
 * Guards the answers Jersey gives on behalf of a resource: the automatic OPTIONS answers (a
 * method list, or the resource's WADL) and {@code /application.wadl}, which describe what they
 * answer for. The client must be in every group that guards a method of the resource (for the
 * application's WADL, every group in use). Thread-safe.
 */
@Priority(GuardPriority.GUARD)
final class DescriptionFilter implements ContainerRequestFilter {

    private final Gate guard;
    private final ResourceGuards plan;

    DescriptionFilter(Gate guard, ResourceGuards plan) {
        this.guard = guard;
        this.plan = plan;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String resource = LogText.request(request.getMethod(), request.getUriInfo().getPath());
        List<String> groups;
        try {
            groups = plan.requirement((ExtendedUriInfo) request.getUriInfo());
        } catch (RuntimeException e) {
            // Fail closed: if we cannot tell what the resource requires, nobody gets its description.
            guard.refuse(request, resource, "guard error: " + e);
            return;
        }
        for (String group : groups) {
            if (!guard.check(request, group, resource)) {
                return;
            }
        }
        if (groups.isEmpty()) {
            // What it describes is exempt or open: the description reveals nothing guarded.
            DecisionMark.EXEMPT.mark(request);
        }
    }
}
