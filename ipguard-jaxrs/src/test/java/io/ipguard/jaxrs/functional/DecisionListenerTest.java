package io.ipguard.jaxrs.functional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.ipguard.jaxrs.Decision;
import io.ipguard.jaxrs.DecisionListener;
import io.ipguard.jaxrs.IpGuardFeature;
import io.ipguard.jaxrs.IpGuardInspector;
import io.ipguard.jaxrs.ListStatus;
import io.ipguard.jaxrs.testing.CapturedLog;
import io.ipguard.jaxrs.testing.Resources;
import io.ipguard.jaxrs.testing.TestServer;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.glassfish.hk2.utilities.binding.AbstractBinder;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Listeners see every decision; refusal lines explain themselves; report-only lets refusals through. */
class DecisionListenerTest {

    private static ResourceConfig app(List<String> seen, String reportOnly) {
        return new ResourceConfig(Resources.Reports.class)
                .register(IpGuardFeature.class)
                .property("ipguard.group.default", "127.0.0.2, 127.0.0.3, !127.0.0.3")
                .property("ipguard.group.admin", "127.0.0.2")
                .property("ipguard.report-only", reportOnly)
                .register(new AbstractBinder() {
                    @Override
                    protected void configure() {
                        bind((DecisionListener) d -> seen.add(d.outcome() + " " + d.reason() + " " + d.group() + " "
                                + d.client() + " " + d.resource())).to(DecisionListener.class);
                        bind((DecisionListener) d -> {
                            throw new IllegalStateException("broken metrics");
                        }).to(DecisionListener.class);
                    }
                });
    }

    @Test
    void whenRequestsAreDecided_thenListenersSeeEachAndABrokenListenerChangesNothing() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        try (TestServer server = TestServer.start(app(seen, "false"));
             CapturedLog log = CapturedLog.of("io.ipguard.jaxrs")) {
            assertEquals(200, server.get("127.0.0.2", "/reports").status());
            assertEquals(403, server.get("127.0.0.3", "/reports").status());
            assertEquals(403, server.get("127.0.0.5", "/reports/secret").status());
            assertEquals(200, server.get("127.0.0.5", "/reports/health").status());

            assertEquals(List.of(
                    "ALLOWED IN_GROUP default 127.0.0.2 GET /reports (Reports.get)",
                    "REFUSED NOT_IN_GROUP default 127.0.0.3 GET /reports (Reports.get)",
                    "REFUSED NOT_IN_GROUP admin 127.0.0.5 GET /reports/secret (Reports.secret)"), seen);
            List<String> refusals = log.messages().stream().filter(m -> m.startsWith("WARNING refused")).toList();
            assertEquals(List.of(
                    "WARNING refused GET /reports (Reports.get): client 127.0.0.3 (the TCP peer) matched 127.0.0.3 "
                            + "but is excluded by !127.0.0.3 in group \"default\" [peer 127.0.0.3]",
                    "WARNING refused GET /reports/secret (Reports.secret): client 127.0.0.5 (the TCP peer) is not in "
                            + "group \"admin\" [peer 127.0.0.5]"), refusals);
            assertEquals(3, log.messages().stream().filter(m -> m.contains("decision listener")
                    && m.endsWith("failed: java.lang.IllegalStateException: broken metrics")).count());
        }
    }

    @Test
    void whenReportOnly_thenWouldBeRefusalsAreLoggedAndReportedButLetThrough() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        try (TestServer server = TestServer.start(app(seen, "true"));
             CapturedLog log = CapturedLog.of("io.ipguard.jaxrs")) {
            assertEquals(200, server.get("127.0.0.5", "/reports").status());
            assertEquals(200, server.get("127.0.0.2", "/reports").status());

            assertEquals(List.of(
                    "REPORTED NOT_IN_GROUP default 127.0.0.5 GET /reports (Reports.get)",
                    "ALLOWED IN_GROUP default 127.0.0.2 GET /reports (Reports.get)"), seen);
            assertEquals(List.of("WARNING would refuse (report-only) GET /reports (Reports.get): client 127.0.0.5 "
                            + "(the TCP peer) is not in group \"default\" [peer 127.0.0.5]"),
                    log.messages().stream().filter(m -> m.contains("refuse")).toList());
        }
    }

    @Test
    void whenADecisionDrawsOnUrlAndFileLists_thenListenersSeeTheirHealth(@TempDir java.nio.file.Path dir)
            throws Exception {
        AtomicInteger status = new AtomicInteger(200);
        HttpServer lists = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        lists.createContext("/partners.txt", exchange -> {
            byte[] body = "127.0.0.2\n".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status.get(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        lists.start();
        java.nio.file.Path proxies = Files.writeString(dir.resolve("proxies.txt"), "127.0.0.9\n");
        String url = "http://127.0.0.1:" + lists.getAddress().getPort() + "/partners.txt";
        List<Decision> seen = new CopyOnWriteArrayList<>();
        ResourceConfig app = new ResourceConfig(Resources.Reports.class, Reload.class)
                .register(IpGuardFeature.class)
                .property("ipguard.url.partners", url)
                .property("ipguard.file.proxies", proxies.toString())
                .property("ipguard.group.admin", "@partners, 127.0.0.3")
                .property("ipguard.group.default", "127.0.0.0/8")
                .property("ipguard.trusted-proxies", "@proxies")
                .property("ipguard.client-ip-header", "X-Forwarded-For")
                .register(new AbstractBinder() {
                    @Override
                    protected void configure() {
                        bind((DecisionListener) seen::add).to(DecisionListener.class);
                    }
                });
        try (TestServer server = TestServer.start(app)) {
            assertEquals(200, server.get("127.0.0.2", "/reports/secret").status());
            assertEquals(200, server.get("127.0.0.5", "/reports").status());
            // The list server fails; the list fetched before stays in force, and decisions say so.
            status.set(500);
            assertEquals(200, server.get("127.0.0.1", "/reload").status());
            assertEquals(200, server.get("127.0.0.2", "/reports/secret").status());

            assertEquals(3, seen.size(), seen.toString());
            // The admin group draws on the URL list through @partners, and every decision on the proxies' file.
            assertEquals(List.of("url " + url + " (group \"partners\")", "file " + proxies + " (group \"proxies\")"),
                    sources(seen.get(0)));
            assertEquals(List.of("file " + proxies + " (group \"proxies\")"), sources(seen.get(1)));
            assertEquals(sources(seen.get(0)), sources(seen.get(2)));
            for (ListStatus source : seen.get(0).sources()) {
                assertTrue(source.loadedAt().isPresent() && source.lastError().isEmpty(), source.toString());
            }
            ListStatus failing = seen.get(2).sources().get(0);
            assertTrue(failing.loadedAt().isPresent(), failing.toString());
            assertTrue(failing.lastError().orElse("").contains("500"), failing.toString());
            assertTrue(seen.get(2).sources().get(1).lastError().isEmpty(), seen.get(2).toString());
        } finally {
            lists.stop(0);
        }
    }

    private static List<String> sources(Decision decision) {
        return decision.sources().stream().map(ListStatus::source).toList();
    }

    /** An operator's endpoint: load the URL and file lists now. */
    @Path("/reload")
    public static class Reload {
        @GET
        public String reload(@Context IpGuardInspector inspector) {
            return inspector.reload().toString();
        }
    }
}
