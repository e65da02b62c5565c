package io.ipguard.jaxrs.samples.dropwizard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.ipguard.jaxrs.testing.RawHttp;
import java.io.IOException;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The sample on a real Dropwizard 5.0.1 server (Jetty 12.1, Jersey 3.1.11), started once for the
 * class with its own config.yml (ports chosen by the system), answering clients bound to 127.0.0.1,
 * .2, .5 and .9 (the trusted proxy) and ::1.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class DropwizardSampleTest {

    private static final DropwizardAppExtension<SampleConfiguration> APP = new DropwizardAppExtension<>(
            SampleApplication.class, "config.yml",
            ConfigOverride.config("server.applicationConnectors[0].port", "0"),
            ConfigOverride.config("server.adminConnectors[0].port", "0"));

    private static RawHttp.Response get(String source, String path, String... headers) throws IOException {
        return RawHttp.get(source, source.contains(":") ? "::1" : "127.0.0.1", APP.getLocalPort(), path, headers);
    }

    private static RawHttp.Response admin(String path) throws IOException {
        return RawHttp.get("127.0.0.1", "127.0.0.1", APP.getAdminPort(), path);
    }

    @Test
    void whenAnyoneAsksTheOpenResource_thenItAnswers() throws Exception {
        assertEquals(200, get("127.0.0.1", "/open").status());
        assertEquals(200, get("127.0.0.5", "/open").status());
    }

    @Test
    void whenClientsAskTheGuardedResources_thenTheYamlGroupsDecide() throws Exception {
        RawHttp.Response admin = get("127.0.0.1", "/admin");

        assertEquals(200, admin.status(), admin.raw());
        assertEquals("admin", admin.body());
        assertEquals(403, get("127.0.0.5", "/admin").status());
        assertEquals(403, get("127.0.0.2", "/admin").status());
        assertEquals(200, get("127.0.0.1", "/internal").status());
        assertEquals(200, get("127.0.0.2", "/internal").status());
        assertEquals(403, get("127.0.0.5", "/internal").status()); // "!127.0.0.5" inside 127.0.0.0/29
    }

    @Test
    void whenTheClientComesOverIpv6_thenJettysPeerIsReadToo() throws Exception {
        assertEquals(200, get("::1", "/admin").status());
    }

    @Test
    void whenAForwardingHeaderArrives_thenOnlyTheTrustedProxyIsBelieved() throws Exception {
        // Dropwizard's Jetty leaves the peer alone (no forwarded-headers customizer): the guard decides whom to believe.
        assertEquals(403, get("127.0.0.5", "/admin", "X-Forwarded-For: 127.0.0.1").status());
        assertEquals(200, get("127.0.0.9", "/admin", "X-Forwarded-For: 127.0.0.1").status());
        assertEquals(403, get("127.0.0.9", "/admin", "X-Forwarded-For: 127.0.0.1, 127.0.0.5").status());
    }

    @Test
    void whenTheAdminPortIsAsked_thenItsHealthCheckShowsTheGuardsListsAndForwardingWarnings() throws Exception {
        get("127.0.0.7", "/open", "X-Forwarded-For: 127.0.0.1"); // a proxy the configuration does not name

        RawHttp.Response health = admin("/healthcheck");

        assertEquals(200, health.status(), health.raw());
        assertTrue(health.body().contains("\"ipguard\":{\"healthy\":true,\"message\":\"1 list source, all loaded; "
                + "forwarding headers from peers that are not trusted proxies: "), health.body());
        assertTrue(health.body().contains("\"sources\":[{\"source\":\"configuration\",\"entries\":6,\"version\":1,"),
                health.body());
    }

    @Test
    void whenTheGuardDecides_thenItsMetersAreAtTheAdminPort() throws Exception {
        assertEquals(403, get("127.0.0.5", "/admin").status());
        assertEquals(200, get("127.0.0.1", "/internal").status());

        String metrics = admin("/metrics").body();

        for (String meter : new String[] {"ipguard.decisions.group.admin.outcome.refused.reason.not_in_group",
                "ipguard.decisions.group.default.outcome.allowed.reason.in_group",
                "ipguard.list.entries.source.configuration", "ipguard.list.age.source.configuration",
                "ipguard.forwarding.untrusted"}) {
            assertTrue(metrics.contains("\"" + meter + "\":{"), meter + " in " + metrics);
        }
    }

    @Test
    void whenTheSampleRuns_thenTheJerseyIsDropwizards() {
        String jersey = ResourceConfig.class.getProtectionDomain().getCodeSource().getLocation().toString();

        assertTrue(jersey.contains("jersey-server-3.1.11"), jersey);
    }
}
