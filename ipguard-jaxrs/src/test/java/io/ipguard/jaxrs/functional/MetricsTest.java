package io.ipguard.jaxrs.functional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.ipguard.jaxrs.IpGuardFeature;
import io.ipguard.jaxrs.IpSet;
import io.ipguard.jaxrs.WhitelistProvider;
import io.ipguard.jaxrs.testing.CapturedLog;
import io.ipguard.jaxrs.testing.RawHttp;
import io.ipguard.jaxrs.testing.Resources;
import io.ipguard.jaxrs.testing.TestServer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.glassfish.hk2.utilities.binding.AbstractBinder;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.spi.AbstractContainerLifecycleListener;
import org.glassfish.jersey.server.spi.Container;
import org.junit.jupiter.api.Test;

/**
 * The guard's Micrometer meters on a real server: a known mix of requests moves each decision
 * counter by exactly what it should, list health shows in gauges and counters, and a registry that
 * fails changes no decision.
 */
class MetricsTest {

    private static double decisions(MeterRegistry registry, String outcome, String reason, String group) {
        Counter counter = registry.find("ipguard.decisions").tags("outcome", outcome, "reason", reason, "group", group)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private static RawHttp.Response get(TestServer server, String source, String path, String... headers) throws Exception {
        return server.get(source, path, headers);
    }

    @Test
    void whenAKnownMixOfRequestsArrives_thenEachDecisionCounterMovesByExactlyThat() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        ResourceConfig app = new ResourceConfig(Resources.Admin.class, Resources.Reports.class)
                .register(IpGuardFeature.builder().meterRegistry(registry).build())
                .property("ipguard.group.admin", "127.0.0.2")
                .property("ipguard.group.default", "127.0.0.2, 127.0.0.3")
                .property("ipguard.trusted-proxies", "127.0.0.9")
                .property("ipguard.client-ip-header", "X-Forwarded-For");
        try (TestServer server = TestServer.start(app)) {
            for (int i = 0; i < 3; i++) {
                assertEquals(200, get(server, "127.0.0.2", "/admin").status());
            }
            assertEquals(200, get(server, "127.0.0.3", "/reports").status());
            for (int i = 0; i < 2; i++) {
                assertEquals(403, get(server, "127.0.0.5", "/admin").status());
            }
            assertEquals(403, get(server, "127.0.0.9", "/admin", "X-Forwarded-For: garbage").status());
            // Exempt and open requests are not decisions.
            assertEquals(200, get(server, "127.0.0.5", "/reports/health").status());

            assertEquals(3, decisions(registry, "allowed", "in_group", "admin"));
            assertEquals(1, decisions(registry, "allowed", "in_group", "default"));
            assertEquals(2, decisions(registry, "refused", "not_in_group", "admin"));
            assertEquals(1, decisions(registry, "refused", "client_unknown", "admin"));
            assertEquals(7, registry.find("ipguard.decisions").counters().stream().mapToDouble(Counter::count).sum());
            assertEquals(3, registry.get("ipguard.list.entries").tag("source", "configuration").gauge().value());
        }
    }

    @Test
    void whenReportOnlyOrTheProviderFails_thenTheyAreCountedAsSuch() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        ResourceConfig reportOnly = new ResourceConfig(Resources.Admin.class)
                .register(IpGuardFeature.builder().meterRegistry(registry).reportOnly(true).build())
                .property("ipguard.group.admin", "127.0.0.2");
        try (TestServer server = TestServer.start(reportOnly)) {
            assertEquals(200, get(server, "127.0.0.5", "/admin").status());
            assertEquals(200, get(server, "127.0.0.5", "/admin").status());
        }
        assertEquals(2, decisions(registry, "reported", "not_in_group", "admin"));

