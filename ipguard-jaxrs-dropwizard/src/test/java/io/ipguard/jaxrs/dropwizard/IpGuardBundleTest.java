package io.ipguard.jaxrs.dropwizard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.codahale.metrics.Gauge;
import com.codahale.metrics.Metered;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.health.HealthCheck;
import io.dropwizard.configuration.ResourceConfigurationSourceProvider;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.ipguard.jaxrs.IpGuardConfigurationException;
import io.ipguard.jaxrs.testing.RawHttp;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The bundle in a running Dropwizard application (one for the class), and start-ups it refuses. */
@ExtendWith(DropwizardExtensionsSupport.class)
class IpGuardBundleTest {

    private static final DropwizardAppExtension<TestConfig> APP = new DropwizardAppExtension<>(TestApp.class,
            "bundle-test.yml", new ResourceConfigurationSourceProvider());

    private static RawHttp.Response get(String source, String path) throws Exception {
        return RawHttp.get(source, "127.0.0.1", APP.getLocalPort(), path);
    }

    @Test
    void whenClientsAskTheGuardedResource_thenTheYamlGroupDecides() throws Exception {
        RawHttp.Response allowed = get("127.0.0.1", "/admin");

        assertEquals(200, allowed.status(), allowed.raw());
        assertEquals(403, get("127.0.0.5", "/admin").status());
    }

    @Test
    void whenAUrlListNeverLoaded_thenTheHealthCheckOfTheRunningGuardIsUnhealthy() {
        HealthCheck.Result result = APP.getEnvironment().healthChecks().runHealthCheck(IpGuardBundle.HEALTH_CHECK);

        assertFalse(result.isHealthy());
        assertEquals("never loaded, so counted against every client: url http://127.0.0.1:1/partners.txt (group "
                + "\"partners\"): http://127.0.0.1:1/partners.txt: the server refused the connection", result.getMessage());
        assertEquals(2, ((List<?>) result.getDetails().get("sources")).size());
    }

    @Test
    void whenTheGuardDecides_thenItsMetersAreInDropwizardsRegistry() throws Exception {
        MetricRegistry metrics = APP.getEnvironment().metrics();
        long refusedBefore = count(metrics, "ipguard.decisions.group.admin.outcome.refused.reason.not_in_group");

        assertEquals(403, get("127.0.0.6", "/admin").status());
        assertEquals(200, get("127.0.0.1", "/admin").status());

        assertEquals(refusedBefore + 1, count(metrics, "ipguard.decisions.group.admin.outcome.refused.reason.not_in_group"));
        assertEquals(List.of("ipguard.decisions.group.admin.outcome.allowed.reason.in_group",
                "ipguard.decisions.group.admin.outcome.refused.reason.not_in_group",
                "ipguard.forwarding.untrusted",
                "ipguard.list.age.source.configuration", "ipguard.list.age.source.url:partners",
                "ipguard.list.entries.source.configuration", "ipguard.list.entries.source.url:partners",
                "ipguard.list.failures.source.configuration", "ipguard.list.failures.source.url:partners",
                "ipguard.list.fetches.outcome.200.source.url:partners", "ipguard.list.fetches.outcome.304.source.url:partners",
                "ipguard.list.fetches.outcome.error.source.url:partners", "ipguard.list.fetches.outcome.invalid.source.url:partners",
                "ipguard.list.last.load.timestamp.source.configuration",
                "ipguard.list.last.load.timestamp.source.url:partners"),
                metrics.getNames().stream().filter(name -> name.startsWith("ipguard.")).sorted().toList());
        assertEquals(1.0, ((Gauge<?>) metrics.getGauges().get("ipguard.list.failures.source.url:partners")).getValue());
        assertEquals(1, count(metrics, "ipguard.list.fetches.outcome.error.source.url:partners"));
    }

    @Test
    void whenAReferenceNamesNoList_thenStartUpStopsNamingTheYamlPath() {
        DropwizardTestSupport<TestConfig> app = new DropwizardTestSupport<>(TestApp.class, "bad-reference.yml",
                new ResourceConfigurationSourceProvider());
        try {
            Throwable failure = assertThrows(Exception.class, app::before);
            while (!(failure instanceof IpGuardConfigurationException) && failure.getCause() != null) {
                failure = failure.getCause();
            }
            assertEquals("invalid ipguard configuration: ipguard.groups.admin: ipguard.group.admin: \"@ofice\" names no "
                    + "group (define ipguard.group.ofice, ipguard.url.ofice or ipguard.file.ofice) and no built-in set "
                    + "(@loopback, @private, @link-local, @cgnat)", failure.getMessage());
        } finally {
            app.after();
        }
    }

    @Test
    void whenTheApplicationBindsItsOwnLists_thenTheyReplaceTheYamlGroups() throws Exception {
        DropwizardTestSupport<TestConfig> app = new DropwizardTestSupport<>(BoundListsApp.class, "bound-lists.yml",
                new ResourceConfigurationSourceProvider());
        app.before();
        try {
            assertEquals(200, RawHttp.get("127.0.0.5", "127.0.0.1", app.getLocalPort(), "/admin").status());
            assertEquals(403, RawHttp.get("127.0.0.1", "127.0.0.1", app.getLocalPort(), "/admin").status());
        } finally {
            app.after();
        }
    }

    @Test
    void whenTheBlockIsNotValidatedByDropwizard_thenTheBundleRefusesItNamingEachYamlPath() throws Exception {
        IpGuardFactory block = new IpGuardFactory();
        block.getGroups().put("admin", List.of("10.0.0.0/8", "10.0.0.1/8"));
        block.setDenyStatus(401);

        IpGuardConfigurationException e = assertThrows(IpGuardConfigurationException.class, () ->
                new IpGuardBundle<TestConfig>(config -> block, "security.ipguard").run(new TestConfig(),
                        new Environment("test")));

        assertEquals("""
                invalid ipguard configuration (2 problems):
                  security.ipguard.groups.admin[1]: ipguard.group.admin: "10.0.0.1/8" has host bits set; did you mean 10.0.0.0/8?
                  security.ipguard.denyStatus: ipguard.deny-status: must be 403 or 404, not "401\"""", e.getMessage());
    }

    private static long count(MetricRegistry metrics, String name) {
        Metered meter = (Metered) metrics.getMetrics().get(name);
        return meter == null ? 0 : meter.getCount(); // a decision's meter exists once it has counted one
    }
}
