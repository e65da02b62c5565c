package io.ipguard.jaxrs.functional;

import static io.ipguard.jaxrs.functional.CoverageResources.ADMIN;
import static io.ipguard.jaxrs.functional.CoverageResources.OTHER;
import static io.ipguard.jaxrs.functional.CoverageResources.OUTSIDER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipguard.jaxrs.testing.RawHttp;
import io.ipguard.jaxrs.testing.TestServer;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Ordinary JAX-RS code, WADL on, on a real Grizzly server: no method guarded by a group answers a
 * client outside it, whether the guard comes from an interface, a superclass, a generic base or a
 * locator. In 403 mode every answer an outsider gets from a guarded resource is the refusal; in 404
 * mode it is byte for byte what a path that does not exist gets, with and without the
 * application's own NotFoundException mapper.
 */
class GuardCoverageTest {

    private static final String FORBIDDEN = "{\"title\":\"Forbidden\",\"status\":403}";

    private static TestServer forbidding;
    private static TestServer hiding;
    private static TestServer hidingMapped;

    @BeforeAll
    static void start() throws IOException {
        forbidding = TestServer.start(CoverageResources.application("403"));
        hiding = TestServer.start(CoverageResources.application("404"));
        hidingMapped = TestServer.start(CoverageResources.application("404").register(CoverageResources.NotFoundMapper.class));
    }

    @AfterAll
    static void stop() {
        forbidding.close();
        hiding.close();
        hidingMapped.close();
    }

