package io.ipguard.jaxrs.spring.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipguard.jaxrs.ClientAddress;
import io.ipguard.jaxrs.ClientIpResolver;
import io.ipguard.jaxrs.IpGuardConfigurationException;
import io.ipguard.jaxrs.IpGuardFeature;
import io.ipguard.jaxrs.IpSet;
import io.ipguard.jaxrs.WhitelistProvider;
import io.ipguard.jaxrs.Whitelisted;
import io.ipguard.jaxrs.testing.TestServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.net.ServerSocket;
import java.util.Map;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;

/**
 * The auto-configuration in a Spring context, its ResourceConfig then served by Jersey on Grizzly:
 * what Boot's Jersey does with the bean, without the cost of a Boot application (the samples under
 * ipguard-jaxrs-examples/hosts run real ones on Boot 3.5 and 4.0).
 */
class AutoConfigurationTest {

    @Path("/open")
    public static class Open {
        @GET
        public String get() {
            return "open";
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

    @Configuration(proxyBeanMethods = false)
    static class Jersey {
        @Bean
        ResourceConfig jerseyConfig() {
            return new ResourceConfig(Open.class, Admin.class).property(ServerProperties.WADL_FEATURE_DISABLE, true);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Metrics {
        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnParts {
        @Bean
        WhitelistProvider officeLists() {
            IpSet office = IpSet.parse("127.0.0.5", "office");
            return name -> name.equals("admin") ? office : null;
        }

        @Bean
        ClientIpResolver peerWithoutZone() {
            return request -> ClientAddress.parse("127.0.0.5");
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class SelfRegistered {
        @Bean
        ResourceConfig jerseyConfig() {
            return new ResourceConfig(Admin.class).register(IpGuardFeature.class);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Layered {
        @Bean
        ResourceConfig jerseyConfig() {
            return new ResourceConfig(Admin.class).property("ipguard.group.admin", "127.0.0.7")
                    .property(ServerProperties.WADL_FEATURE_DISABLE, true);
        }

        @Bean
        IpGuardFeatureCustomizer codeHasTheLastWord() {
            return builder -> builder.denyStatus(403);
        }
    }

    private static AnnotationConfigApplicationContext context(Map<String, Object> properties, Class<?>... configurations) {
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test", properties));
        context.register(IpGuardAutoConfiguration.class, IpGuardHealthAutoConfiguration.class);
        context.register(configurations);
        context.refresh();
        return context;
    }

    @Test
    void whenSpringSetsTheGroups_thenTheJerseyApplicationIsGuardedAndItsHealthAndMetersAreSpringsToo() throws Exception {
        try (var context = context(Map.of("ipguard.group.admin", "127.0.0.1"), Jersey.class, Metrics.class)) {
            RunningIpGuard running = context.getBean(RunningIpGuard.class);
            HealthIndicator health = context.getBean("ipguardHealthIndicator", HealthIndicator.class);
            assertEquals("UNKNOWN", health.health().getStatus().getCode());
            try (TestServer server = TestServer.start(context.getBean(ResourceConfig.class))) {
                assertEquals(200, server.get("127.0.0.5", "/open").status());
                assertEquals(200, server.get("127.0.0.1", "/admin").status());
                assertEquals(403, server.get("127.0.0.5", "/admin").status());

                // The inspector of the running application, handed over by Jersey.
                assertTrue(running.inspector().isPresent());
                assertEquals(1, running.inspector().get().guards().size(), running.inspector().get().guards().toString());
                Health up = health.health();
                assertEquals("UP", up.getStatus().getCode());
                Map<?, ?> configuration = (Map<?, ?>) up.getDetails().get("configuration");
                assertEquals(1, configuration.get("entries"), up.getDetails().toString());
                assertTrue(configuration.containsKey("loadedAt"), configuration.toString());
                // Boot's registry counts the decisions.
                MeterRegistry registry = context.getBean(MeterRegistry.class);
                assertEquals(2.0, registry.get("ipguard.decisions").counters().stream().mapToDouble(c -> c.count()).sum());
            }
            assertTrue(running.inspector().isEmpty(), "the stopped application took its inspector back");
        }
    }

    @Test
    void whenTheApplicationHasBeansForTheListsAndTheClient_thenTheyReplaceTheDefaults() throws Exception {
        try (var context = context(Map.of("ipguard.group.admin", "127.0.0.1"), Jersey.class, OwnParts.class);
             TestServer server = TestServer.start(context.getBean(ResourceConfig.class))) {
            // Every client is 127.0.0.5 to the application's resolver, and its lists admit only that address.
            assertEquals(200, server.get("127.0.0.1", "/admin").status());
            assertEquals(200, server.get("127.0.0.9", "/admin").status());
        }
    }

    @Test
    void whenTheResourceConfigSpringAndACustomizerSetAKey_thenSpringBeatsTheResourceConfigAndTheCustomizerBoth()
            throws Exception {
        try (var context = context(Map.of("ipguard.group.admin", "127.0.0.1", "ipguard.deny-status", "404"), Layered.class);
             TestServer server = TestServer.start(context.getBean(ResourceConfig.class))) {
            assertEquals(200, server.get("127.0.0.1", "/admin").status());
            // Spring's group replaced the ResourceConfig's, and the customizer's status replaced Spring's 404.
            assertEquals(403, server.get("127.0.0.7", "/admin").status());
        }
    }

    @Test
    void whenAValueIsInvalid_thenTheContextDoesNotStartAndTheMessageNamesTheKeyAndSource() {
        BeanCreationException e = assertThrows(BeanCreationException.class, () -> context(
                Map.of("ipguard.group.admin", "10.0.0.1/8", "ipguard.deny-status", "401"), Jersey.class).close());

        IpGuardConfigurationException cause = assertInstanceOf(IpGuardConfigurationException.class, e.getMostSpecificCause());
        assertEquals("invalid ipguard configuration (2 problems):\n"
                + "  property source 'test': ipguard.deny-status: must be 403 or 404, not \"401\"\n"
                + "  property source 'test': ipguard.group.admin: \"10.0.0.1/8\" has host bits set; did you mean 10.0.0.0/8?",
                sorted(cause.getMessage()));
    }

    @Test
    void whenAGroupIsMissing_thenJerseyRefusesToDeploy() throws Exception {
        try (var context = context(Map.of("ipguard.group.other", "127.0.0.1"), Jersey.class)) {
            ResourceConfig config = context.getBean(ResourceConfig.class);
            Exception e = assertThrows(Exception.class, () -> TestServer.start(config).close());

            assertEquals("invalid ipguard configuration: GET /admin (Admin.get): @Whitelisted group "
                    + "\"admin\" is not configured; define ipguard.group.admin (groups [other])", rootMessage(e));
        }
    }

    @Test
    void whenTheApplicationRegistersTheFeatureItself_thenTheContextDoesNotStart() {
        BeanCreationException e = assertThrows(BeanCreationException.class,
                () -> context(Map.of(), SelfRegistered.class).close());

        assertEquals("ResourceConfig bean 'jerseyConfig' registers IpGuardFeature itself, and "
                + "ipguard-jaxrs-spring-boot-starter registers it from Spring's configuration; remove the application's "
                + "registration (move its builder calls into an IpGuardFeatureCustomizer bean), or set "
                + "ipguard.enabled=false to keep it", e.getMostSpecificCause().getMessage());
    }

    @Test
    void whenTheStarterIsSwitchedOff_thenNothingIsRegistered() {
        try (var context = context(Map.of("ipguard.enabled", "false", "ipguard.group.admin", "10.0.0.1/8"), Jersey.class)) {
            assertFalse(context.getBean(ResourceConfig.class).isRegistered(IpGuardFeature.class));
            assertFalse(context.containsBean("ipguardHealthIndicator"));
            assertEquals(0, context.getBeanNamesForType(RunningIpGuard.class).length);
        }
    }

    @Test
    void whenAListCouldNeverBeLoaded_thenTheHealthIsDown() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        var properties = Map.<String, Object>of("ipguard.group.admin", "127.0.0.1",
                "ipguard.url.partners", "http://127.0.0.1:" + closed + "/partners.txt");
        try (var context = context(properties, Jersey.class);
             TestServer server = TestServer.start(context.getBean(ResourceConfig.class))) {
            HealthIndicator health = context.getBean("ipguardHealthIndicator", HealthIndicator.class);
            Health down = health.health();
            for (int i = 0; i < 100 && !down.getStatus().getCode().equals("DOWN"); i++) {
                Thread.sleep(50);
                down = health.health();
            }
            assertEquals("DOWN", down.getStatus().getCode(), down.getDetails().toString());
            Map<?, ?> partners = (Map<?, ?>) down.getDetails().get("url http://127.0.0.1:" + closed + "/partners.txt (group \"partners\")");
            assertEquals("never", partners.get("loadedAt"), down.getDetails().toString());
            assertEquals("http://127.0.0.1:" + closed + "/partners.txt: the server refused the connection", partners.get("lastError"));
            assertEquals(200, server.get("127.0.0.1", "/admin").status());
        }
    }

    private static String rootMessage(Throwable e) {
        while (e.getCause() != null) {
            e = e.getCause();
        }
        return e.getMessage();
    }

    /** The problem lines in order: the order properties are read in is not part of the contract. */
    private static String sorted(String message) {
        String[] lines = message.split("\n");
        String[] problems = java.util.Arrays.copyOfRange(lines, 1, lines.length);
        java.util.Arrays.sort(problems);
        return lines[0] + "\n" + String.join("\n", problems);
    }
}
