package io.ipguard.jaxrs.internal;

import io.ipguard.jaxrs.IpGuardFeature;
import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import org.glassfish.jersey.server.ExtendedUriInfo;
import org.glassfish.jersey.server.model.Invocable;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;

/**
 * Guards Jersey's automatic OPTIONS answer, which lists a resource's methods (and so, with
 * {@code deny-status 404}, would reveal that the resource exists). The client must be allowed by
 * the group of every guarded method of the resource. The groups of a resource are worked out on
 * its first OPTIONS request and remembered. Thread-safe.
 */
@Priority(IpGuardFeature.PRIORITY)
final class OptionsGuardFilter implements ContainerRequestFilter {

    private final Guard guard;
    private final BiFunction<Class<?>, Method, String> groupOf;
    private final Map<Resource, List<String>> groups = new ConcurrentHashMap<>();

    OptionsGuardFilter(Guard guard, BiFunction<Class<?>, Method, String> groupOf) {
        this.guard = guard;
        this.groupOf = groupOf;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String resource = "OPTIONS /" + request.getUriInfo().getPath();
        List<String> required;
        try {
            ResourceMethod options = ((ExtendedUriInfo) request.getUriInfo()).getMatchedResourceMethod();
            required = groups.computeIfAbsent(options.getParent(), this::groupsOf);
        } catch (RuntimeException e) {
            // Fail closed: if we cannot tell what the resource requires, nobody gets its method list.
            guard.refuse(request, resource, "guard error: " + e);
            return;
        }
        for (String group : required) {
            if (!guard.check(request, group, resource)) {
                return;
            }
        }
    }

    private List<String> groupsOf(Resource resource) {
        List<String> found = new ArrayList<>();
        for (ResourceMethod method : resource.getResourceMethods()) {
            Invocable invocable = method.getInvocable();
            Class<?> handler = invocable.getHandler().getHandlerClass();
            String group = handler == null ? null : groupOf.apply(handler, invocable.getHandlingMethod());
            if (group != null && !found.contains(group)) {
                found.add(group);
            }
        }
        return List.copyOf(found);
    }
}
