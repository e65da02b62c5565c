package io.ipguard.jaxrs.functional;

import static io.ipguard.jaxrs.functional.CoverageResources.ADMIN;
import static io.ipguard.jaxrs.functional.CoverageResources.OUTSIDER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.ipguard.jaxrs.testing.JettyServer;
import io.ipguard.jaxrs.testing.RawHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The coverage cases on Jersey's servlet container inside Jetty, WADL on: interfaces, locators,
 * WADL and OPTIONS, and answers given while matching. In 404 mode Jersey hands a missing path to
 * Jetty's error page ({@code sendError}); a refusal takes the same way, byte for byte.
 */
class JettyCoverageTest {

    private static JettyServer forbidding;
    private static JettyServer hiding;

    @BeforeAll
    static void start() throws Exception {
        forbidding = JettyServer.start(CoverageResources.application("403"));
        hiding = JettyServer.start(CoverageResources.application("404"));
    }

    @AfterAll
    static void stop() throws Exception {
        forbidding.close();
        hiding.close();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource(delimiter = '|', value = {
        "GET     | /iface-type          | ''                       | 200",
        "GET     | /iface-method        | ''                       | 200",
        "GET     | /generic             | ''                       | 200",
        "GET     | /locked/instance     | ''                       | 200",
        "GET     | /locked/outer/inner  | ''                       | 200",
        "GET     | /open-root/locked    | ''                       | 200",
        "GET     | /locked/items/2      | ''                       | 404",
        "PUT     | /iface-type          | ''                       | 405",
        "GET     | /locked/instance     | Accept: application/json | 406",
        "OPTIONS | /iface-type          | ''                       | 200",
        "OPTIONS | /locked/instance     | Accept: */*              | 200",
        "GET     | /application.wadl    | ''                       | 200",
    })
    void whenOutsiderAsksJetty_thenItGetsTheRefusalOrTheMissingPathsAnswer(String method, String path, String header,
                                                                            int memberStatus) throws Exception {
        String[] headers = header.isEmpty() ? new String[0] : new String[] {header};
        String body = method.equals("PUT") ? "x" : null;

        RawHttp.Response member = forbidding.request(method, ADMIN, path, body, headers);
        RawHttp.Response outsider = forbidding.request(method, OUTSIDER, path, body, headers);
        RawHttp.Response hidden = hiding.request(method, OUTSIDER, path, body, headers);
        // A missing path of the same length: Jetty's error page quotes the URI.
        String absent = "/" + "x".repeat(path.length() - 1);
        RawHttp.Response missing = hiding.request(method, OUTSIDER, absent, body, headers);

        assertEquals(memberStatus, member.status(), member.raw());
        assertEquals(403, outsider.status(), outsider.raw());
        assertEquals("{\"title\":\"Forbidden\",\"status\":403}", outsider.body());
        assertNull(outsider.header("allow"));
        assertEquals(404, missing.status());
        assertEquals(missing.withoutDate().replace(absent, path), hidden.withoutDate());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"/locked/instance/health", "/open-root/free"})
    void whenMethodIsExemptOrOpenOnItsWay_thenJettyServesEveryone(String path) throws Exception {
        assertEquals(200, forbidding.request("GET", OUTSIDER, path, null).status());
    }
}
