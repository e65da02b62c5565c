package io.ipguard.jaxrs.internal.model;

import io.ipguard.jaxrs.IpGuardConfigurationException;
import io.ipguard.jaxrs.IpGuardStatusResource;
import io.ipguard.jaxrs.Whitelisted;
import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.Configuration;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.model.ModelProcessor;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;
import org.glassfish.jersey.server.model.ResourceModel;

/**
 * Reviews the application's resource model at deployment and fills the {@link ResourceGuards}: what
 * guards every resource method and locator, following statically typed locators into their
 * sub-resources, and which groups are in use. Methods whose guard cannot be decided stop
 * deployment. Also checks, against Jersey's own name binding, that no method Jersey binds to
 * {@code @Whitelisted} is left without a group. Changes nothing in the model.
 */
@Priority(Integer.MAX_VALUE)
public final class ModelReview implements ModelProcessor {

    private final ResourceGuards plan;

    public ModelReview(ResourceGuards plan) {
        this.plan = plan;
    }

    @Override
    public ResourceModel processResourceModel(ResourceModel model, Configuration configuration) {
        Class<?> application = applicationClass(configuration);
        AnnotatedGuard applicationGuard = application == null ? AnnotatedGuard.INHERIT : AnnotationReader.ofClass(application);
        if (applicationGuard.kind() == AnnotatedGuard.Kind.EXEMPT) {
            // @AnyClient on the Application exempts nothing that is not already open.
            applicationGuard = AnnotatedGuard.INHERIT;
        }
        Walk walk = new Walk();
        for (Resource resource : model.getResources()) {
            walk.resource(resource, "", applicationGuard, new HashSet<>());
        }
        if (!walk.problems.isEmpty()) {
            throw new IpGuardConfigurationException(walk.problems);
        }
        plan.deployed(applicationGuard, walk.groups, walk.entries);
        return model;
    }

    /**
     * A sub-resource built for a locator's answer while serving requests. Its guard depends on the
     * locators the request went through, so the filters decide, with the same rule, when it is
     * reached; an undecidable method is refused then rather than failing here, which would reach
     * the client as the container's 500.
     */
    @Override
    public ResourceModel processSubResource(ResourceModel model, Configuration configuration) {
        return model;
    }

    /** The user's Application class, unwrapped from Jersey's ResourceConfig wrappers as Jersey does for name binding. */
    static Class<?> applicationClass(Object configuration) {
        Object application = configuration;
        while (application instanceof ResourceConfig config) {
            Application wrapped = config.getApplication();
            if (wrapped == null || wrapped == application) {
                break;
            }
            application = wrapped;
        }
        return application instanceof Application ? application.getClass() : null;
    }

    /** One pass over the model, collecting the report, the groups and the problems. */
    private static final class Walk {

        final List<ResourceGuards.Entry> entries = new ArrayList<>();
        final Map<String, String> groups = new LinkedHashMap<>();
        final List<String> problems = new ArrayList<>();

        void resource(Resource resource, String prefix, AnnotatedGuard scope, Set<Class<?>> visiting) {
            String path = join(prefix, resource.getPath());
            boolean programmatic = resource.getHandlerClasses().stream()
                    .allMatch(handler -> HandlerRole.of(handler) == HandlerRole.GENERATED);
            for (ResourceMethod method : resource.getResourceMethods()) {
                method(method, path, scope, programmatic);
            }
            for (Resource child : resource.getChildResources()) {
                resource(child, path, scope, visiting);
            }
            ResourceMethod locator = resource.getResourceLocator();
            if (locator != null) {
                locator(locator, path, scope, visiting);
            }
        }

