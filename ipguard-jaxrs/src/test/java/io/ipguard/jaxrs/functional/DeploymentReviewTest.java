package io.ipguard.jaxrs.functional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipguard.jaxrs.AnyClient;
import io.ipguard.jaxrs.IpGuardConfigurationException;
import io.ipguard.jaxrs.IpGuardFeature;
import io.ipguard.jaxrs.IpGuardInspector;
import io.ipguard.jaxrs.Whitelisted;
import io.ipguard.jaxrs.testing.CapturedLog;
import io.ipguard.jaxrs.testing.TestServer;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import org.glassfish.jersey.server.ApplicationHandler;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.model.Resource;
import org.junit.jupiter.api.Test;

/** What deployment decides, reports and refuses to start with. */
class DeploymentReviewTest {

    public interface Left {
        @GET
        @Whitelisted(group = "left")
        String get();
    }

    public interface Right {
        @Whitelisted(group = "right")
        String get();
    }

    @Path("/torn")
    public static class Torn implements Left, Right {
        @Override
        public String get() {
            return "torn";
        }
    }

    @Path("/typed")
    public static class TypedLocator {
        @Path("sub")
        public Unconfigured sub() {
            return new Unconfigured();
        }
    }

    @Whitelisted(group = "nobody-configured-this")
    public static class Unconfigured {
        @GET
        public String get() {
            return "never";
        }
    }

    public interface Loose<T> {
        @POST
        @Path("take")
        @Whitelisted(group = "left")
        String take(T body);
    }

    /** take(CharSequence) overrides nothing in Java, but Jersey builds it from Loose.take, whose T matches anything. */
    @Path("/loose")
    @AnyClient
    public static class LooseImpl implements Loose<String> {
        @POST
        @Path("take")
        @Consumes(MediaType.APPLICATION_JSON)
        @Override
        public String take(String body) {
            return "json";
        }

