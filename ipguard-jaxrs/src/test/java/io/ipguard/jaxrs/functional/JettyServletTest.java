package io.ipguard.jaxrs.functional;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ipguard.jaxrs.IpGuardFeature;
import io.ipguard.jaxrs.testing.JettyServer;
import io.ipguard.jaxrs.testing.RawHttp;
import io.ipguard.jaxrs.testing.Resources;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The same guard on Jersey's servlet container inside embedded Jetty: the TCP peer comes from the
 * Servlet request, and a trusted proxy's X-Forwarded-For is believed.
 */
class JettyServletTest {

    private static JettyServer jetty;

    @BeforeAll
    static void start() throws Exception {
        ResourceConfig app = new ResourceConfig(Resources.Reports.class, Resources.Open.class)
                .register(IpGuardFeature.class)
                .property("ipguard.group.default", "127.0.0.2, ::1, 203.0.113.0/24")
                .property("ipguard.group.admin", "127.0.0.3")
                .property("ipguard.trusted-proxies", "127.0.0.9")
                .property("ipguard.client-ip-header", "X-Forwarded-For");
        jetty = JettyServer.start(app);
    }

    @AfterAll
    static void stop() throws Exception {
        jetty.close();
    }

    @ParameterizedTest(name = "GET {1} from {0} with \"{2}\" -> {3}")
    @CsvSource(delimiter = '|', value = {
        "127.0.0.2 | /reports        | ''                                   | 200 | reports for 127.0.0.2",
        "::1       | /reports        | ''                                   | 200 | reports for ::1",
        "127.0.0.5 | /reports        | ''                                   | 403 | {\"title\":\"Forbidden\",\"status\":403}",
        "127.0.0.3 | /reports/secret | ''                                   | 200 | secret",
        "127.0.0.5 | /reports/health | ''                                   | 200 | ok",
        "127.0.0.5 | /open           | X-Forwarded-For: 203.0.113.9         | 200 | open 127.0.0.5",
        "127.0.0.5 | /reports        | X-Forwarded-For: 203.0.113.9         | 403 | {\"title\":\"Forbidden\",\"status\":403}",
        "127.0.0.9 | /reports        | X-Forwarded-For: 203.0.113.9         | 200 | reports for 203.0.113.9",
        "127.0.0.9 | /reports        | X-Forwarded-For: 203.0.113.9, junk   | 403 | {\"title\":\"Forbidden\",\"status\":403}",
    })
    void whenServedByJetty_thenTheGuardDecidesOnTheServletPeer(String source, String path, String header, int status,
                                                              String body) throws Exception {
        String[] headers = header.isEmpty() ? new String[0] : new String[] {header};

        RawHttp.Response response = jetty.request("GET", source, path, null, headers);

        assertEquals(status, response.status());
        assertEquals(body, response.body());
    }
}
