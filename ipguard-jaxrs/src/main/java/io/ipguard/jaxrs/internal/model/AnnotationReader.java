package io.ipguard.jaxrs.internal.model;

import io.ipguard.jaxrs.AnyClient;
import io.ipguard.jaxrs.IpGuardConfigurationException;
import io.ipguard.jaxrs.Whitelisted;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.glassfish.jersey.process.Inflector;
import org.glassfish.jersey.server.model.AnnotatedMethod;

/**
 * Reads {@link Whitelisted} and {@link AnyClient} the way JAX-RS reads annotations: on the method,
 * else on the method it overrides or implements (superclasses, nearest first, before interfaces);
 * then on the class, else its superclasses, else the interfaces it implements. Interfaces that
 * disagree, with no more specific one deciding, make the method undecidable: an error, never a
 * guess. An {@link Inflector} is read through its own {@code apply}, however Jersey names it. A JDK
 * proxy hides its target's annotations: when its interfaces say nothing, it is
 * {@link AnnotatedGuard.Kind#UNREADABLE}. Results are cached per class; the cache holds only what the
 * classes' annotations say.
 */
final class AnnotationReader {

    private static final ClassValue<Map<Object, Object>> CACHE = new ClassValue<>() {
        @Override
        protected Map<Object, Object> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    };
    private static final Object CLASS_KEY = new Object();
    private static final Object STEREOTYPES_KEY = new Object();

    private static final Method APPLY = applyOfInflector();

    /** An Inflector's own {@code apply}: Jersey hands over {@code Inflector.apply(Object)}, which says nothing. */
    private static final ClassValue<Method> INFLECTOR_APPLY = new ClassValue<>() {
        @Override
        protected Method computeValue(Class<?> type) {
            // The method Java runs for Inflector.apply on this class, by its type arguments, not any overload named apply.
            return new Overrides(type).implementation(APPLY);
        }
    };

