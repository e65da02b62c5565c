package io.ipguard.jaxrs.internal;

import java.util.ArrayList;
import org.glassfish.jersey.uri.UriTemplate;

/** Matches request paths against the resource model's path templates, for explanations. */
final class PathTemplates {

    private PathTemplates() {
    }

    static boolean matches(String template, String path) {
        return new UriTemplate(template).match(normalize(path), new ArrayList<>());
    }

    /** Whether the template matches the path or one of its leading segments. */
    static boolean matchesPrefix(String template, String path) {
        String rest = normalize(path);
        UriTemplate uriTemplate = new UriTemplate(template);
        while (true) {
            if (uriTemplate.match(rest, new ArrayList<>())) {
                return true;
            }
            int slash = rest.lastIndexOf('/');
            if (slash <= 0) {
                return false;
            }
            rest = rest.substring(0, slash);
        }
    }

    /** The number of literal characters: more literal templates win in Jersey's matching. */
    static int literals(String template) {
        return template.replaceAll("\\{[^}]*}", "").length();
    }

    private static String normalize(String path) {
        String withSlash = path.startsWith("/") ? path : "/" + path;
        int query = withSlash.indexOf('?');
        String bare = query < 0 ? withSlash : withSlash.substring(0, query);
        return bare.length() > 1 && bare.endsWith("/") ? bare.substring(0, bare.length() - 1) : bare;
    }
}
