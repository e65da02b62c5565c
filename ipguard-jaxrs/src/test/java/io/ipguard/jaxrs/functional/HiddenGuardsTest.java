package io.ipguard.jaxrs.functional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipguard.jaxrs.IpGuardConfigurationException;
import io.ipguard.jaxrs.IpGuardFeature;
import io.ipguard.jaxrs.Whitelisted;
import io.ipguard.jaxrs.functional.HiddenGuardResources.GuardedApi;
import io.ipguard.jaxrs.functional.HiddenGuardResources.GuardedInflector;
import io.ipguard.jaxrs.functional.HiddenGuardResources.GuardedTarget;
import io.ipguard.jaxrs.functional.HiddenGuardResources.OpenApi;
import io.ipguard.jaxrs.testing.RawHttp;
import io.ipguard.jaxrs.testing.TestServer;
import java.io.IOException;
import java.util.List;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Ways around the guard that the resource model hides, on a real Grizzly server with WADL on, in
 * 403 and 404 modes: Inflectors that carry {@code @Whitelisted}, stereotypes of stereotypes, a
 * package-private method Java does not let a subclass override, JDK proxies, locators that throw
 * for unknown ids, filters that answer before the guard, and readers that run before it.
 */
class HiddenGuardsTest {

    private static final String ADMIN = "127.0.0.2";
    private static final String OUTSIDER = "127.0.0.5";

    private static TestServer forbidding;
    private static TestServer hiding;

    static ResourceConfig application(String denyStatus) {
        return new ResourceConfig()
                .registerResources(HiddenGuardResources.inflectorResource("/inflector-instance", new GuardedInflector()))
                .registerResources(HiddenGuardResources.inflectorResource("/inflector-class", GuardedInflector.class))
                .registerResources(HiddenGuardResources.inflectorResource("/inflector-subclass",
                        new HiddenGuardResources.QuietSubInflector()))
                .registerResources(HiddenGuardResources.inflectorResource("/inflector-apply",
                        new HiddenGuardResources.ApplyGuardedInflector()))
                .register(HiddenGuardResources.OpenLocator.class)
                .register(HiddenGuardResources.NotAnOverride.class)
                .register(HiddenGuardResources.proxy(GuardedApi.class, new GuardedTarget()))
                .register(HiddenGuardResources.Limited.class)
                .register(HiddenGuardResources.NoStoreFilter.class)
                .register(HiddenGuardResources.RouteHeaderFilter.class)
                .register(HiddenGuardResources.RateLimiter.class)
                .register(HiddenGuardResources.FormField.class)
                .register(HiddenGuardResources.FormParameter.class)
                .register(HiddenGuardResources.CountingReader.class)
                .register(IpGuardFeature.class)
                .property("ipguard.group.admin", ADMIN)
                .property("ipguard.deny-status", denyStatus);
    }

    @BeforeAll
    static void start() throws IOException {
        forbidding = TestServer.start(application("403"));
        hiding = TestServer.start(application("404"));
    }

    @AfterAll
    static void stop() {
        forbidding.close();
        hiding.close();
    }

    private static RawHttp.Response send(TestServer server, String source, String method, String path, String body,
                                         String... headers) throws IOException {
        return RawHttp.request(method, source, "127.0.0.1", server.port(), path, body, headers);
    }

