package io.ipguard.jaxrs.internal.model;

import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;

/** What the declared types of sub-resource locators say about the sub-resources they return. */
final class SubResources {

    private static final ClassValue<List<String>> NAMED = new ClassValue<>() {
        @Override
        protected List<String> computeValue(Class<?> type) {
            List<String> found = new ArrayList<>();
            collect(type, found, new HashSet<>());
            return List.copyOf(found);
        }
    };

    private SubResources() {
    }

    /** The class a locator returns, when its declared type says it; null for Object, Class<?>, Resource and primitives. */
    static Class<?> typeOf(Method locator) {
        Class<?> raw = locator.getReturnType();
        if (raw == Class.class) {
            Type generic = locator.getGenericReturnType();
            Type argument = generic instanceof ParameterizedType p ? p.getActualTypeArguments()[0] : null;
            if (argument instanceof WildcardType wildcard) {
                // Class<? extends UserResource>: the bound says at least as much as a Class<UserResource>.
                argument = wildcard.getUpperBounds()[0];
            }
            return argument instanceof Class<?> c && c != Object.class ? c : null;
        }
        if (raw == Object.class || raw.isPrimitive() || Resource.class.isAssignableFrom(raw)) {
            return null;
        }
        return raw;
    }

    /** Jersey's model of a sub-resource class, or null when Jersey finds nothing in it to serve. */
    static Resource model(Class<?> type) {
        try {
            Resource.Builder builder = Resource.builder(type, true);
            return builder == null ? null : builder.build();
        } catch (RuntimeException e) {
            // Jersey reports a sub-resource it cannot model when a request reaches it.
            return null;
        }
    }

    /**
     * Every group a sub-resource class names itself, on its methods and class, and on what its own
     * typed locators return: what its description shows beyond the guard it inherits.
     */
    static List<String> groupsNamedIn(Class<?> type) {
        return NAMED.get(type);
    }

    private static void collect(Class<?> type, List<String> found, Set<Class<?>> visiting) {
        // An interface counts too, annotated or not: what it names, any implementation returned carries.
        Resource model = !visiting.add(type) ? null : model(type);
        if (model != null) {
            collect(model, found, visiting);
        }
    }

    private static void collect(Resource resource, List<String> found, Set<Class<?>> visiting) {
        List<ResourceMethod> methods = new ArrayList<>(resource.getResourceMethods());
        if (resource.getResourceLocator() != null) {
            methods.add(resource.getResourceLocator());
        }
        for (ResourceMethod method : methods) {
            String group;
            try {
                group = ResourceGuards.own(method).groupOrNull();
            } catch (RuntimeException e) {
                // Undecidable: the method is refused to everyone when reached, so it shows nobody anything.
                continue;
            }
            if (group != null && !found.contains(group)) {
                found.add(group);
            }
        }
        for (Resource child : resource.getChildResources()) {
            collect(child, found, visiting);
        }
        ResourceMethod locator = resource.getResourceLocator();
        Class<?> next = locator == null ? null : typeOf(locator.getInvocable().getHandlingMethod());
        if (next != null) {
            collect(next, found, visiting);
        }
    }
}
