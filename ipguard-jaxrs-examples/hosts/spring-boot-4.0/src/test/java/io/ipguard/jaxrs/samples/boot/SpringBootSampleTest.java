package io.ipguard.jaxrs.samples.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipguard.jaxrs.IpGuardConfigurationException;
import io.ipguard.jaxrs.testing.RawHttp;
import java.io.IOException;
import java.util.Map;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.OriginLookup;
import org.springframework.boot.origin.SystemEnvironmentOrigin;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * The sample as a real Spring Boot application on Tomcat, on a random port, with clients from
 * 127.0.0.1 and ::1 (in the groups) and 127.0.0.5 (in none). One application serves every request;
 * the start-up failures start their own.
 */
class SpringBootSampleTest {

    /**
     * Environment variables, which a test cannot set in its own process: Boot's kind of source for
     * them, with their origins, in their place (after system properties, before application.properties).
     */
    static final class Variables extends SystemEnvironmentPropertySource implements OriginLookup<String> {
        Variables(Map<String, Object> variables) {
            super("test variables", variables);
        }

        @Override
        public Origin getOrigin(String key) {
            return new SystemEnvironmentOrigin(key);
        }
    }

    private static ConfigurableApplicationContext application;
    private static int port;

    @BeforeAll
    static void start() {
        application = run(Map.of("IPGUARD_GROUP_DEFAULT", "127.0.0.1, 127.0.0.2"));
        port = application.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    @AfterAll
    static void stop() {
        if (application != null) {
            application.close();
        }
    }

    private static ConfigurableApplicationContext run(Map<String, Object> variables, String... args) {
        SpringApplication spring = new SpringApplication(SampleApplication.class);
        spring.addInitializers(context -> context.getEnvironment().getPropertySources()
                .addBefore(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new Variables(variables)));
        String[] all = java.util.stream.Stream.concat(java.util.stream.Stream.of("--server.port=0"),
                java.util.Arrays.stream(args)).toArray(String[]::new);
        return spring.run(all);
    }

    private static RawHttp.Response get(String source, String path) throws IOException {
        return RawHttp.get(source, source.contains(":") ? "::1" : "127.0.0.1", port, path);
    }

    @Test
    void whenTheSampleRuns_thenItRunsThisBootLineAndItsOwnJersey() {
        // Set by each module's pom: the Boot 4.0 and 3.5 samples run these same sources.
        assertEquals(System.getProperty("sample.boot-version"), SpringBootVersion.getVersion());
        String jersey = ResourceConfig.class.getProtectionDomain().getCodeSource().getLocation().toString();
        assertTrue(jersey.contains("/jersey-server-" + System.getProperty("sample.jersey-line") + "."), jersey);
    }

    @Test
    void whenClientsAskTheResources_thenOnlyTheirGroupsAreServed() throws Exception {
        RawHttp.Response admin = get("127.0.0.1", "/admin");

        assertEquals(200, admin.status(), admin.raw());
        assertEquals("admin", admin.body());
        assertEquals(200, get("127.0.0.1", "/open").status());
        assertEquals(200, get("127.0.0.5", "/open").status());
        assertEquals(403, get("127.0.0.5", "/admin").status());
        assertEquals(200, get("::1", "/admin").status());
        assertEquals(200, get("127.0.0.1", "/internal").status());
        assertEquals(403, get("127.0.0.5", "/internal").status());
    }

    @Test
    void whenAnEnvironmentVariableSetsAGroup_thenItOverridesApplicationProperties() throws Exception {
        // IPGUARD_GROUP_DEFAULT adds 127.0.0.2 to the group application.properties gives only 127.0.0.1.
        assertEquals(200, get("127.0.0.2", "/internal").status());
        assertEquals(403, get("127.0.0.2", "/admin").status());
    }

    @Test
    void whenActuatorReportsHealth_thenTheIpguardComponentShowsTheRunningGuardsLists() throws Exception {
        RawHttp.Response health = get("127.0.0.1", "/actuator/health/ipguard");

        assertEquals(200, health.status(), health.raw());
        assertTrue(health.body().startsWith("{\"status\":\"UP\",\"details\":{\"configuration\":{\"entries\":4,\"version\":1,"
                + "\"loadedAt\":\""), health.body());
        assertTrue(health.body().contains("\"checkedAt\":\""), health.body());
    }

    @Test
    void whenTheGuardDecides_thenBootsMeterRegistryAndTheApplicationsListenerHearOfIt() throws Exception {
        assertEquals(403, get("127.0.0.5", "/admin").status());

        RawHttp.Response refused = get("127.0.0.1", "/actuator/metrics/ipguard.decisions?tag=outcome:refused&tag=group:admin");

        assertEquals(200, refused.status(), refused.raw());
        assertTrue(refused.body().contains("\"name\":\"ipguard.decisions\""), refused.body());
        assertTrue(refused.body().matches(".*\"statistic\":\"COUNT\",\"value\":[1-9].*"), refused.body());
        // The application's own DecisionListener bean heard it too.
        assertTrue(application.getBean(RefusalCounter.class).refusals() > 0);
    }

    @Test
    void whenAValueIsInvalid_thenBootDoesNotStartAndSaysWhereItWasSet() {
        Exception e = assertThrows(Exception.class, () -> run(Map.of(), "--spring.profiles.active=broken").close());

        assertEquals("invalid ipguard configuration: class path resource [application-broken.properties] - 1:21: "
                + "ipguard.group.admin: \"10.0.0.1/8\" has host bits set; did you mean 10.0.0.0/8?",
                guardError(e).getMessage());
    }

    @Test
    void whenAVariableIsInvalid_thenBootDoesNotStartAndNamesTheVariable() {
        Exception e = assertThrows(Exception.class, () -> run(Map.of("IPGUARD_DENY_STATUS", "401")).close());

        assertEquals("invalid ipguard configuration: System Environment Property \"IPGUARD_DENY_STATUS\": "
                + "ipguard.deny-status: must be 403 or 404, not \"401\"", guardError(e).getMessage());
    }

    @Test
    void whenAGroupAResourceNamesIsMissing_thenBootDoesNotStart() {
        // Jersey knows the groups resources name only when it deploys them: the starter starts it with the server.
        Exception e = assertThrows(Exception.class, () -> run(Map.of(), "--spring.config.name=without-admin").close());

        assertEquals("invalid ipguard configuration: GET /admin (Admin.get): @Whitelisted group \"admin\" is not "
                + "configured; define ipguard.group.admin (groups [default])", guardError(e).getMessage());
    }

    private static IpGuardConfigurationException guardError(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof IpGuardConfigurationException guard) {
                return guard;
            }
        }
        throw new AssertionError("no IpGuardConfigurationException in", e);
    }
}