    private static RawHttp.Response get(TestServer server, String source, String path, String... headers)
            throws IOException {
        return send(server, source, "GET", path, null, headers);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "/inflector-instance,          inflected",
        "/inflector-class,             inflected",
        "/inflector-subclass,          inflected",
        "/inflector-apply,             apply-guarded",
        "/open-locator/inflected,      inflected",
        "/not-an-override,             not-an-override",
        "/proxy-guarded-api,           target",
        "/open-locator/users/1,        user",
    })
    void whenTheGuardSitsWhereTheModelHidesIt_thenOutsidersAreRefusedAndMembersServed(String path, String body)
            throws Exception {
        RawHttp.Response member = get(forbidding, ADMIN, path);
        RawHttp.Response outsider = get(forbidding, OUTSIDER, path);

        assertEquals(200, member.status(), member.raw());
        assertEquals(body, member.body());
        assertEquals(403, outsider.status(), outsider.raw());
        assertLooksMissing(path);
    }

    @Test
    void whenAnOpenLocatorReturnsAProxyThatHidesItsGuard_thenEveryoneIsRefused() throws Exception {
        assertEquals(403, get(forbidding, ADMIN, "/open-locator/proxied").status());
        assertEquals(403, get(forbidding, OUTSIDER, "/open-locator/proxied").status());
        assertLooksMissing("/open-locator/proxied");
    }

    @Test
    void whenOutsiderProbesIdsThroughAnOpenLocatorOfAGuardedType_thenKnownAndUnknownLookTheSame() throws Exception {
        RawHttp.Response known = get(forbidding, OUTSIDER, "/open-locator/users/1");
        RawHttp.Response unknown = get(forbidding, OUTSIDER, "/open-locator/users/2");

        assertEquals(403, unknown.status(), unknown.raw());
        // In 403 mode the known id's refusal passes the matched method's response filters (docs/security.md).
        assertEquals(known.body(), unknown.body());
        assertEquals(404, get(forbidding, ADMIN, "/open-locator/users/2").status());
        assertLooksMissing("/open-locator/users/1");
        assertLooksMissing("/open-locator/users/2");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"abort", "throw"})
    void whenAFilterBeforeTheGuardAnswersIn404Mode_thenTheAnswerIsTheMissingPathsHeaderForHeader(String how)
            throws Exception {
        RawHttp.Response member = get(hiding, ADMIN, "/limited", "X-Limit: " + how);
        RawHttp.Response refused = get(hiding, OUTSIDER, "/limited", "X-Limit: " + how);
        RawHttp.Response missing = get(hiding, OUTSIDER, "/no-such-path", "X-Limit: " + how);

        // The member sees the limiter's answer, with the method's filters: they are really there.
        assertEquals(429, member.status(), member.raw());
        assertEquals("no-store", member.header("cache-control"), member.raw());
        assertEquals("get", member.header("x-route"), member.raw());
        assertEquals(404, missing.status());
        assertEquals(missing.withoutDate(), refused.withoutDate());
    }

    @Test
    void whenAGuardedClassTakesFormFieldsThroughABeanParam_thenReadersRunForOutsidersAsDocumented() throws Exception {
        String[] form = {"Content-Type: application/x-www-form-urlencoded"};
        int before = HiddenGuardResources.READS.get();

        assertEquals(403, send(forbidding, OUTSIDER, "POST", "/form-field", "name=x", form).status());
        int afterField = HiddenGuardResources.READS.get();
        assertEquals(403, send(forbidding, OUTSIDER, "POST", "/form-param", "name=x", form).status());

        // docs/security.md: building the instance reads the form for its fields, before the guard; a parameter waits.
        assertEquals(before + 1, afterField);
        assertEquals(afterField, HiddenGuardResources.READS.get());
        assertEquals("param x", send(forbidding, ADMIN, "POST", "/form-param", "name=x", form).body());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "StereoOnMethod      | GET /stereo-method (StereoOnMethod.get): method StereoOnMethod.get",
        "StereoOnClass       | GET /stereo-class (StereoOnClass.get): class io.ipguard.jaxrs.functional.HiddenGuardResources$StereoOnClass",
        "StereoInExemptClass | GET /stereo-exempt-class (StereoInExemptClass.get): method StereoInExemptClass.get",
    })
    void whenAStereotypeCarriesTheGuardThroughAnother_thenDeploymentFails(String resource, String where)
            throws Exception {
        Class<?> type = Class.forName(HiddenGuardResources.class.getName() + "$" + resource);
        ResourceConfig app = new ResourceConfig(type).register(IpGuardFeature.class)
                .property("ipguard.group.admin", ADMIN);

        IpGuardConfigurationException e = assertThrows(IpGuardConfigurationException.class, () -> TestServer.start(app));

        assertEquals(List.of(where + ": @AdminOnly carries @Whitelisted or @AnyClient (through @Secured), which "
                + "neither Jersey nor ipguard reads through another annotation; put it on the method or class directly"),
                e.problems());
    }

    @Test
    void whenAProxyHidesItsTargetsGuardAndNothingAroundDecides_thenDeploymentFailsNamingIt() {
        Object proxy = HiddenGuardResources.proxy(OpenApi.class, new GuardedTarget());
        ResourceConfig app = new ResourceConfig().register(proxy).register(IpGuardFeature.class)
                .property("ipguard.group.admin", ADMIN);

        IpGuardConfigurationException e = assertThrows(IpGuardConfigurationException.class, () -> TestServer.start(app));

        assertEquals(List.of("GET /proxy-open-api (" + proxy.getClass().getSimpleName() + ".get): JDK proxy "
                + proxy.getClass().getName() + " implementing " + OpenApi.class.getName() + " hides its target's "
                + "annotations, and nothing on the way to it decides its guard; put @Whitelisted or @AnyClient on the "
                + "interface, or on the Application or the locator that leads to it"), e.problems());
    }

    @Whitelisted(group = "admin")
    public static class GuardedApplication extends ResourceConfig {
        public GuardedApplication() {
            register(HiddenGuardResources.proxy(OpenApi.class, new GuardedTarget()));
            register(IpGuardFeature.class);
            property("ipguard.group.admin", ADMIN);
        }
    }

    @Test
    void whenAProxyHidesItsTargetsGuardButTheApplicationDecides_thenTheApplicationsGroupGuardsIt() throws Exception {
        try (TestServer server = TestServer.start(new GuardedApplication())) {
            assertEquals(200, server.get(ADMIN, "/proxy-open-api").status());
            assertEquals(403, server.get(OUTSIDER, "/proxy-open-api").status());
        }
    }

    /** In 404 mode the outsider's answer is byte for byte the answer to a path that does not exist. */
    private static void assertLooksMissing(String path) throws IOException {
        RawHttp.Response refused = get(hiding, OUTSIDER, path);
        RawHttp.Response missing = get(hiding, OUTSIDER, "/no-such-path");

        assertEquals(404, missing.status());
        assertEquals(missing.withoutDate(), refused.withoutDate(), path);
        assertNull(refused.header("cache-control"), refused.raw());
    }
}
