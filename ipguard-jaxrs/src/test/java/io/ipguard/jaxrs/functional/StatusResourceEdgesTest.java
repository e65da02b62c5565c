package io.ipguard.jaxrs.functional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.ipguard.jaxrs.IpGuardFeature;
import io.ipguard.jaxrs.IpGuardStatusResource;
import io.ipguard.jaxrs.IpSet;
import io.ipguard.jaxrs.WhitelistProvider;
import io.ipguard.jaxrs.Whitelisted;
import io.ipguard.jaxrs.testing.CapturedLog;
import io.ipguard.jaxrs.testing.RawHttp;
import io.ipguard.jaxrs.testing.TestServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.io.StringReader;
import java.net.InetSocketAddress;
import org.glassfish.hk2.utilities.binding.AbstractBinder;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Test;

/**
 * The status resource where it is easy to get wrong: registered as an instance, reached through an
 * open locator, fed by an application's provider that hangs or throws, a list URL carrying secrets,
 * header names differing in case.
 */
class StatusResourceEdgesTest {

    @Path("/ipguard/status")
    @Whitelisted(group = "admin")
    public static class GuardStatus extends IpGuardStatusResource {
    }

    /** Unannotated: reachable only through the open locator below. */
    public static class Unguarded extends IpGuardStatusResource {
    }

    @Path("/ops")
    public static class Ops {
        @Path("status")
        public Object status() {
            return Unguarded.class;
        }
    }

    @Path("/slow")
    @Whitelisted(group = "slow")
    public static class Slow {
        @GET
        public String get() {
            return "slow";
        }
    }

