package io.ipguard.jaxrs.functional;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ipguard.jaxrs.Decision;
import io.ipguard.jaxrs.DecisionListener;
import io.ipguard.jaxrs.IpGuardFeature;
import io.ipguard.jaxrs.testing.CapturedLog;
import io.ipguard.jaxrs.testing.Resources;
import io.ipguard.jaxrs.testing.TestServer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.glassfish.hk2.utilities.binding.AbstractBinder;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Test;

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
}
