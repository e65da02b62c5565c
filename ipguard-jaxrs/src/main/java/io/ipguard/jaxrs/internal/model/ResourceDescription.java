package io.ipguard.jaxrs.internal.model;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;

/** Describes a resource method for logs and messages, e.g. {@code GET /admin (AdminResource.get)}. */
public final class ResourceDescription {

    private ResourceDescription() {
    }

    public static String of(Class<?> type, Method method) {
        String httpMethod = "*";
        for (Annotation a : method.getAnnotations()) {
            HttpMethod designator = a.annotationType().getAnnotation(HttpMethod.class);
            if (designator != null) {
                httpMethod = designator.value();
            }
        }
        String path = join(path(type.getAnnotation(Path.class)), path(method.getAnnotation(Path.class)));
        return httpMethod + " " + path + " (" + name(type, method) + ")";
    }

    /** {@code Type.method}; an anonymous subclass (a registered instance) is named by its binary name's tail. */
    static String name(Class<?> type, java.lang.reflect.Method method) {
        String simple = type.getSimpleName();
        return (simple.isEmpty() ? type.getName().substring(type.getName().lastIndexOf('.') + 1) : simple)
                + "." + method.getName();
    }

    private static String path(Path path) {
        if (path == null) {
            return "";
        }
        String value = path.value();
        value = value.startsWith("/") ? value.substring(1) : value;
        return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    }

    private static String join(String a, String b) {
        if (a.isEmpty()) {
            return "/" + b;
        }
        return b.isEmpty() ? "/" + a : "/" + a + "/" + b;
    }
}
