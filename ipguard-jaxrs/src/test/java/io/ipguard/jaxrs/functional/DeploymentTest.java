package io.ipguard.jaxrs.functional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ipguard.jaxrs.AnyClient;
import io.ipguard.jaxrs.IpGuardConfigurationException;
import io.ipguard.jaxrs.IpGuardFeature;
import io.ipguard.jaxrs.Whitelisted;
import io.ipguard.jaxrs.testing.RawHttp;
import io.ipguard.jaxrs.testing.Resources;
import io.ipguard.jaxrs.testing.TestServer;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.nio.file.Files;
import org.glassfish.jersey.process.Inflector;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.model.Resource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How annotations and settings shape the guard, each on its own real server. */
class DeploymentTest {

    /** The Flask package's model: every resource of the application is guarded. */
    @Whitelisted
    public static class GuardedApplication extends ResourceConfig {
        public GuardedApplication() {
            register(Resources.Open.class);
            register(Resources.Admin.class);
            register(Exempt.class);
            register(IpGuardFeature.class);
            property("ipguard.group.default", "127.0.0.2");
            property("ipguard.group.admin", "127.0.0.3");
        }
    }

    @Path("/exempt")
    @AnyClient
    public static class Exempt {
        @GET
        public String get() {
            return "exempt";
        }
    }

    @Test
    void whenApplicationIsWhitelisted_thenEveryResourceIsGuardedButMoreSpecificAnnotationsWin() throws Exception {
        try (TestServer server = TestServer.start(new GuardedApplication())) {
            assertEquals(200, server.get("127.0.0.2", "/open").status());
            assertEquals(403, server.get("127.0.0.5", "/open").status());
            // The class's own group beats the application's.
            assertEquals(403, server.get("127.0.0.2", "/admin").status());
            assertEquals(200, server.get("127.0.0.3", "/admin").status());
            // @AnyClient on a class exempts it from the application's guard.
            assertEquals(200, server.get("127.0.0.5", "/exempt").status());
        }
    }

    @Test
    void whenApplicationIsWhitelisted_thenProgrammaticResourcesAreGuardedToo() throws Exception {
        GuardedApplication app = new GuardedApplication();
        Resource.Builder builder = Resource.builder("/programmatic");
        builder.addMethod("GET").handledBy(request -> Response.ok("programmatic").build());
        app.registerResources(builder.build());
        try (TestServer server = TestServer.start(app)) {
            assertEquals(200, server.get("127.0.0.2", "/programmatic").status());
            assertEquals(403, server.get("127.0.0.5", "/programmatic").status());
        }
    }

    /** An annotated resource class that happens to implement Inflector is application code all the same. */
    @Path("/inflector-class")
    public static class InflectorClass implements Inflector<ContainerRequestContext, String> {
        @GET
        public String get() {
            return "inflector-class";
        }

        @Override
        public String apply(ContainerRequestContext request) {
            return "apply";
        }
    }

    @Test
    void whenAnnotatedResourceImplementsInflector_thenItIsGuardedLikeAnyResource() throws Exception {
        GuardedApplication app = new GuardedApplication();
        app.register(InflectorClass.class);
        try (TestServer server = TestServer.start(app)) {
            assertEquals(200, server.get("127.0.0.2", "/inflector-class").status());
            assertEquals(403, server.get("127.0.0.5", "/inflector-class").status());
        }
    }

    @Test
    void whenApplicationIsOpen_thenProgrammaticResourcesStayOpen() throws Exception {
        Resource.Builder builder = Resource.builder("/programmatic");
        builder.addMethod("GET").handledBy(request -> Response.ok("programmatic").build());
        ResourceConfig app = new ResourceConfig().registerResources(builder.build()).register(IpGuardFeature.class);
        try (TestServer server = TestServer.start(app)) {
            assertEquals(200, server.get("127.0.0.5", "/programmatic").status());
        }
    }

    @Test
    void whenDenyStatusIs404_thenRefusalIsTheAnswerToAMissingPath() throws Exception {
        ResourceConfig app = new ResourceConfig(Resources.Admin.class)
                .register(IpGuardFeature.class)
                .property("ipguard.group.admin", "127.0.0.2")
                .property("ipguard.deny-status", "404");
        try (TestServer server = TestServer.start(app)) {
            RawHttp.Response refused = server.get("127.0.0.5", "/admin");
            RawHttp.Response missing = server.get("127.0.0.5", "/nothing-here");

            assertEquals(404, refused.status());
            assertEquals(missing.withoutDate().replace("/nothing-here", "/admin"), refused.withoutDate());
            assertEquals(200, server.get("127.0.0.2", "/admin").status());
        }
    }

    @Test
    void whenClientAsksForOptions_thenTheGuardOfTheResourcesMethodsApplies() throws Exception {
        ResourceConfig app = new ResourceConfig(Resources.Admin.class, Resources.Reports.class, Resources.Open.class)
                .register(IpGuardFeature.class)
                .property("ipguard.group.admin", "127.0.0.2")
                .property("ipguard.group.default", "127.0.0.2, 127.0.0.3")
                .property("ipguard.deny-status", "404");
        try (TestServer server = TestServer.start(app)) {
            RawHttp.Response refused = RawHttp.request("OPTIONS", "127.0.0.5", "127.0.0.1", server.port(), "/admin", null);
            RawHttp.Response allowed = RawHttp.request("OPTIONS", "127.0.0.2", "127.0.0.1", server.port(), "/admin", null);

            // In 404 mode the method list must not reveal that /admin exists.
            assertEquals(404, refused.status());
            assertEquals(null, refused.header("allow"));
            assertEquals(200, allowed.status());
            assertEquals("HEAD,GET,OPTIONS", allowed.header("allow"));
            assertEquals(404, RawHttp.request("OPTIONS", "127.0.0.3", "127.0.0.1", server.port(), "/admin", null).status());
            // /reports's description (its WADL) shows /reports/secret too, guarded by "admin".
            assertEquals(404, RawHttp.request("OPTIONS", "127.0.0.3", "127.0.0.1", server.port(), "/reports", null).status());
            assertEquals(200, RawHttp.request("OPTIONS", "127.0.0.2", "127.0.0.1", server.port(), "/reports", null).status());
            // /reports/health is exempt: its OPTIONS is open like the method.
            assertEquals(200, RawHttp.request("OPTIONS", "127.0.0.5", "127.0.0.1", server.port(), "/reports/health", null)
                    .status());
            assertEquals(200, RawHttp.request("OPTIONS", "127.0.0.5", "127.0.0.1", server.port(), "/open", null).status());
        }
    }