    /**
     * For an annotation type that carries @Whitelisted or @AnyClient, directly or through other
     * annotations at any depth, the annotations in between ("" when direct); null when it carries neither.
     */
    private static final ClassValue<String> STEREOTYPE = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> type) {
            return carriedThrough(type, new HashSet<>());
        }
    };

    private AnnotationReader() {
    }

    /**
     * What guards {@code method} when Jersey runs it on an instance of {@code type}: the method's
     * own answer, else the class's; {@link AnnotatedGuard#INHERIT} when neither says anything.
     *
     * @throws IpGuardConfigurationException if the annotations contradict each other
     */
    static AnnotatedGuard of(Class<?> type, Method method) {
        AnnotatedGuard onMethod = cached(type, implementation(type, method));
        if (onMethod.decided()) {
            // The class is read all the same: a stereotype on it fails every method, not only the silent ones.
            cached(type, STEREOTYPES_KEY);
            return onMethod;
        }
        return cached(type, CLASS_KEY);
    }

    /** The method that runs: for an Inflector handed over as {@code Inflector.apply}, the class's own. */
    private static Method implementation(Class<?> type, Method method) {
        if (method.getDeclaringClass() == Inflector.class && Inflector.class.isAssignableFrom(type)) {
            Method own = INFLECTOR_APPLY.get(type);
            return own == null ? method : own;
        }
        return method;
    }

    /** What the class, its superclasses and its interfaces say. */
    static AnnotatedGuard ofClass(Class<?> type) {
        return cached(type, CLASS_KEY);
    }

    private static AnnotatedGuard cached(Class<?> type, Object key) {
        Object result = CACHE.get(type).computeIfAbsent(key, k -> {
            try {
                if (k == STEREOTYPES_KEY) {
                    classElements(type).forEach((element, where) -> declared(element, where));
                    return AnnotatedGuard.INHERIT;
                }
                return k == CLASS_KEY ? classLevel(type) : methodLevel(type, (Method) k, true);
            } catch (IpGuardConfigurationException e) {
                return e;
            }
        });
        if (result instanceof IpGuardConfigurationException e) {
            throw new IpGuardConfigurationException(e.problems());
        }
        return (AnnotatedGuard) result;
    }

    private static AnnotatedGuard methodLevel(Class<?> type, Method handling, boolean checkWhatRuns) {
        Method method = Overrides.unbridged(handling);
        AnnotatedGuard own = declared(method, "method " + name(method));
        Overrides overrides = new Overrides(type);
        if (!own.decided()) {
            checkJerseysDefinition(method, overrides);
        }
        // Every method this one overrides is read, even past the one that decides, so that a stereotype
        // anywhere a guard could come from fails the same way wherever it sits. Superclasses take
        // precedence over interfaces, the nearest first.
        AnnotatedGuard fromSuperclass = AnnotatedGuard.INHERIT;
        for (Class<?> superclass : overrides.superclasses()) {
            Method overridden = overrides.overridden(method, superclass);
            AnnotatedGuard found = overridden == null ? AnnotatedGuard.INHERIT : declared(overridden, "method " + name(overridden));
            if (!fromSuperclass.decided()) {
                fromSuperclass = found;
            }
        }
        List<Class<?>> owners = new ArrayList<>();
        List<AnnotatedGuard> found = new ArrayList<>();
        for (Class<?> api : overrides.interfaces()) {
            Method implemented = overrides.overridden(method, api);
            AnnotatedGuard guarding = implemented == null ? AnnotatedGuard.INHERIT
                    : declared(implemented, "method " + name(implemented));
            if (guarding.decided()) {
                owners.add(api);
                found.add(guarding);
            }
        }
        AnnotatedGuard result = own.decided() ? own
                : fromSuperclass.decided() ? fromSuperclass : agreed(owners, found, "method " + name(method));
        if (checkWhatRuns) {
            checkWhatJerseyRuns(type, method, overrides, result);
        }
        return result;
    }

    /**
     * Jersey may serve a method with the annotations of one it does not override (matching a type
     * variable against any class), and, when the method or its class is not public, call that
     * definition instead, which Java runs as the class's own override of it. Whichever runs, the
     * guard must be the same; otherwise the method cannot be decided.
     */
    private static void checkWhatJerseyRuns(Class<?> type, Method method, Overrides overrides, AnnotatedGuard result) {
        Method definition = new AnnotatedMethod(method).getMethod();
        if (definition.equals(method) || definition.equals(overrides.overridden(method, definition.getDeclaringClass()))) {
            return;
        }
        Method runs = overrides.implementation(definition);
        if (runs == null || runs.equals(method)) {
            return;
        }
        AnnotatedGuard onClass = classLevel(type);
        AnnotatedGuard served = result.decided() ? result : onClass;
        AnnotatedGuard other = methodLevel(type, runs, false);
        AnnotatedGuard run = other.decided() ? other : onClass;
        if (!served.sameAs(run)) {
            throw new IpGuardConfigurationException(List.of("method " + name(method) + ": Jersey serves it with the "
                    + "annotations of method " + name(definition) + ", which it does not override, and may call that "
                    + "method instead, which runs " + name(runs) + "; the two are guarded differently (" + served.describe()
                    + ", " + run.describe() + "); annotate them alike"));
        }
    }

    /**
     * Jersey builds a resource method from the first method up the hierarchy that carries JAX-RS
     * annotations, matching parameters loosely (a type variable matches any class). When that
     * method is not one this method overrides in Java and speaks about guarding, Jersey would serve
     * this method under a guard we would not see: undecidable.
     */
    private static void checkJerseysDefinition(Method method, Overrides overrides) {
        Method definition = new AnnotatedMethod(method).getMethod();
        if (definition.equals(method) || !declared(definition, "").decided()) {
            return;
        }
        if (!definition.equals(overrides.overridden(method, definition.getDeclaringClass()))) {
            throw new IpGuardConfigurationException(List.of("method " + name(method) + ": Jersey serves it with the "
                    + "annotations of method " + name(definition) + ", which it does not override; annotate it directly"));
        }
    }

    private static AnnotatedGuard classLevel(Class<?> type) {
        // A class's own annotations, not the @Inherited view, so that a subclass's @AnyClient is not
        // reported as contradicting its superclass's @Whitelisted. All are read, as for methods.
        AnnotatedGuard fromClasses = AnnotatedGuard.INHERIT;
        List<Class<?>> owners = new ArrayList<>();
        List<AnnotatedGuard> found = new ArrayList<>();
        for (Map.Entry<Class<?>, String> element : classElements(type).entrySet()) {
            Class<?> c = element.getKey();
            AnnotatedGuard guarding = declared(c, element.getValue());
            if (!c.isInterface() && !fromClasses.decided()) {
                fromClasses = guarding;
            } else if (c.isInterface() && guarding.decided()) {
                owners.add(c);
                found.add(guarding);
            }
        }
        if (fromClasses.decided()) {
            return fromClasses;
        }
        AnnotatedGuard agreed = agreed(owners, found, "class " + type.getName());
        if (!agreed.decided() && Proxy.isProxyClass(type)) {
            // The target behind the proxy may carry a guard that nothing can see: only the way here may decide.
            return AnnotatedGuard.unreadable("JDK proxy " + type.getName() + " implementing "
                    + Arrays.stream(type.getInterfaces()).map(Class::getName).collect(Collectors.joining(", ")));
        }
        return agreed;
    }

    /** The class, its superclasses (nearest first) and its interfaces, each with how messages name it. */
    private static Map<Class<?>, String> classElements(Class<?> type) {
        Map<Class<?>, String> elements = new LinkedHashMap<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            elements.put(c, "class " + c.getName());
        }
        for (Class<?> api : new Overrides(type).interfaces()) {
            elements.put(api, "interface " + api.getName());
        }
        return elements;
    }

    /** The interfaces' answer: the most specific ones must agree. */
    private static AnnotatedGuard agreed(List<Class<?>> owners, List<AnnotatedGuard> found, String subject) {
        List<AnnotatedGuard> specific = new ArrayList<>();
        for (int i = 0; i < owners.size(); i++) {
            boolean overriddenByAnother = false;
            for (Class<?> other : owners) {
                // An interface's answer gives way to that of an interface extending it.
                overriddenByAnother |= other != owners.get(i) && owners.get(i).isAssignableFrom(other);
            }
            if (!overriddenByAnother) {
                specific.add(found.get(i));
            }
        }
        if (specific.isEmpty()) {
            return AnnotatedGuard.INHERIT;
        }
        for (AnnotatedGuard candidate : specific) {
            if (!candidate.sameAs(specific.get(0))) {
                List<String> candidates = new ArrayList<>();
                specific.forEach(g -> candidates.add(g.describe() + " on " + g.where()));
                throw new IpGuardConfigurationException(List.of(subject + ": its interfaces disagree about its guard ("
                        + String.join("; ", candidates) + "); annotate it directly"));
            }
        }
        return specific.get(0);
    }

    private static AnnotatedGuard declared(AnnotatedElement element, String where) {
        for (java.lang.annotation.Annotation annotation : element.getDeclaredAnnotations()) {
            Class<?> type = annotation.annotationType();
            String through = STEREOTYPE.get(type);
            if (through != null) {
                // JAX-RS name binding does not see through such a "stereotype", at any depth, and neither do we: say so.
                throw new IpGuardConfigurationException(List.of(where + ": @" + type.getSimpleName() + " carries "
                        + "@Whitelisted or @AnyClient" + (through.isEmpty() ? "" : " (through " + through + ")")
                        + ", which neither Jersey nor ipguard reads through another "
                        + "annotation; put it on the method or class directly"));
            }
        }
        Whitelisted whitelisted = element.getDeclaredAnnotation(Whitelisted.class);
        boolean exempt = element.getDeclaredAnnotation(AnyClient.class) != null;
        if (whitelisted != null && exempt) {
            throw new IpGuardConfigurationException(List.of(where + ": has both @Whitelisted and @AnyClient"));
        }
        if (exempt) {
            return AnnotatedGuard.exempt(where);
        }
        return whitelisted == null ? AnnotatedGuard.INHERIT : AnnotatedGuard.group(whitelisted.group(), where);
    }

    private static String carriedThrough(Class<?> annotationType, Set<Class<?>> seen) {
        if (!seen.add(annotationType)) {
            // Meta-annotations may annotate themselves (@Retention, @Documented): visit each once.
            return null;
        }
        for (java.lang.annotation.Annotation meta : annotationType.getDeclaredAnnotations()) {
            Class<?> type = meta.annotationType();
            if (type == Whitelisted.class || type == AnyClient.class) {
                return "";
            }
            String deeper = carriedThrough(type, seen);
            if (deeper != null) {
                return "@" + type.getSimpleName() + (deeper.isEmpty() ? "" : ", " + deeper);
            }
        }
        return null;
    }

    private static Method applyOfInflector() {
        try {
            return Inflector.class.getMethod("apply", Object.class);
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    static String name(Method method) {
        return method.getDeclaringClass().getSimpleName() + "." + method.getName();
    }
}
