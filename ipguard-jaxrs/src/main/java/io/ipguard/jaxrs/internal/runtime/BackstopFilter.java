package io.ipguard.jaxrs.internal.runtime;

import io.ipguard.jaxrs.internal.io.LogText;
import io.ipguard.jaxrs.internal.model.ResourceGuards;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Vetoed;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import java.util.List;
import org.glassfish.jersey.server.ExtendedUriInfo;

/**
 * Refuses answers that were given before the guard could run. Jersey matches a request before any
 * post-matching filter: a method or media type the resource does not support (405, 406, 415), a
 * bad field parameter (400), a locator that throws (404 for an unknown id), an earlier filter
 * that aborts; each would tell an outsider that the resource exists, or more. For a request the
 * guard did not decide, this asks the plan what the request reached and, if the client is not in
 * its groups, replaces the answer with the refusal. It runs first among response filters, so the
 * others see the refusal as they would see a missing path. Thread-safe.
 */
@Vetoed // built by HK2: Jersey's CDI layer would hand it to CDI, which cannot inject its HK2-only types
@Priority(Integer.MAX_VALUE)
public final class BackstopFilter implements ContainerResponseFilter {

    private final Gate guard;
    private final ResourceGuards plan;

    @Inject
    public BackstopFilter(Gate guard, ResourceGuards plan) {
        this.guard = guard;
        this.plan = plan;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        DecisionMark verdict = DecisionMark.of(request);
        if (verdict == DecisionMark.ADMITTED || verdict == DecisionMark.EXEMPT || verdict == DecisionMark.OPEN) {
            return;
        }
        if (verdict == DecisionMark.REFUSED) {
            guard.finishRefusal(response);
            return;
        }
        List<String> groups;
        try {
            groups = plan.requirement((ExtendedUriInfo) request.getUriInfo());
        } catch (RuntimeException e) {
            guard.replaceUndecided(request, response, describe(request), "guard error: " + e);
            return;
        }
        if (!groups.isEmpty()) {
            guard.replaceUnlessAdmitted(request, response, groups, describe(request));
        }
    }

    private static String describe(ContainerRequestContext request) {
        return LogText.request(request.getMethod(), request.getUriInfo().getPath()) + " (answered while matching)";
    }
}
