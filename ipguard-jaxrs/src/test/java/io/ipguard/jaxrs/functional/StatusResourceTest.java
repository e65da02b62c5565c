package io.ipguard.jaxrs.functional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.ipguard.jaxrs.AnyClient;
import io.ipguard.jaxrs.IpGuardFeature;
import io.ipguard.jaxrs.IpGuardStatusResource;
import io.ipguard.jaxrs.Whitelisted;
import io.ipguard.jaxrs.testing.CapturedLog;
import io.ipguard.jaxrs.testing.RawHttp;
import io.ipguard.jaxrs.testing.TestServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.glassfish.jersey.server.ApplicationHandler;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The running server says what it has in force: the status resource on a real server with a URL
 * list loaded, one that never loads and a list file, read by an admin and refused to others.
 */
class StatusResourceTest {

    @jakarta.ws.rs.Path("/ipguard/status")
    @Whitelisted(group = "admin")
    public static class GuardStatus extends IpGuardStatusResource {
    }

    @jakarta.ws.rs.Path("/hooks")
    @Whitelisted(group = "webhooks")
    public static class Hooks {
        @GET
        public String get() {
            return "hooks";
        }
    }

    @jakarta.ws.rs.Path("/partners")
    @Whitelisted(group = "partner-users")
    public static class Partners {
        @GET
        public String get() {
            return "partners";
        }
    }

    private static HttpServer lists;
    private static TestServer server;
    private static CapturedLog log;

