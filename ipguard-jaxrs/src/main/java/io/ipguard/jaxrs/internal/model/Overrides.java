package io.ipguard.jaxrs.internal.model;

import java.lang.reflect.Array;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the methods of a class's supertypes that a method overrides or implements, by Java's
 * rules: same name, and parameter types equal once the supertype's type variables are replaced by
 * the arguments the class gives them ({@code Base<String>.post(T)} is overridden by
 * {@code post(String)}, not by {@code post(Object)}). Exact rather than loose, so that an
 * {@code @AnyClient} on an unrelated overload never exempts a method.
 */
final class Overrides {

    private final Class<?> type;
    private final Map<TypeVariable<?>, Type> bindings = new HashMap<>();

    /** Overrides as seen from {@code type}, the class Jersey instantiates. */
    Overrides(Class<?> type) {
        this.type = type;
        bind(type, new LinkedHashSet<>());
    }

    /** The superclasses of the class, nearest first, without {@code Object}. */
    List<Class<?>> superclasses() {
        List<Class<?>> found = new ArrayList<>();
        for (Class<?> c = type.getSuperclass(); c != null && c != Object.class; c = c.getSuperclass()) {
            found.add(c);
        }
        return found;
    }

    /** Every interface the class implements, directly, through superclasses or through other interfaces. */
    List<Class<?>> interfaces() {
        Set<Class<?>> found = new LinkedHashSet<>();
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            addInterfaces(c, found);
        }
        return List.copyOf(found);
    }

    /** The method of {@code owner} that {@code method} overrides or implements, or null. */
    Method overridden(Method method, Class<?> owner) {
        for (Method candidate : owner.getDeclaredMethods()) {
            if (candidate != method && overrides(method, candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /**
     * The method Java runs for {@code definition} on an instance of the class: the nearest method of
     * the class or its superclasses that overrides it (by the type arguments the class gives), else
     * {@code definition} itself when the class inherits it unchanged; null if the class has no such
     * method.
     */
    Method implementation(Method definition) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Method candidate : c.getDeclaredMethods()) {
                if (!candidate.isBridge() && !candidate.isSynthetic() && !candidate.equals(definition)
                        && overrides(candidate, definition)) {
                    return candidate;
                }
            }
        }
        return definition.getDeclaringClass().isAssignableFrom(type) ? definition : null;
    }

    /** The method a bridge stands for: the one of the same class that it forwards to. */
    static Method unbridged(Method method) {
        if (!method.isBridge()) {
            return method;
        }
        for (Method candidate : method.getDeclaringClass().getDeclaredMethods()) {
            if (!candidate.isBridge() && candidate.getName().equals(method.getName())
                    && candidate.getParameterCount() == method.getParameterCount()
                    && assignable(method.getParameterTypes(), candidate.getParameterTypes())) {
                return candidate;
            }
        }
        return method;
    }

    private boolean overrides(Method method, Method candidate) {
        int modifiers = candidate.getModifiers();
        if (candidate.isBridge() || candidate.isSynthetic() || Modifier.isStatic(modifiers) || Modifier.isPrivate(modifiers)
                || !candidate.getName().equals(method.getName())
                || candidate.getParameterCount() != method.getParameterCount()) {
            return false;
        }
        if (!Modifier.isPublic(modifiers) && !Modifier.isProtected(modifiers)
                && !samePackage(candidate.getDeclaringClass(), method.getDeclaringClass())) {
            // A package-private method is overridden only from its own package (JLS 8.4.8.1).
            return false;
        }
        Type[] declared = candidate.getGenericParameterTypes();
        Class<?>[] actual = method.getParameterTypes();
        for (int i = 0; i < actual.length; i++) {
            if (erase(declared[i], 0) != actual[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean samePackage(Class<?> a, Class<?> b) {
        return a.getPackageName().equals(b.getPackageName()) && a.getClassLoader() == b.getClassLoader();
    }

    private static boolean assignable(Class<?>[] wide, Class<?>[] narrow) {
        for (int i = 0; i < wide.length; i++) {
            if (!wide[i].isAssignableFrom(narrow[i])) {
                return false;
            }
        }
        return true;
    }

    private static void addInterfaces(Class<?> c, Set<Class<?>> found) {
        for (Class<?> i : c.getInterfaces()) {
            if (found.add(i)) {
                addInterfaces(i, found);
            }
        }
    }

    /** Records what each type variable of every supertype stands for, as seen from the class. */
    private void bind(Type type, Set<Type> seen) {
        if (type == null || !seen.add(type)) {
            return;
        }
        Class<?> raw = raw(type);
        if (raw == null) {
            return;
        }
        if (type instanceof ParameterizedType parameterized) {
            TypeVariable<?>[] variables = raw.getTypeParameters();
            Type[] arguments = parameterized.getActualTypeArguments();
            for (int i = 0; i < variables.length && i < arguments.length; i++) {
                bindings.put(variables[i], arguments[i]);
            }
        }
        bind(raw.getGenericSuperclass(), seen);
        for (Type i : raw.getGenericInterfaces()) {
            bind(i, seen);
        }
    }

    /** The class a declared parameter type stands for in the class's view. */
    private Class<?> erase(Type type, int depth) {
        if (depth > 32) {
            return Object.class;
        }
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        if (type instanceof GenericArrayType array) {
            return Array.newInstance(erase(array.getGenericComponentType(), depth + 1), 0).getClass();
        }
        if (type instanceof TypeVariable<?> variable) {
            Type bound = bindings.get(variable);
            return erase(bound != null ? bound : variable.getBounds()[0], depth + 1);
        }
        if (type instanceof WildcardType wildcard) {
            return erase(wildcard.getUpperBounds()[0], depth + 1);
        }
        return Object.class;
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        return type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : null;
    }
}
