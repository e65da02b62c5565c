package io.ipguard.jaxrs.functional;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ipguard.jaxrs.IpGuardFeature;
import io.ipguard.jaxrs.testing.RawHttp;
import io.ipguard.jaxrs.testing.Resources;
import io.ipguard.jaxrs.testing.TestServer;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A real Grizzly server on loopback, with clients sending from several source addresses. */
class GuardedResourceTest {

    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        ResourceConfig app = new ResourceConfig(Resources.Open.class, Resources.Reports.class,
                Resources.Admin.class, Resources.Mixed.class)
                .register(IpGuardFeature.class)
                .property("ipguard.group.default", "127.0.0.2, 127.0.0.3, ::1")
                .property("ipguard.group.admin", "127.0.0.2");
        server = TestServer.start(app);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest(name = "GET {1} from {0} -> {2}")
    @CsvSource({
        "127.0.0.2, /reports,         200",
        "127.0.0.3, /reports,         200",
        "::1,       /reports,         200",
        "127.0.0.5, /reports,         403",
        "127.0.0.1, /reports,         403",
        "127.0.0.5, /reports/health,  200",
        "127.0.0.2, /reports/secret,  200",
        "127.0.0.3, /reports/secret,  403",
        "::1,       /reports/secret,  403",
        "127.0.0.2, /admin,           200",
        "127.0.0.3, /admin,           403",
        "127.0.0.5, /open,            200",
        "127.0.0.5, /mixed,           200",
        "127.0.0.5, /mixed/guarded,   403",
        "127.0.0.3, /mixed/guarded,   200",
    })
    void whenClientRequests_thenGuardDecidesByItsSourceAddress(String source, String path, int status)
            throws Exception {
        assertEquals(status, server.get(source, path).status());
    }

    @Test
    void whenRefused_thenBodyIsNeutralProblemDocument() throws Exception {
        RawHttp.Response response = server.get("127.0.0.5", "/admin");

        assertEquals(403, response.status());
        assertEquals("application/problem+json", response.header("content-type"));
        assertEquals("{\"title\":\"Forbidden\",\"status\":403}", response.body());
    }

    @Test
    void whenAllowed_thenResourceSeesResolvedClient() throws Exception {
        assertEquals("reports for 127.0.0.2", server.get("127.0.0.2", "/reports").body());
        assertEquals("reports for ::1", server.get("::1", "/reports").body());
    }

    @Test
    void whenResourceIsOpen_thenClientIsStillAvailable() throws Exception {
        assertEquals("open 127.0.0.9", server.get("127.0.0.9", "/open").body());
    }
}