        SimpleMeterRegistry failing = new SimpleMeterRegistry();
        ResourceConfig throwing = new ResourceConfig(Resources.Admin.class)
                .register(IpGuardFeature.builder().meterRegistry(failing).build())
                .register(new AbstractBinder() {
                    @Override
                    protected void configure() {
                        bind(new ThrowingProvider()).to(WhitelistProvider.class);
                    }
                });
        try (TestServer server = TestServer.start(throwing)) {
            assertEquals(403, get(server, "127.0.0.2", "/admin").status());
        }
        assertEquals(1, decisions(failing, "refused", "guard_error", "admin"));
    }

    /** A provider that knows the group at deployment and fails on every request after. */
    static final class ThrowingProvider implements WhitelistProvider {
        private int calls;

        @Override
        public synchronized IpSet group(String name) {
            if (calls++ == 0) {
                return IpSet.parse("127.0.0.2", "test");
            }
            throw new IllegalStateException("list service down");
        }
    }

    @Test
    void whenTheApplicationBindsARegistry_thenMetricsAreOnWithoutABuilderCall() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        ResourceConfig app = new ResourceConfig(Resources.Admin.class).register(IpGuardFeature.class)
                .property("ipguard.group.admin", "127.0.0.2")
                .register(new AbstractBinder() {
                    @Override
                    protected void configure() {
                        bind(registry).to(MeterRegistry.class);
                    }
                });
        try (TestServer server = TestServer.start(app)) {
            assertEquals(403, get(server, "127.0.0.5", "/admin").status());
        }
        assertEquals(1, decisions(registry, "refused", "not_in_group", "admin"));
    }

    /** A registry whose counters fail, as a broken exporter or a Micrometer version mismatch might. */
    static final class BrokenRegistry extends SimpleMeterRegistry {
        private final String fault;

        BrokenRegistry(String fault) {
            this.fault = fault;
        }

        @Override
        protected Counter newCounter(Meter.Id id) {
            return new Counter() {
                @Override
                public void increment(double amount) {
                    if (fault.contains("/")) {
                        throw new NoClassDefFoundError(fault);
                    }
                    throw new IllegalStateException(fault);
                }

                @Override
                public double count() {
                    return 0;
                }

                @Override
                public Meter.Id getId() {
                    return id;
                }
            };
        }
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}, deny-status {1}")
    @org.junit.jupiter.params.provider.CsvSource({"exporter down, 403", "exporter down, 404",
        "io/prometheus/metrics/core/Counter, 403", "io/prometheus/metrics/core/Counter, 404"})
    void whenTheRegistryFails_thenNoDecisionChangesAndTheFaultIsLoggedOncePerBurst(String fault, int status)
            throws Exception {
        ResourceConfig app = new ResourceConfig(Resources.Admin.class)
                .register(IpGuardFeature.builder().meterRegistry(new BrokenRegistry(fault)).build())
                .property("ipguard.group.admin", "127.0.0.2").property("ipguard.deny-status", String.valueOf(status));
        try (CapturedLog log = CapturedLog.of(IpGuardFeature.class.getName()); TestServer server = TestServer.start(app)) {
            RawHttp.Response missing = get(server, "127.0.0.5", "/nosuch");
            for (int i = 0; i < 5; i++) {
                assertEquals(200, get(server, "127.0.0.2", "/admin").status());
                RawHttp.Response outsider = get(server, "127.0.0.5", "/admin");
                assertEquals(status, outsider.status(), outsider.raw());
                if (status == 404) {
                    assertEquals(missing.body(), outsider.body());
                }
            }
            List<String> faults = log.messages().stream().filter(m -> m.contains("metrics failed")).toList();

            assertEquals(1, faults.size(), log.messages().toString());
            assertTrue(faults.get(0).contains(fault + "; decisions are unaffected"), faults.get(0));
        }
    }

    @Test
    void whenAUrlListIsFetched_thenItsHealthShowsInGaugesAndFetchCounters() throws Exception {
        HttpServer lists = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        lists.createContext("/partners.txt", exchange -> {
            if ("v1".equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                exchange.sendResponseHeaders(304, -1);
            } else {
                byte[] body = "127.0.0.2\n198.51.100.0/24\n".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("ETag", "v1");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        lists.start();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        ResourceConfig app = new ResourceConfig(Resources.Admin.class, Reload.class)
                .register(IpGuardFeature.builder().meterRegistry(registry).build())
                .property("ipguard.url.admin", "http://127.0.0.1:" + lists.getAddress().getPort() + "/partners.txt");
        try (TestServer server = TestServer.start(app)) {
            assertEquals(200, server.get("127.0.0.2", "/admin").status());
            // A second fetch: the list server answers 304 to the ETag it gave.
            assertEquals(200, server.get("127.0.0.1", "/reload").status());

            assertEquals(2, registry.get("ipguard.list.entries").tag("source", "url:admin").gauge().value());
            assertEquals(1, registry.get("ipguard.list.fetches").tags("source", "url:admin", "outcome", "200")
                    .functionCounter().count());
            assertEquals(1, registry.get("ipguard.list.fetches").tags("source", "url:admin", "outcome", "304")
                    .functionCounter().count());
            assertEquals(0, registry.get("ipguard.list.failures").tag("source", "url:admin").gauge().value());
            assertTrue(registry.get("ipguard.list.age").tag("source", "url:admin").gauge().value() < 60);
        } finally {
            lists.stop(0);
        }
    }

    @Test
    void whenAReloadAddsReplacesOrDropsAList_thenItsMetersFollow(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path partners = java.nio.file.Files.writeString(dir.resolve("partners.txt"), "127.0.0.2\n127.0.0.3\n");
        java.nio.file.Path others = java.nio.file.Files.writeString(dir.resolve("others.txt"), "127.0.0.2\n");
        java.nio.file.Path config = java.nio.file.Files.writeString(dir.resolve("ipguard.properties"),
                "ipguard.group.admin = 127.0.0.2\n");
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        ResourceConfig app = new ResourceConfig(Resources.Admin.class, Reload.class)
                .register(IpGuardFeature.builder().meterRegistry(registry).configFile(config).build());
        try (TestServer server = TestServer.start(app)) {
            assertEquals(null, registry.find("ipguard.list.entries").tag("source", "file:partners").gauge());

            // Added by a reload: its meters appear without a restart.
            java.nio.file.Files.writeString(config, "ipguard.file.partners = " + partners + "\n"
                    + "ipguard.group.admin = @partners\n");
            assertEquals(200, server.get("127.0.0.1", "/reload").status());
            assertEquals(200, server.get("127.0.0.3", "/admin").status());
            assertEquals(2, registry.get("ipguard.list.entries").tag("source", "file:partners").gauge().value());

            // Replaced (another file for the same group): the gauges read the new source.
            java.nio.file.Files.writeString(config, "ipguard.file.partners = " + others + "\n"
                    + "ipguard.group.admin = @partners\n");
            assertEquals(200, server.get("127.0.0.1", "/reload").status());
            assertEquals(403, server.get("127.0.0.3", "/admin").status());
            assertEquals(1, registry.get("ipguard.list.entries").tag("source", "file:partners").gauge().value());

            // Dropped: its meters go, rather than read a source nothing uses.
            java.nio.file.Files.writeString(config, "ipguard.group.admin = 127.0.0.2\n");
            assertEquals(200, server.get("127.0.0.1", "/reload").status());
            assertEquals(List.of(), registry.find("ipguard.list.entries").tag("source", "file:partners").meters());
            assertEquals(List.of(), registry.find("ipguard.list.age").tag("source", "file:partners").meters());
            assertEquals(1, registry.find("ipguard.list.entries").tag("source", "file").meters().size());
        }
        assertEquals(List.of(), registry.find("ipguard.list.entries").meters());
    }

    /** An operator's endpoint: fetch the URL lists now. */
    @jakarta.ws.rs.Path("/reload")
    public static class Reload {
        @jakarta.ws.rs.GET
        public String reload(@jakarta.ws.rs.core.Context io.ipguard.jaxrs.IpGuardInspector inspector) {
            return inspector.reload().toString();
        }
    }

    private static ResourceConfig app(MeterRegistry registry, String admins) {
        return new ResourceConfig(Resources.Admin.class)
                .register(IpGuardFeature.builder().meterRegistry(registry).build())
                .property("ipguard.group.admin", admins);
    }

    private static double entries(MeterRegistry registry) {
        return registry.get("ipguard.list.entries").tag("source", "configuration").gauge().value();
    }

    @Test
    void whenTheContainerReloadsTheApplication_thenTheGaugesReadTheNewOne() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Container[] container = new Container[1];
        ResourceConfig first = app(registry, "127.0.0.2").register(new AbstractContainerLifecycleListener() {
            @Override
            public void onStartup(Container started) {
                container[0] = started;
            }
        });
        try (TestServer server = TestServer.start(first)) {
            assertEquals(1, entries(registry));

            container[0].reload(app(registry, "127.0.0.2, 127.0.0.3, 10.0.0.0/8"));
            assertEquals(200, get(server, "127.0.0.3", "/admin").status());
            System.gc();

            assertEquals(3, entries(registry));
            assertEquals(1, registry.find("ipguard.list.entries").gauges().size());
        }
        assertEquals(List.of(), registry.find("ipguard.list.entries").gauges().stream().toList());
    }

    @Test
    void whenTwoApplicationsShareARegistry_thenTheLaterShowsAndTheEarlierStoppingLeavesItAlone() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        TestServer earlier = TestServer.start(app(registry, "127.0.0.2"));
        try (TestServer later = TestServer.start(app(registry, "127.0.0.2, 127.0.0.3"))) {
            assertEquals(2, entries(registry));
            earlier.close();

            assertEquals(2, entries(registry));
            assertEquals(200, get(later, "127.0.0.2", "/admin").status());
            assertTrue(decisions(registry, "allowed", "in_group", "admin") >= 1);
        }
    }
}