    @Test
    void whenReportOnly_thenRefusalsAreLetThrough() throws Exception {
        ResourceConfig app = new ResourceConfig(Resources.Admin.class)
                .register(IpGuardFeature.class)
                .property("ipguard.group.admin", "127.0.0.2")
                .property("ipguard.report-only", "true");
        try (TestServer server = TestServer.start(app)) {
            assertEquals(200, server.get("127.0.0.5", "/admin").status());
        }
    }

    @Test
    void whenConfiguredByBuilder_thenBuilderSettingsOverrideProperties() throws Exception {
        ResourceConfig app = new ResourceConfig(Resources.Admin.class)
                .register(IpGuardFeature.builder().group("admin", "127.0.0.7").denyStatus(404).build())
                .property("ipguard.group.admin", "127.0.0.2");
        try (TestServer server = TestServer.start(app)) {
            assertEquals(200, server.get("127.0.0.7", "/admin").status());
            assertEquals(404, server.get("127.0.0.2", "/admin").status());
        }
    }

    @Test
    void whenKeysAreWrittenWithTheirDefaults_thenApplicationPropertiesFileAndBuilderAllAcceptThem(@TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path file = dir.resolve("ipguard.properties");
        Files.writeString(file, "ipguard.trusted-hops =\nipguard.client-ip-header =\n");
        ResourceConfig app = new ResourceConfig(Resources.Admin.class)
                .register(IpGuardFeature.builder().configFile(file).property("ipguard.deny-status", "").build())
                .property("ipguard.trusted-proxies", "")
                .property("ipguard.group.admin", "127.0.0.2");
        try (TestServer server = TestServer.start(app)) {
            assertEquals(200, server.get("127.0.0.2", "/admin", "X-Forwarded-For: 127.0.0.5").status());
            assertEquals(403, server.get("127.0.0.5", "/admin", "X-Forwarded-For: 127.0.0.2").status());
        }
    }

    @Test
    void whenGroupIsEmpty_thenEveryoneIsRefused() throws Exception {
        ResourceConfig app = new ResourceConfig(Resources.Admin.class)
                .register(IpGuardFeature.class)
                .property("ipguard.group.admin", " , ");
        try (TestServer server = TestServer.start(app)) {
            assertEquals(403, server.get("127.0.0.1", "/admin").status());
            assertEquals(403, server.get("::1", "/admin").status());
        }
    }

    @Test
    void whenGroupIsNotConfigured_thenDeploymentFailsNamingMethodAndGroup() {
        ResourceConfig app = new ResourceConfig(Resources.MissingGroup.class)
                .register(IpGuardFeature.class)
                .property("ipguard.group.default", "127.0.0.2");

        IpGuardConfigurationException e = assertThrows(IpGuardConfigurationException.class, () -> TestServer.start(app));

        assertEquals("invalid ipguard configuration: GET /missing (MissingGroup.get): @Whitelisted group "
                + "\"nobody-configured-this\" is not configured; define ipguard.group.nobody-configured-this "
                + "(groups [default])", e.getMessage());
    }

    @Path("/both")
    public static class BothAnnotations {
        @GET
        @Whitelisted
        @AnyClient
        public String get() {
            return "never";
        }
    }

    @Test
    void whenMethodIsBothWhitelistedAndExempt_thenDeploymentFails() {
        ResourceConfig app = new ResourceConfig(BothAnnotations.class)
                .register(IpGuardFeature.class)
                .property("ipguard.group.default", "127.0.0.2");

        IpGuardConfigurationException e = assertThrows(IpGuardConfigurationException.class, () -> TestServer.start(app));

        assertEquals("invalid ipguard configuration: GET /both (BothAnnotations.get): method BothAnnotations.get: "
                + "has both @Whitelisted and @AnyClient", e.getMessage());
    }

    @Test
    void whenPropertiesAreInvalid_thenDeploymentFailsListingEveryProblem() {
        ResourceConfig app = new ResourceConfig(Resources.Admin.class)
                .register(IpGuardFeature.class)
                .property("ipguard.group.admin", "10.0.0.1/8, example.com")
                .property("ipguard.deny-status", "401")
                .property("ipguard.grup.admin", "10.0.0.0/8");

        IpGuardConfigurationException e = assertThrows(IpGuardConfigurationException.class, () -> TestServer.start(app));

        assertEquals(java.util.Set.of(
                "ipguard.group.admin: \"10.0.0.1/8\" has host bits set; did you mean 10.0.0.0/8?",
                "ipguard.group.admin: \"example.com\" is a hostname; only address literals are accepted "
                        + "(names are never resolved)",
                "ipguard.deny-status: must be 403 or 404, not \"401\"",
                "ipguard.grup.admin: unknown key; did you mean ipguard.group.admin?"), java.util.Set.copyOf(e.problems()));
    }
}