    private static RawHttp.Response send(TestServer server, String source, String method, String path, String... headers)
            throws IOException {
        String body = method.equals("POST") || method.equals("PUT") ? "x" : null;
        return RawHttp.request(method, source, "127.0.0.1", server.port(), path, body, headers);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "GET,  /iface-type",
        "GET,  /iface-method",
        "GET,  /abstract",
        "GET,  /concrete",
        "GET,  /generic",
        "POST, /generic",
        "GET,  /proxied",
        "GET,  /locked/instance",
        "GET,  /locked/type",
        "GET,  /locked/context",
        "GET,  /locked/dynamic",
        "GET,  /locked/items/1",
        "GET,  /locked/outer/inner",
        "GET,  /locked/programmatic",
        "GET,  /open-root/locked",
        "GET,  /params",
    })
    void whenOutsiderCallsAGuardedMethod_thenItIsRefusedAndTheGroupIsServed(String method, String path) throws Exception {
        String[] headers = method.equals("POST") ? new String[] {"Content-Type: text/plain"} : new String[0];

        RawHttp.Response member = send(forbidding, ADMIN, method, path, headers);
        RawHttp.Response outsider = send(forbidding, OUTSIDER, method, path, headers);

        assertEquals(200, member.status(), member.raw());
        assertEquals(403, outsider.status(), outsider.raw());
        assertEquals(FORBIDDEN, outsider.body());
        assertLooksMissing(hiding, method, path, headers);
        assertLooksMissing(hidingMapped, method, path, headers);
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource(delimiter = '|', value = {
        // Jersey answers these while matching, before any filter: each would reveal the resource.
        "PUT     | /iface-type        | ''                                  | 405",
        "PUT     | /locked/instance   | ''                                  | 405",
        "GET     | /locked/instance   | Accept: application/json            | 406",
        "POST    | /generic           | Content-Type: application/json      | 415",
        "GET     | /params            | X-Count: many                       | 400",
        "GET     | /locked/items/2    | ''                                  | 404",
        "GET     | /locked/nothing    | ''                                  | 404",
        // Automatic OPTIONS answers: a method list, or the resource's WADL.
        "OPTIONS | /iface-type        | ''                                  | 200",
        "OPTIONS | /locked/instance   | Accept: */*                         | 200",
        "OPTIONS | /generic           | Accept: application/vnd.sun.wadl+xml | 200",
        "OPTIONS | /locked/items/1    | Accept: text/plain                  | 200",
        // An open resource's own description shows its guarded children and locators.
        "OPTIONS | /users             | ''                                  | 200",
        "OPTIONS | /users             | Accept: application/vnd.sun.wadl+xml | 200",
        "GET     | /locked/bound      | ''                                  | 200",
        // The application's description.
        "GET     | /application.wadl  | ''                                  | 200",
        "GET     | /application.wadl?detail=true | ''                       | 200",
    })
    void whenOutsiderProvokesAnAnswerGivenWhileMatching_thenItGetsTheRefusalInstead(String method, String path,
                                                                                      String header, int memberStatus)
            throws Exception {
        String[] headers = header.isEmpty() ? new String[0] : new String[] {header};

        RawHttp.Response member = send(forbidding, ADMIN, method, path, headers);
        RawHttp.Response outsider = send(forbidding, OUTSIDER, method, path, headers);

        assertEquals(memberStatus, member.status(), member.raw());
        assertEquals(403, outsider.status(), outsider.raw());
        assertEquals(FORBIDDEN, outsider.body());
        assertNull(outsider.header("allow"));
        assertLooksMissing(hiding, method, path, headers);
        assertLooksMissing(hidingMapped, method, path, headers);
    }

    @Test
    void whenOutsiderProbesLocatorIds_thenKnownAndUnknownLookTheSame() throws Exception {
        RawHttp.Response known = send(forbidding, OUTSIDER, "GET", "/locked/items/1");
        RawHttp.Response unknown = send(forbidding, OUTSIDER, "GET", "/locked/items/2");

        assertEquals(known.withoutDate(), unknown.withoutDate());
        assertEquals(404, send(forbidding, ADMIN, "GET", "/locked/items/2").status());
    }

    @Test
    void whenWadlIsAsked_thenOnlyAClientInEveryGroupInUseReadsIt() throws Exception {
        // 127.0.0.2 is in "admin" and in "other"; 127.0.0.3 only in "other".
        RawHttp.Response full = send(forbidding, ADMIN, "GET", "/application.wadl?detail=true");

        assertEquals(200, full.status());
        assertTrue(full.body().contains("path=\"/locked\""), full.body());
        assertEquals(403, send(forbidding, OTHER, "GET", "/application.wadl").status());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "/locked/instance/health, healthy",
        "/open-root/free,         sub",
        "/open-root,              open",
    })
    void whenMethodIsExemptOrOpenOnItsWay_thenEveryoneIsServed(String path, String body) throws Exception {
        RawHttp.Response outsider = send(forbidding, OUTSIDER, "GET", path);

        assertEquals(200, outsider.status(), outsider.raw());
        assertEquals(body, outsider.body());
        assertNull(outsider.header("x-jersey-bound"));
    }

    @Test
    void whenSubResourceMetWhileServingIsUndecidable_thenEveryoneIsRefused() throws Exception {
        assertEquals(403, send(forbidding, ADMIN, "GET", "/locked/undecidable").status());
        assertEquals(403, send(forbidding, OUTSIDER, "GET", "/locked/undecidable").status());
        assertLooksMissing(hiding, "GET", "/locked/undecidable");
    }

    @Test
    void whenOpenResourceHasGuardedChildren_thenItsMethodsStayOpenButItsDescriptionIsGuarded() throws Exception {
        RawHttp.Response wadl = send(forbidding, ADMIN, "OPTIONS", "/users", "Accept: application/vnd.sun.wadl+xml");

        assertEquals(200, send(forbidding, OUTSIDER, "GET", "/users").status());
        assertTrue(wadl.body().contains("purge"), wadl.body());
        assertEquals(403, send(forbidding, OUTSIDER, "DELETE", "/users/7/purge").status());
        assertEquals(403, send(forbidding, OUTSIDER, "GET", "/users/console/dump").status());
    }

    @Test
    void whenSubResourceNamesItsOwnGroup_thenItOverridesTheLocatorsGuard() throws Exception {
        assertEquals(200, send(forbidding, OTHER, "GET", "/locked/other").status());
        assertEquals(403, send(forbidding, OUTSIDER, "GET", "/locked/other").status());
        // The way there is guarded by "admin", but the sub-resource's own "other" decides.
        assertEquals(200, send(forbidding, ADMIN, "GET", "/locked/other").status());
    }

    @Test
    void whenRefusedIn403Mode_thenJerseysNameBoundFiltersStillSeeTheRefusal() throws Exception {
        // Jersey binds @Whitelisted on the interface method: its name-bound filter runs, and so does the guard.
        RawHttp.Response outsider = send(forbidding, OUTSIDER, "GET", "/iface-method");

        assertEquals(403, outsider.status());
        assertEquals("true", outsider.header("x-jersey-bound"));
    }

    @Test
    void whenOutsiderReachesALocator_thenTheLocatorRunsBeforeTheGuardRefuses() throws Exception {
        int before = CoverageResources.LOCATOR_CALLS.get();

        assertEquals(403, send(forbidding, OUTSIDER, "GET", "/locked/instance").status());
        // Documented in docs/security.md: Jersey runs locators while matching, before any filter.
        assertEquals(before + 1, CoverageResources.LOCATOR_CALLS.get());
    }

    /** In 404 mode the outsider's answer is byte for byte the answer to a path that does not exist. */
    private static void assertLooksMissing(TestServer server, String method, String path, String... headers)
            throws IOException {
        RawHttp.Response refused = send(server, OUTSIDER, method, path, headers);
        RawHttp.Response missing = send(server, OUTSIDER, method, "/no-such-path", headers);

        assertEquals(404, missing.status());
        assertEquals(missing.withoutDate(), refused.withoutDate(), method + " " + path);
        assertFalse(refused.raw().contains("X-Jersey-Bound"), refused.raw());
    }
}