    private static JsonObject json(RawHttp.Response response) {
        assertEquals(200, response.status(), response.body());
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    @Test
    void whenRegisteredAsAnInstance_thenItServesTheStatusToAdminsOnly() throws Exception {
        ResourceConfig app = new ResourceConfig().register(new GuardStatus()).register(IpGuardFeature.class)
                .property("ipguard.group.admin", "127.0.0.1");
        try (TestServer server = TestServer.start(app)) {
            assertEquals("configuration", json(server.get("127.0.0.1", "/ipguard/status")).getString("lists"));
            assertEquals(403, server.get("127.0.0.5", "/ipguard/status").status());
        }
    }

    @Test
    void whenReachedThroughAnOpenLocatorIn404Mode_thenItAnswersAsAMissingPathAndSaysWhy() throws Exception {
        ResourceConfig app = new ResourceConfig(Ops.class).register(IpGuardFeature.class)
                .property("ipguard.group.default", "127.0.0.1").property("ipguard.deny-status", "404");
        try (CapturedLog log = CapturedLog.of("io.ipguard.jaxrs"); TestServer server = TestServer.start(app)) {
            RawHttp.Response missing = server.get("127.0.0.1", "/ops/missing");
            for (String path : new String[] {"/ops/status", "/ops/status/explain?peer=127.0.0.1"}) {
                RawHttp.Response refused = server.get("127.0.0.1", path);
                assertEquals(404, refused.status(), path);
                assertEquals(missing.body(), refused.body(), path);
            }
            assertTrue(log.messages().stream().anyMatch(m -> m.contains(Unguarded.class.getName()
                    + ".status: serves the guard's status, but the guard did not admit the request")), log.messages().toString());
        }
    }

    @Test
    void whenTheApplicationsProviderHangsOrThrows_thenStatusAndExplainAnswerWithinTheDeadline() throws Exception {
        java.util.concurrent.atomic.AtomicBoolean failing = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.CountDownLatch released = new java.util.concurrent.CountDownLatch(1);
        WhitelistProvider provider = group -> {
            if (!failing.get()) {
                return IpSet.parse("127.0.0.1", "test"); // deployment asks for every group in use
            }
            if (group.equals("slow")) {
                try {
                    // Hangs until the test ends: an answer that waited for it would never come.
                    released.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (group.equals("boom")) {
                throw new IllegalStateException("directory unreachable");
            }
            return group.equals("admin") ? IpSet.parse("127.0.0.1", "test") : null;
        };
        ResourceConfig app = new ResourceConfig(GuardStatus.class, Slow.class).register(IpGuardFeature.class)
                .property("ipguard.provider-timeout-millis", "300")
                .register(new AbstractBinder() {
                    @Override
                    protected void configure() {
                        bind(provider).to(WhitelistProvider.class).ranked(10);
                    }
                });
        try (TestServer server = TestServer.start(app)) {
            failing.set(true);
            JsonObject status = json(server.get("127.0.0.1", "/ipguard/status"));
            JsonObject slow = status.getJsonArray("groups").getValuesAs(JsonObject.class).stream()
                    .filter(g -> g.getString("name").equals("slow")).findFirst().orElseThrow();
            JsonObject boom = json(server.get("127.0.0.1", "/ipguard/status/explain?peer=127.0.0.1&group=boom"));

            assertFalse(slow.getBoolean("defined"));
            assertTrue(slow.getString("error").contains("did not answer within 300 ms"), slow.toString());
            assertFalse(boom.getBoolean("allowed"));
            assertTrue(boom.getString("explanation").startsWith("refused: the lists of group \"boom\" could not be read ("),
                    boom.toString());
        } finally {
            released.countDown();
        }
    }

    @Test
    void whenAListUrlCarriesCredentials_thenNeitherStatusNorExplanationShowsThem() throws Exception {
        HttpServer lists = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        lists.createContext("/secret.txt", exchange -> {
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        lists.start();
        String url = "http://alice:hunter2@127.0.0.1:" + lists.getAddress().getPort() + "/secret.txt?access_token=s3cr3t&v=2";
        ResourceConfig app = new ResourceConfig(GuardStatus.class, Slow.class).register(IpGuardFeature.class)
                .property("ipguard.group.admin", "127.0.0.1").property("ipguard.url.slow", url);
        try (CapturedLog log = CapturedLog.of("io.ipguard.jaxrs"); TestServer server = TestServer.start(app)) {
            String status = server.get("127.0.0.1", "/ipguard/status").body();
            String explanation = server.get("127.0.0.1", "/ipguard/status/explain?peer=127.0.0.5&group=slow").body();
            assertEquals(403, server.get("127.0.0.5", "/slow").status());

            String shown = "http://127.0.0.1:" + lists.getAddress().getPort() + "/secret.txt?access_token=***&v=***";
            assertTrue(status.contains("\"location\": \"" + shown + "\""), status);
            assertTrue(explanation.contains("@slow not loaded: " + shown + ": answered HTTP 500"), explanation);
            for (String text : new String[] {status, explanation, String.join("\n", log.messages())}) {
                assertFalse(text.contains("hunter2") || text.contains("s3cr3t"), text);
            }
        } finally {
            lists.stop(0);
        }
    }

    @Test
    void whenHeaderNamesDifferInCase_thenExplainAgreesWithTheServer() throws Exception {
        ResourceConfig app = new ResourceConfig(GuardStatus.class).register(IpGuardFeature.class)
                .property("ipguard.group.admin", "127.0.0.1").property("ipguard.trusted-proxies", "127.0.0.9")
                .property("ipguard.client-ip-header", "X-Forwarded-For");
        try (TestServer server = TestServer.start(app)) {
            RawHttp.Response real = server.get("127.0.0.9", "/ipguard/status",
                    "x-forwarded-for: 127.0.0.1", "X-Forwarded-For: 127.0.0.9");
            JsonObject explained = json(server.get("127.0.0.1", "/ipguard/status/explain?peer=127.0.0.9&group=admin"
                    + "&header=x-forwarded-for:%20127.0.0.1&header=X-Forwarded-For:%20127.0.0.9"));

            assertEquals(200, real.status());
            assertTrue(explained.getBoolean("allowed"), explained.toString());
            assertEquals("127.0.0.1", explained.getString("client"));
        }
    }
}
