package io.ipguard.jaxrs.functional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipguard.jaxrs.IpGuardFeature;
import io.ipguard.jaxrs.Whitelisted;
import io.ipguard.jaxrs.testing.CapturedLog;
import io.ipguard.jaxrs.testing.TestServer;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.List;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Test;

/** A new group rolled out in report-only mode while the others refuse, on a real server. */
class ReportOnlyGroupTest {

    @Path("/partners")
    @Whitelisted(group = "partners")
    public static class Partners {
        @GET
        public String get() {
            return "partners";
        }
    }

    @Path("/admin")
    @Whitelisted(group = "admin")
    public static class Admin {
        @GET
        public String get() {
            return "admin";
        }
    }

    @Test
    void whenOneGroupIsReportOnly_thenItLetsOutsidersThroughLoggedWhileTheOthersRefuse() throws Exception {
        ResourceConfig app = new ResourceConfig(Partners.class, Admin.class).register(IpGuardFeature.class)
                .property("ipguard.group.partners", "127.0.0.3").property("ipguard.group.admin", "127.0.0.2")
                .property("ipguard.report-only.partners", "true");
        try (CapturedLog log = CapturedLog.of("io.ipguard.jaxrs"); TestServer server = TestServer.start(app)) {
            assertEquals(200, server.get("127.0.0.5", "/partners").status());
            assertEquals(403, server.get("127.0.0.5", "/admin").status());
            assertEquals(200, server.get("127.0.0.2", "/admin").status());

            List<String> lines = log.messages();
            assertTrue(lines.contains("WARNING ipguard: ipguard.report-only.partners: report-only for group \"partners\": "
                    + "requests outside it are logged and let through, not refused"), lines.toString());
            assertTrue(lines.stream().anyMatch(m -> m.startsWith("WARNING would refuse (report-only) GET /partners")),
                    lines.toString());
            assertTrue(lines.stream().anyMatch(m -> m.startsWith("WARNING refused GET /admin")), lines.toString());
        }
    }
}
