package io.ipguard.jaxrs.functional;

import static io.ipguard.jaxrs.functional.CoverageResources.ADMIN;
import static io.ipguard.jaxrs.functional.CoverageResources.OUTSIDER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipguard.jaxrs.AnyClient;
import io.ipguard.jaxrs.Whitelisted;
import io.ipguard.jaxrs.testing.RawHttp;
import io.ipguard.jaxrs.testing.TestServer;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.glassfish.jersey.process.Inflector;
import org.glassfish.jersey.server.ApplicationHandler;
import org.glassfish.jersey.server.ExtendedResourceContext;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The guard is never less than Jersey's own name binding. For every resource method of a deployed
 * application's model (root resources, their sub-resource methods, and the sub-resources their
 * typed locators return), a request from a member shows whether Jersey binds {@code @Whitelisted}
 * to it (a name-bound probe filter marks the answer); every method Jersey binds must refuse an
 * outsider.
 */
class BindingAgreementTest {

    /** The Flask package's model: @Whitelisted on the Application binds every method. */
    @Whitelisted(group = "admin")
    public static class GuardedApplication extends ResourceConfig {
        public GuardedApplication() {
            registerInstances(CoverageResources.application("403").getInstances());
            registerClasses(CoverageResources.application("403").getClasses());
            addProperties(CoverageResources.application("403").getProperties());
        }
    }

    static Stream<Arguments> applications() {
        return Stream.of(
                Arguments.of("annotated resources", (Supplier<ResourceConfig>) () -> CoverageResources.application("403")),
                Arguments.of("guarded application", (Supplier<ResourceConfig>) GuardedApplication::new));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("applications")
    void whenJerseyBindsWhitelistedToAMethod_thenTheGuardRefusesOutsidersThere(String name, Supplier<ResourceConfig> app)
            throws Exception {
        List<Endpoint> endpoints = new ArrayList<>();
        ApplicationHandler handler = new ApplicationHandler(app.get());
        for (Resource resource : handler.getInjectionManager().getInstance(ExtendedResourceContext.class)
                .getResourceModel().getRootResources()) {
            collect(resource, "", endpoints, 0);
        }
        int bound = 0;
        try (TestServer server = TestServer.start(app.get())) {
            for (Endpoint endpoint : endpoints) {
                RawHttp.Response member = endpoint.send(server, ADMIN);
                boolean jerseyBinds = "true".equals(member.header("x-jersey-bound"));
                if (!jerseyBinds) {
                    continue;
                }
                bound++;
                RawHttp.Response outsider = endpoint.send(server, OUTSIDER);
                // @AnyClient is the one way to exempt what Jersey binds.
                assertEquals(endpoint.exempt ? 200 : 403, outsider.status(), endpoint + " is bound by Jersey; "
                        + "an outsider got: " + outsider.raw());
            }
        }
        // Not a vacuous pass: the model holds the patterns of CoverageResources, most of them bound.
        assertTrue(bound >= 7, name + ": only " + bound + " bound endpoints among " + endpoints);
    }

    private static void collect(Resource resource, String prefix, List<Endpoint> into, int depth) {
        String path = prefix + (resource.getPath() == null ? "" : "/" + resource.getPath().replaceAll("^/|/$", ""));
        for (ResourceMethod method : resource.getResourceMethods()) {
            Class<?> handler = method.getInvocable().getHandler().getHandlerClass();
            if (handler != null && !Inflector.class.isAssignableFrom(handler)) {
                Method handling = method.getInvocable().getHandlingMethod();
                boolean exempt = handling.isAnnotationPresent(AnyClient.class) || handler.isAnnotationPresent(AnyClient.class);
                into.add(new Endpoint(method.getHttpMethod(), path.replaceAll("\\{[^}]*}", "1"), exempt));
            }
        }
        for (Resource child : resource.getChildResources()) {
            collect(child, path, into, depth);
        }
        ResourceMethod locator = resource.getResourceLocator();
        Class<?> type = locator == null ? null : returned(locator.getInvocable().getHandlingMethod());
        Resource.Builder sub = type == null || depth >= 3 ? null : Resource.builder(type, true);
        if (sub != null) {
            collect(sub.build(), path, into, depth + 1);
        }
    }

    private static Class<?> returned(Method locator) {
        if (locator.getReturnType() == Class.class
                && locator.getGenericReturnType() instanceof ParameterizedType p
                && p.getActualTypeArguments()[0] instanceof Class<?> c) {
            return c;
        }
        return locator.getReturnType() == Object.class ? null : locator.getReturnType();
    }

    private record Endpoint(String method, String path, boolean exempt) {
        RawHttp.Response send(TestServer server, String source) throws Exception {
            boolean body = method.equals("POST") || method.equals("PUT");
            String[] headers = body ? new String[] {"Content-Type: text/plain"} : new String[0];
            return RawHttp.request(method, source, "127.0.0.1", server.port(), path.isEmpty() ? "/" : path,
                    body ? "x" : null, headers);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }
}