        public String take(CharSequence body) {
            return "overload";
        }
    }

    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.TYPE, ElementType.METHOD})
    @Whitelisted(group = "left")
    public @interface AdminOnly {
    }

    @Path("/stereotyped")
    public static class Stereotyped {
        @GET
        @AdminOnly
        public String get() {
            return "stereotyped";
        }
    }

    @Test
    void whenJerseyServesAMethodWithTheAnnotationsOfOneItDoesNotOverride_thenDeploymentFails() {
        ResourceConfig app = new ResourceConfig(LooseImpl.class).register(IpGuardFeature.class)
                .property("ipguard.group.left", "127.0.0.2");

        IpGuardConfigurationException e = assertThrows(IpGuardConfigurationException.class, () -> TestServer.start(app));

        assertEquals(List.of("POST /loose/take (LooseImpl.take): method LooseImpl.take: Jersey serves it with the "
                + "annotations of method Loose.take, which it does not override; annotate it directly"), e.problems());
    }

    @Test
    void whenWhitelistedSitsOnAnotherAnnotation_thenDeploymentFailsRatherThanIgnoringIt() {
        ResourceConfig app = new ResourceConfig(Stereotyped.class).register(IpGuardFeature.class)
                .property("ipguard.group.left", "127.0.0.2");

        IpGuardConfigurationException e = assertThrows(IpGuardConfigurationException.class, () -> TestServer.start(app));

        assertEquals(List.of("GET /stereotyped (Stereotyped.get): method Stereotyped.get: @AdminOnly carries "
                + "@Whitelisted or @AnyClient, which neither Jersey nor ipguard reads through another annotation; put it "
                + "on the method or class directly"), e.problems());
    }

    @Test
    void whenInterfacesNameDifferentGroups_thenDeploymentFailsNamingTheMethodAndTheCandidates() {
        ResourceConfig app = new ResourceConfig(Torn.class).register(IpGuardFeature.class)
                .property("ipguard.group.left", "127.0.0.2").property("ipguard.group.right", "127.0.0.3");

        IpGuardConfigurationException e = assertThrows(IpGuardConfigurationException.class, () -> TestServer.start(app));

        assertEquals(List.of("GET /torn (Torn.get): method Torn.get: its interfaces disagree about its guard "
                + "(group \"left\" on method Left.get; group \"right\" on method Right.get); annotate it directly"),
                e.problems());
    }

    @Test
    void whenTypedLocatorLeadsToAnUnconfiguredGroup_thenDeploymentFails() {
        ResourceConfig app = new ResourceConfig(TypedLocator.class).register(IpGuardFeature.class)
                .property("ipguard.group.default", "127.0.0.2");

        IpGuardConfigurationException e = assertThrows(IpGuardConfigurationException.class, () -> TestServer.start(app));

        assertEquals(List.of("GET /typed/sub (Unconfigured.get): @Whitelisted group \"nobody-configured-this\" is not "
                + "configured; define ipguard.group.nobody-configured-this (groups [default])"), e.problems());
    }

    @Test
    void whenProgrammaticMethodIsBoundByNameWithoutAGroup_thenDeploymentFails() {
        Resource.Builder builder = Resource.builder("/programmatic");
        builder.addMethod("GET").nameBindings(Whitelisted.class).handledBy(request -> Response.ok("x").build());
        ResourceConfig app = new ResourceConfig().registerResources(builder.build()).register(IpGuardFeature.class)
                .property("ipguard.group.default", "127.0.0.2");

        IpGuardConfigurationException e = assertThrows(IpGuardConfigurationException.class, () -> TestServer.start(app));

        assertTrue(e.getMessage().contains("GET /programmatic (programmatic): is bound to @Whitelisted by name but has "
                + "no group"), e.getMessage());
    }

    @Test
    void whenDeployed_thenTheReportNamesEachGuardWhereItComesFrom() throws Exception {
        try (CapturedLog log = CapturedLog.of("io.ipguard.jaxrs");
             TestServer server = TestServer.start(CoverageResources.application("403"))) {
            List<String> lines = log.messages();

            assertTrue(lines.contains("INFO ipguard: GET /iface-method (MethodImpl.get) is guarded by group \"admin\" "
                    + "(from method MethodApi.get)"), lines.toString());
            assertTrue(lines.contains("INFO ipguard: locator /locked/items/{id} (Locked.item) guards its sub-resources "
                    + "with group \"admin\" (from class " + CoverageResources.Locked.class.getName() + ")"),
                    lines.toString());
            assertTrue(lines.contains("INFO ipguard: GET /locked/items/{id}/health (Sub.health) is exempt "
                    + "(@AnyClient on method Sub.health)"), lines.toString());
            assertTrue(lines.contains("INFO ipguard: GET /locked/other (OtherSub.get) is guarded by group \"other\" "
                    + "(from class " + CoverageResources.OtherSub.class.getName() + ")"), lines.toString());
        }
    }

    @Test
    void whenInspectorIsAskedForTheGuards_thenItListsTheStartUpReport() {
        ApplicationHandler handler = new ApplicationHandler(CoverageResources.application("403"));
        IpGuardInspector inspector = handler.getInjectionManager().getInstance(IpGuardInspector.class);

        assertTrue(inspector.guards().contains("GET /iface-type (TypeImpl.get) is guarded by group \"admin\" (from "
                + "interface " + CoverageResources.TypeApi.class.getName() + ")"), inspector.guards().toString());
        assertTrue(inspector.guards().contains("GET /locked/items/{id}/health (Sub.health) is exempt "
                + "(@AnyClient on method Sub.health)"), inspector.guards().toString());
    }

    @Test
    void whenReportOnlyIsOn_thenStartUpWarnsThatNothingIsRefused() throws Exception {
        ResourceConfig app = new ResourceConfig(Torn.class).register(IpGuardFeature.builder().reportOnly(true).build())
                .property("ipguard.group.left", "127.0.0.2");
        try (CapturedLog log = CapturedLog.of("io.ipguard.jaxrs")) {
            assertThrows(IpGuardConfigurationException.class, () -> TestServer.start(app));

            assertTrue(log.messages().contains("WARNING ipguard: report-only mode: requests outside their group are "
                    + "logged and let through, not refused"), log.messages().toString());
        }
    }
}
