package io.ipguard.jaxrs.internal.runtime;

import io.ipguard.jaxrs.internal.config.LiveConfig;
import io.ipguard.jaxrs.internal.io.LogText;
import io.ipguard.jaxrs.internal.model.ResourceGuards;
import jakarta.enterprise.inject.Vetoed;
import jakarta.inject.Inject;
import java.util.List;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.monitoring.ApplicationEvent;
import org.glassfish.jersey.server.monitoring.ApplicationEventListener;
import org.glassfish.jersey.server.monitoring.RequestEvent;
import org.glassfish.jersey.server.monitoring.RequestEventListener;

/**
 * In 404 mode, decides a request whose post-matching filters stopped before the guard ran (an
 * application filter with a lower priority aborted, or threw), as soon as they stop and before
 * Jersey chooses the response filters. A refused request has its matched method detached, so
 * that the answer the backstop then writes is a missing path's, header for header: no filter
 * bound to the method runs and {@code ResourceInfo} shows none. Registered only where 404 mode
 * can be in force. Thread-safe.
 */
@Vetoed // built by HK2: Jersey's CDI layer would hand it to CDI, which cannot inject its HK2-only types
public final class BackstopListener implements ApplicationEventListener, RequestEventListener {

    private final Gate guard;
    private final ResourceGuards plan;
    private final LiveConfig live;

    @Inject
    public BackstopListener(Gate guard, ResourceGuards plan, LiveConfig live) {
        this.guard = guard;
        this.plan = plan;
        this.live = live;
    }

    @Override
    public void onEvent(ApplicationEvent event) {
    }

    @Override
    public RequestEventListener onRequest(RequestEvent event) {
        // In 403 mode the refusal reveals the resource anyway: nothing to detach, no events to receive.
        return live.current().denyStatus() == 404 ? this : null;
    }

    @Override
    public void onEvent(RequestEvent event) {
        if (event.getType() != RequestEvent.Type.REQUEST_FILTERED) {
            return;
        }
        ContainerRequest request = event.getContainerRequest();
        if (DecisionMark.of(request) != null) {
            // Every method gets a filter of the guard, which marks its decision: the chain reached it.
            return;
        }
        String resource = LogText.request(request.getMethod(), request.getUriInfo().getPath()) + " (answered before the guard)";
        List<String> groups;
        try {
            groups = plan.requirement(event.getUriInfo());
        } catch (RuntimeException e) {
            if (guard.refusesUndecided(request, resource, "guard error: " + e)) {
                RefusalAnswer.detach(request);
            }
            return;
        }
        if (!guard.admitsAll(request, groups, resource)) {
            RefusalAnswer.detach(request);
        }
    }
}