    @BeforeAll
    static void start(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        lists = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        lists.createContext("/partners.txt", exchange -> {
            byte[] body = "127.0.0.7\n".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        lists.start();
        Path vpn = Files.writeString(dir.resolve("vpn.txt"), "127.0.0.8\n");
        ResourceConfig app = new ResourceConfig(GuardStatus.class, Hooks.class, Partners.class).register(IpGuardFeature.class)
                .property("ipguard.group.admin", "127.0.0.1, @vpn")
                .property("ipguard.group.partner-users", "@partners")
                .property("ipguard.group.webhooks", "@hooks")
                .property("ipguard.url.partners", "http://127.0.0.1:" + lists.getAddress().getPort() + "/partners.txt")
                .property("ipguard.url.hooks", "http://127.0.0.1:1/hooks.txt")
                .property("ipguard.file.vpn", vpn.toString())
                .property("ipguard.trusted-proxies", "127.0.0.9")
                .property("ipguard.client-ip-header", "X-Forwarded-For");
        log = CapturedLog.of("io.ipguard.jaxrs");
        server = TestServer.start(app);
    }

    @AfterAll
    static void stop() {
        server.close();
        log.close();
        lists.stop(0);
    }

    private static JsonObject json(RawHttp.Response response) {
        assertEquals(200, response.status(), response.body());
        assertTrue(response.header("content-type").startsWith("application/json"), response.header("content-type"));
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    private static JsonObject named(List<JsonObject> objects, String field, String value) {
        return objects.stream().filter(o -> value.equals(o.getString(field, null))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + field + " " + value + " in " + objects));
    }

    @Test
    void whenAnAdminAsks_thenTheStatusGivesGroupsSourcesGuardsProxiesAndWarnings() throws Exception {
        // A forwarding header from a peer that is not a trusted proxy: a warning the status shows.
        server.get("127.0.0.5", "/partners", "X-Forwarded-For: 127.0.0.7");
        JsonObject status = json(server.get("127.0.0.1", "/ipguard/status"));

        List<JsonObject> groups = status.getJsonArray("groups").getValuesAs(JsonObject.class);
        JsonObject admin = named(groups, "name", "admin");
        assertEquals("[\"127.0.0.1\",\"@vpn\"]", admin.getJsonArray("entries").toString());
        assertEquals("[\"@vpn\"]", admin.getJsonArray("references").toString());
        assertEquals("[\"vpn\"]", admin.getJsonArray("sources").toString());
        assertEquals("ipguard.group.admin", admin.getString("definedBy"));
        JsonObject webhooks = named(groups, "name", "webhooks");
        assertEquals("[\"hooks\"]", webhooks.getJsonArray("notLoaded").toString());
        assertEquals("GET /hooks (Hooks.get)", webhooks.getString("usedBy"));

        List<JsonObject> sources = status.getJsonArray("sources").getValuesAs(JsonObject.class);
        assertEquals("configuration", sources.get(0).getString("kind"));
        JsonObject partners = named(sources, "group", "partners");
        assertEquals("url", partners.getString("kind"));
        assertTrue(partners.getBoolean("loaded"));
        assertEquals(1, partners.getInt("entries"));
        assertEquals(1, partners.getInt("version"));
        assertFalse(partners.isNull("checkedAt"));
        JsonObject hooks = named(sources, "group", "hooks");
        assertFalse(hooks.getBoolean("loaded"));
        assertEquals("http://127.0.0.1:1/hooks.txt: the server refused the connection", hooks.getString("lastError"));
        assertTrue(hooks.isNull("loadedAt"));
        assertFalse(hooks.isNull("attemptedAt"));
        assertEquals("file", named(sources, "group", "vpn").getString("kind"));

        List<JsonObject> guards = status.getJsonArray("guards").getValuesAs(JsonObject.class);
        JsonObject statusGuard = named(guards, "resource", "GET /ipguard/status (GuardStatus.status)");
        assertEquals("admin", statusGuard.getString("group"));

        JsonObject client = status.getJsonObject("client");
        assertEquals("X-Forwarded-For", client.getString("from"));
        assertEquals("[\"127.0.0.9\"]", client.getJsonArray("trustedProxies").toString());

        List<JsonObject> warnings = status.getJsonArray("warnings").getValuesAs(JsonObject.class);
        assertTrue(named(warnings, "kind", "untrusted-forwarding").getString("message")
                .startsWith("a request from 127.0.0.5 carries X-Forwarded-For"), warnings.toString());
    }

    @Test
    void whenSomeoneElseAsks_thenTheStatusIsRefused() throws Exception {
        assertEquals(403, server.get("127.0.0.5", "/ipguard/status").status());
        assertEquals(403, server.get("127.0.0.5", "/ipguard/status/explain?peer=127.0.0.1&group=admin").status());
        // A trusted proxy forwarding for an outsider does not make it an admin.
        assertEquals(403, server.get("127.0.0.9", "/ipguard/status", "X-Forwarded-For: 127.0.0.5").status());
        assertEquals(200, server.get("127.0.0.9", "/ipguard/status", "X-Forwarded-For: 127.0.0.8").status());
    }

    @Test
    void whenAListNeverLoaded_thenExplanationAndRefusalLineNameIt() throws Exception {
        JsonObject answer = json(server.get("127.0.0.1", "/ipguard/status/explain?peer=127.0.0.5&group=webhooks"));

        assertFalse(answer.getBoolean("allowed"));
        assertEquals("127.0.0.5", answer.getString("client"));
        assertEquals("refused: client 127.0.0.5 (the TCP peer) is not in group \"webhooks\"; @hooks not loaded: "
                + "http://127.0.0.1:1/hooks.txt: the server refused the connection", answer.getString("explanation"));

        assertEquals(403, server.get("127.0.0.5", "/hooks").status());
        String refusal = log.messages().stream().filter(m -> m.startsWith("WARNING refused GET /hooks"))
                .collect(Collectors.joining("\n"));
        assertTrue(refusal.contains("@hooks not loaded: http://127.0.0.1:1/hooks.txt: the server refused the connection"),
                refusal);
    }

    @Test
    void whenExplainingThroughTheServer_thenItAnswersWithTheListsInForce() throws Exception {
        JsonObject viaProxy = json(server.get("127.0.0.1",
                "/ipguard/status/explain?peer=127.0.0.9&group=partner-users&header=X-Forwarded-For:%20127.0.0.7"));
        assertTrue(viaProxy.getBoolean("allowed"), viaProxy.toString());
        assertEquals("127.0.0.7", viaProxy.getString("client"));

        JsonObject misspelt = json(server.get("127.0.0.1", "/ipguard/status/explain?peer=127.0.0.7&group=partner-user"));
        assertEquals("refused: group \"partner-user\" is not defined (did you mean \"partner-users\"?)",
                misspelt.getString("explanation"));

        RawHttp.Response bad = server.get("127.0.0.1", "/ipguard/status/explain?peer=localhost");
        assertEquals(400, bad.status());
        assertTrue(bad.body().contains("\"error\": \""), bad.body());
        assertEquals(400, server.get("127.0.0.1", "/ipguard/status/explain?group=admin").status());
    }

    @jakarta.ws.rs.Path("/open-status")
    public static class OpenStatus extends IpGuardStatusResource {
    }

    @jakarta.ws.rs.Path("/exempt-status")
    @AnyClient
    public static class ExemptStatus extends IpGuardStatusResource {
    }

    @Test
    void whenNoGroupGuardsTheStatus_thenDeploymentStops() {
        for (Class<?> status : List.of(OpenStatus.class, ExemptStatus.class)) {
            ResourceConfig app = new ResourceConfig(status).register(IpGuardFeature.class)
                    .property("ipguard.group.default", "127.0.0.1");
            Exception e = assertThrows(Exception.class, () -> new ApplicationHandler(app));
            String message = String.valueOf(e.getMessage()) + (e.getCause() == null ? "" : e.getCause().getMessage());
            assertTrue(message.contains("serves the guard's status, which tells who gets in, but no group guards it; "
                    + "put @Whitelisted(group = ...) on " + status.getName()), message);
        }
    }
}
