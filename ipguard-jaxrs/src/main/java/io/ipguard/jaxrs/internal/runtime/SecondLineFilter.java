package io.ipguard.jaxrs.internal.runtime;

import io.ipguard.jaxrs.Whitelisted;
import io.ipguard.jaxrs.internal.io.LogText;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;

/**
 * The second line behind the guard. Bound through Jersey's own name binding, it runs right after
 * the guard on every method Jersey binds {@code @Whitelisted} to (on every method when the
 * {@code Application} carries it), and refuses any request the guard did not decide: whatever the
 * deployment-time rule may have missed, Jersey's binding is never less than what is enforced.
 * Thread-safe.
 */
@Whitelisted
@Priority(GuardPriority.SECOND_LINE)
public final class SecondLineFilter implements ContainerRequestFilter {

    private final Gate guard;

    @Inject
    public SecondLineFilter(Gate guard) {
        this.guard = guard;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (DecisionMark.of(request) == null) {
            // Fail closed: Jersey binds @Whitelisted here, so some guard must have decided.
            guard.refuse(request, LogText.request(request.getMethod(), request.getUriInfo().getPath()), "Jersey binds @Whitelisted to it, but the guard did not "
                    + "decide it");
        }
    }
}
