package io.ipguard.jaxrs.functional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipguard.jaxrs.ClientAddress;
import io.ipguard.jaxrs.IpGuardFeature;
import io.ipguard.jaxrs.IpSet;
import io.ipguard.jaxrs.WhitelistProvider;
import io.ipguard.jaxrs.Whitelisted;
import io.ipguard.jaxrs.testing.CapturedLog;
import io.ipguard.jaxrs.testing.RawHttp;
import io.ipguard.jaxrs.testing.TestServer;
import jakarta.annotation.Priority;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.glassfish.hk2.utilities.binding.AbstractBinder;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The backstop that replaces answers given before the guard ran: it cannot be switched off by
 * application code, it logs hostile paths safely, and a sub-resource first met while serving never
 * reaches the client as a container error, whatever the application's list provider does.
 */
class BackstopTest {

    private static final String OUTSIDER = "127.0.0.5";

    @Path("/admin")
    @Whitelisted(group = "admin")
    public static class Admin {
        @GET
        public String get() {
            return "secret";
        }

        @GET
        @Path("items")
        public String items() {
            return "items";
        }
    }

    /** An application filter that stores the client under the documented property name, before matching. */
    @PreMatching
    public static class ClientTagging implements ContainerRequestFilter {
        @Override
        public void filter(ContainerRequestContext request) {
            request.setProperty(ClientAddress.PROPERTY, ClientAddress.parse("127.0.0.2"));
        }
    }

    /** A per-request resource whose field is injected while matching: a bad value answers 400 before any filter. */
    @Path("/counted")
    @Whitelisted(group = "admin")
    public static class Counted {
        @HeaderParam("X-Count")
        int count;

        @GET
        public String get() {
            return "secret";
        }
    }

    /** An application filter that runs before the guard and answers from a cache. */
    @Priority(500)
    public static class CacheFilter implements ContainerRequestFilter {
        @Override
        public void filter(ContainerRequestContext request) {
            if (request.getHeaderString("X-Cached") != null) {
                request.abortWith(Response.ok("cached secret").build());
            }
        }
    }

    @ParameterizedTest(name = "deny-status {0}")
    @ValueSource(strings = {"403", "404"})
    void whenApplicationSetsTheClientPropertyEarly_thenAnswersGivenAfterMatchingAreStillRefused(String status)
            throws Exception {
        ResourceConfig app = new ResourceConfig(Admin.class, Counted.class, ClientTagging.class, CacheFilter.class)
                .register(IpGuardFeature.class).property("ipguard.group.admin", "127.0.0.2")
                .property("ipguard.deny-status", status);
        try (TestServer server = TestServer.start(app)) {
            RawHttp.Response missing = server.get(OUTSIDER, "/nosuch", "X-Count: many");
            RawHttp.Response badField = server.get(OUTSIDER, "/counted", "X-Count: many");
            RawHttp.Response cached = server.get(OUTSIDER, "/admin", "X-Cached: 1");
            RawHttp.Response insider = server.get("127.0.0.2", "/admin", "X-Cached: 1");

            assertEquals(Integer.parseInt(status), badField.status(), badField.raw());
            assertEquals(Integer.parseInt(status), cached.status(), cached.raw());
            assertFalse(cached.body().contains("secret"), cached.raw());
            if (status.equals("404")) {
                assertEquals(missing.body(), badField.body());
            }
            assertEquals(200, insider.status(), insider.raw());
            assertEquals("cached secret", insider.body());
        }
    }

    @Test
    void whenApplicationSetsTheClientPropertyEarly_thenAnswersGivenWhileMatchingAreStillRefused() throws Exception {
        ResourceConfig app = new ResourceConfig(Admin.class, ClientTagging.class).register(IpGuardFeature.class)
                .property("ipguard.group.admin", "127.0.0.2");
        try (TestServer server = TestServer.start(app)) {
            RawHttp.Response put = RawHttp.request("PUT", OUTSIDER, "127.0.0.1", server.port(), "/admin", "x");

            assertEquals(403, put.status(), put.raw());
            assertEquals(null, put.header("allow"));
        }
    }

    @Test
    void whenOutsiderPutsLineBreaksOrThousandsOfCharactersInAPath_thenTheRefusalLineIsEscapedAndBounded()
            throws Exception {
        ResourceConfig app = new ResourceConfig(Admin.class).register(IpGuardFeature.class)
                .property("ipguard.group.admin", "127.0.0.2");
        try (CapturedLog log = CapturedLog.of(IpGuardFeature.class.getName()); TestServer server = TestServer.start(app)) {
            String forged = "%0d%0aWARNING:%20ipguard:%20allowed%20GET%20/admin%20for%20203.0.113.9%0d%0a";
            for (String path : new String[] {"/admin/x" + forged, "/admin/x" + "y".repeat(3000)}) {
                assertEquals(403, RawHttp.get(OUTSIDER, "127.0.0.1", server.port(), path).status());
            }
            List<String> lines = log.messages().stream().filter(line -> line.contains("answered while matching")).toList();

            assertEquals(2, lines.size(), log.messages().toString());
            assertTrue(lines.get(0).contains("/admin/x\\u000d\\u000aWARNING: ipguard: allowed"), lines.get(0));
            lines.forEach(line -> assertFalse(line.contains("\n") || line.contains("\r"), line));
            assertTrue(lines.get(1).length() < 700, lines.get(1).length() + " characters");
        }
    }

    /** A list service that fails after deployment. */
    public static class FailingProvider implements WhitelistProvider {
        static volatile boolean broken;
        private final WhitelistProvider lists = WhitelistProvider.fromProperties(Map.of("ipguard.group.admin", "127.0.0.2"));

        @Override
        public IpSet group(String name) {
            if (broken) {
                throw new IllegalStateException("list service down");
            }
            return lists.group(name);
        }
    }

    @Path("/open")
    public static class Open {
        @Path("dynamic")
        public Object dynamic() {
            return new Admin();
        }
    }

    @Test
    void whenProviderFailsAsASubResourceIsFirstMet_thenTheGuardRefusesInsteadOfAContainerError() throws Exception {
        ResourceConfig app = new ResourceConfig(Open.class).register(IpGuardFeature.class)
                .property("ipguard.deny-status", "404")
                .register(new AbstractBinder() {
                    @Override
                    protected void configure() {
                        bind(FailingProvider.class).to(WhitelistProvider.class).in(Singleton.class);
                    }
                });
        FailingProvider.broken = false;
        try (TestServer server = TestServer.start(app)) {
            FailingProvider.broken = true;
            RawHttp.Response member = RawHttp.get("127.0.0.2", "127.0.0.1", server.port(), "/open/dynamic");
            RawHttp.Response missing = RawHttp.get(OUTSIDER, "127.0.0.1", server.port(), "/open/nothing");

            assertEquals(missing.withoutDate(), member.withoutDate());
            FailingProvider.broken = false;
            assertEquals(200, RawHttp.get("127.0.0.2", "127.0.0.1", server.port(), "/open/dynamic").status());
        } finally {
            FailingProvider.broken = false;
        }
    }
}
