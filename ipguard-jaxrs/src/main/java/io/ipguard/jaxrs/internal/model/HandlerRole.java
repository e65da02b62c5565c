package io.ipguard.jaxrs.internal.model;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.glassfish.jersey.process.Inflector;
import org.glassfish.jersey.server.model.AnnotatedMethod;

/** What handles a resource method, which says how its guard is decided. */
public enum HandlerRole {

    /**
     * Application code: its annotations decide. An {@link Inflector} is one too when it speaks about
     * guarding itself (on its class, a superclass, an interface or its {@code apply}), or when its
     * annotations cannot be read (a JDK proxy), however Jersey was handed it.
     */
    RESOURCE,
    /**
     * An {@link Inflector}'s {@code apply} without JAX-RS annotations that says nothing about guarding:
     * a programmatic resource's method, or an answer Jersey adds to a resource (OPTIONS, a resource's
     * WADL). It answers for its resource.
     */
    GENERATED,
    /** Jersey's {@code /application.wadl}: it describes every resource, so it needs every group. */
    DESCRIPTION;

    static final String WADL_RESOURCE = "org.glassfish.jersey.server.wadl.internal.WadlResource";

    /** Per handler class, whether each of its {@code apply} methods carries JAX-RS annotations: asked per request. */
    private static final ClassValue<Map<Method, Boolean>> APPLY_ANNOTATED = new ClassValue<>() {
        @Override
        protected Map<Method, Boolean> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    };

    /** Per Inflector class, whether it speaks about guarding itself, or hides what it would say. */
    private static final ClassValue<Boolean> OWN_GUARD = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            try {
                return AnnotationReader.of(type, APPLY).kind() != AnnotatedGuard.Kind.INHERIT;
            } catch (RuntimeException e) {
                // Contradicting annotations: it speaks, and reading it again fails deployment with the reason.
                return true;
            }
        }
    };

    private static final Method APPLY;

    static {
        try {
            APPLY = Inflector.class.getMethod("apply", Object.class);
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static final ClassValue<Boolean> ANNOTATED = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                if (c.isAnnotationPresent(Path.class)) {
                    return true;
                }
            }
            for (Method method : type.getMethods()) {
                if (method.getDeclaringClass() != Object.class && isJaxRs(method)) {
                    return true;
                }
            }
            return false;
        }
    };

    public static HandlerRole of(Class<?> handler, Method method) {
        if (handler == null || method == null) {
            return GENERATED;
        }
        if (handler.getName().equals(WADL_RESOURCE)) {
            return DESCRIPTION;
        }
        // An annotated class that happens to implement Inflector is application code all the same.
        boolean inflection = Inflector.class.isAssignableFrom(handler) && method.getName().equals("apply");
        if (!inflection || APPLY_ANNOTATED.get(handler).computeIfAbsent(method, HandlerRole::isJaxRs)) {
            return RESOURCE;
        }
        return OWN_GUARD.get(handler) ? RESOURCE : GENERATED;
    }

    /** The role of a class as a whole: GENERATED only for an Inflector that carries no JAX-RS annotations. */
    public static HandlerRole of(Class<?> handler) {
        if (handler == null) {
            return GENERATED;
        }
        if (handler.getName().equals(WADL_RESOURCE)) {
            return DESCRIPTION;
        }
        return Inflector.class.isAssignableFrom(handler) && !ANNOTATED.get(handler) && !OWN_GUARD.get(handler)
                ? GENERATED : RESOURCE;
    }

    /** Whether Jersey sees an HTTP method or a path on the method, directly or on what it overrides. */
    private static boolean isJaxRs(Method method) {
        AnnotatedMethod annotated = new AnnotatedMethod(method);
        return !annotated.getMetaMethodAnnotations(HttpMethod.class).isEmpty() || annotated.isAnnotationPresent(Path.class);
    }
}