        private void method(ResourceMethod method, String path, AnnotatedGuard scope, boolean programmatic) {
            Class<?> handler = method.getInvocable().getHandler().getHandlerClass();
            Method handling = method.getInvocable().getHandlingMethod();
            String description = method.getHttpMethod() + " " + path + " (" + describe(handler, handling) + ")";
            boolean bound = method.getNameBindings().contains(Whitelisted.class);
            if (HandlerRole.of(handler, handling) != HandlerRole.RESOURCE) {
                // A method of a programmatic resource takes the guard on its way; Jersey's answers for an
                // annotated resource (OPTIONS, WADL) are decided by the resource's methods.
                if (bound && scope.groupOrNull() == null) {
                    problems.add(description + ": is bound to @Whitelisted by name but has no group; "
                            + "put @Whitelisted(group = ...) on the Application or the locator that leads to it");
                } else if (programmatic) {
                    record(new ResourceGuards.Entry(method.getHttpMethod(), description, scope));
                }
                return;
            }
            AnnotatedGuard effective = decide(handler, handling, scope, description);
            if (effective == null) {
                return;
            }
            if (bound && effective.kind() == AnnotatedGuard.Kind.INHERIT) {
                problems.add(description + ": Jersey binds @Whitelisted to it but no group was found; annotate it directly");
            }
            if (IpGuardStatusResource.class.isAssignableFrom(handler) && effective.kind() != AnnotatedGuard.Kind.GROUP) {
                // The status tells who gets in: never open, never exempt.
                problems.add(description + ": serves the guard's status, which tells who gets in, but no group guards it; "
                        + "put @Whitelisted(group = ...) on " + handler.getName());
            }
            record(new ResourceGuards.Entry(method.getHttpMethod(), description, effective));
        }

        private void locator(ResourceMethod locator, String path, AnnotatedGuard scope, Set<Class<?>> visiting) {
            Class<?> handler = locator.getInvocable().getHandler().getHandlerClass();
            Method handling = locator.getInvocable().getHandlingMethod();
            String description = path + " (" + describe(handler, handling) + ")";
            AnnotatedGuard inner = decide(handler, handling, scope, "locator " + description);
            if (inner == null) {
                return;
            }
            record(new ResourceGuards.Entry(null, description, inner));
            Class<?> type = SubResources.typeOf(handling);
            if (type != null && type.isInterface() && type.getAnnotations().length == 0) {
                // Its implementation is known only when a request comes (the filters decide then, with the
                // same rule), but the groups the interface names are in use from now on.
                SubResources.groupsNamedIn(type).forEach(group -> groups.putIfAbsent(group, "locator " + description));
                return;
            }
            if (type == null || !visiting.add(type)) {
                // Known only when a request comes: the filters decide then, with the same rule.
                return;
            }
            Resource sub = SubResources.model(type);
            if (sub != null) {
                resource(sub, path, inner, visiting);
            }
            visiting.remove(type);
        }

        /** The method's guard in this scope, or null (and a problem) when it cannot be decided. */
        private AnnotatedGuard decide(Class<?> handler, Method handling, AnnotatedGuard scope, String description) {
            try {
                return ResourceGuards.own(handler, handling).within(scope);
            } catch (IpGuardConfigurationException e) {
                e.problems().forEach(problem -> problems.add(description + ": " + problem));
                return null;
            }
        }

        private void record(ResourceGuards.Entry entry) {
            entries.add(entry);
            if (entry.guarding().kind() == AnnotatedGuard.Kind.GROUP) {
                groups.putIfAbsent(entry.guarding().group(),
                        entry.httpMethod() == null ? "locator " + entry.description() : entry.description());
            }
        }
    }

    private static String describe(Class<?> handler, Method method) {
        if (HandlerRole.of(handler, method) == HandlerRole.GENERATED) {
            return "programmatic";
        }
        return ResourceDescription.name(handler, method);
    }

    private static String join(String prefix, String path) {
        if (path == null || path.isEmpty() || path.equals("/")) {
            return prefix.isEmpty() ? "/" : prefix;
        }
        String tail = path.startsWith("/") ? path.substring(1) : path;
        tail = tail.endsWith("/") ? tail.substring(0, tail.length() - 1) : tail;
        return (prefix.equals("/") || prefix.isEmpty() ? "" : prefix) + "/" + tail;
    }
}
