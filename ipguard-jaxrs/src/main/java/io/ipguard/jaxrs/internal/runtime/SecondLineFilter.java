package io.ipguard.jaxrs.internal.runtime;

import io.ipguard.jaxrs.Whitelisted;
import io.ipguard.jaxrs.internal.io.LogText;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Vetoed;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;

/**
 * The second line behind the guard. Bound through Jersey's own name binding, it runs right after
 * the guard on every method Jersey binds {@code @Whitelisted} to (on every method when the
 * {@code Application} carries it), and refuses any request the guard did not admit or exempt on
 * purpose: whatever the rule may have missed, Jersey's binding is never less than what is enforced.
 * Thread-safe.
 */
@Vetoed // built by HK2: Jersey's CDI layer would hand it to CDI, which cannot inject its HK2-only types
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
        DecisionMark mark = DecisionMark.of(request);
        if (mark != DecisionMark.ADMITTED && mark != DecisionMark.EXEMPT) {
            // Fail closed: Jersey binds @Whitelisted here, so the guard must have admitted it, or exempted it on purpose.
            guard.refuse(request, LogText.request(request.getMethod(), request.getUriInfo().getPath()),
                    mark == null ? "Jersey binds @Whitelisted to it, but the guard did not decide it"
                            : "Jersey binds @Whitelisted to it, but no group guards it");
        }
    }
}
