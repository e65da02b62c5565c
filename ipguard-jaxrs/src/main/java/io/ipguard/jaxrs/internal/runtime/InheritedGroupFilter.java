package io.ipguard.jaxrs.internal.runtime;

import io.ipguard.jaxrs.internal.model.AnnotatedGuard;
import io.ipguard.jaxrs.internal.model.ResourceGuards;
import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import java.util.List;
import org.glassfish.jersey.server.ExtendedUriInfo;
import org.glassfish.jersey.server.model.ResourceMethod;

/**
 * Guards a resource method whose own annotations say nothing: it takes the innermost guard on the
 * request's way, the locators it went through (innermost first), else the {@code Application}'s.
 * Reached without locators and with no {@code Application} guard, the method is open; a method
 * whose annotations cannot be read (a JDK proxy's) is then refused. Thread-safe.
 */
@Priority(GuardPriority.GUARD)
final class InheritedGroupFilter implements ContainerRequestFilter {

    private final Gate guard;
    private final ResourceGuards plan;
    private final AnnotatedGuard own;
    private final String resource;

    /** {@code own}: what the method itself says, {@link AnnotatedGuard#INHERIT} or {@link AnnotatedGuard.Kind#UNREADABLE}. */
    InheritedGroupFilter(Gate guard, ResourceGuards plan, AnnotatedGuard own, String resource) {
        this.guard = guard;
        this.plan = plan;
        this.own = own;
        this.resource = resource;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        AnnotatedGuard decided;
        try {
            List<ResourceMethod> locators = ((ExtendedUriInfo) request.getUriInfo()).getMatchedResourceLocators();
            decided = own.within(locators.isEmpty() ? plan.application() : plan.scope(locators));
        } catch (RuntimeException e) {
            // Fail closed: if we cannot tell which group guards the way here, nobody passes.
            guard.refuse(request, resource, "guard error: " + e);
            return;
        }
        switch (decided.kind()) {
            case GROUP -> guard.check(request, decided.group(), resource);
            case EXEMPT -> DecisionMark.EXEMPT.mark(request);
            default -> DecisionMark.OPEN.mark(request);
        }
    }
}
