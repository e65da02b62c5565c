package io.ipguard.jaxrs.functional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.ipguard.jaxrs.IpGuardConfigurationException;
import io.ipguard.jaxrs.IpGuardFeature;
import io.ipguard.jaxrs.Whitelisted;
import io.ipguard.jaxrs.testing.CapturedLog;
import io.ipguard.jaxrs.testing.TestServer;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What operators read when something is wrong, on real files and servers: the value as written, a
 * hint where the fix is clear, and no Java exception names.
 */
class OperatorMessagesTest {

    @Path("/admin")
    @Whitelisted(group = "admin")
    public static class Admin {
        @GET
        public String get() {
            return "admin";
        }
    }

    /** The problems that stop start-up with {@code config}: reading it, then loading its lists. */
    private static List<String> problems(java.nio.file.Path config) {
        return assertThrows(IpGuardConfigurationException.class,
                () -> IpGuardFeature.builder().configFile(config).build().inspector()).problems();
    }

    @Test
    void whenAValueIsQuotedSpacedOrEscaped_thenTheMessageShowsItAsWrittenWithTheFix(@TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path config = dir.resolve("ipguard.properties");
        Files.writeString(config, String.join("\n",
                "ipguard.group.default = \"127.0.0.1\"",
                "ipguard.group.admin = 10.0.0.1 10.0.0.2",
                "ipguard.group.ops = 10.0.0.1; 10.0.0.2",
                "ipguard.group.lab = \\u00310.0.0.1",
                "ipguard.group.office = \"10.0.0.1, 10.0.0.2\"", ""), StandardCharsets.UTF_8);

        assertEquals(List.of(
                config + ":1: ipguard.group.default: \"\\\"127.0.0.1\\\"\" is quoted; values are written without quotes: 127.0.0.1",
                config + ":2: ipguard.group.admin: \"10.0.0.1 10.0.0.2\" is not one entry; separate entries with commas: "
                        + "10.0.0.1, 10.0.0.2",
                config + ":3: ipguard.group.ops: \"10.0.0.1; 10.0.0.2\" is not one entry; separate entries with commas: "
                        + "10.0.0.1, 10.0.0.2",
                config + ":4: ipguard.group.lab: \"\\\\u00310.0.0.1\" holds a \\u escape, which is not decoded; write the "
                        + "character itself (files are read as UTF-8)",
                config + ":5: ipguard.group.office: \"\\\"10.0.0.1\" is quoted; values are written without quotes: 10.0.0.1",
                config + ":5: ipguard.group.office: \"10.0.0.2\\\"\" is quoted; values are written without quotes: 10.0.0.2"),
                problems(config));
    }

    @Test
    void whenAListFileCannotBeRead_thenTheProblemIsSaidInWords(@TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path latin1 = Files.write(dir.resolve("latin1.txt"), "# caf\u00e9\n10.0.0.1\n".getBytes(StandardCharsets.ISO_8859_1));
        java.nio.file.Path directory = Files.createDirectory(dir.resolve("lists.d"));
        for (java.nio.file.Path list : List.of(latin1, directory)) {
            java.nio.file.Path config = dir.resolve("ipguard.properties");
            Files.writeString(config, "ipguard.file.office = " + list + "\nipguard.group.default = @office\n");

            List<String> problems = problems(config);

            assertEquals(List.of(list + (list == latin1 ? ": is not UTF-8 text" : ": is not a regular file")), problems);
        }
    }

    @Test
    void whenAListUrlRedirectsInALoop_thenTheStatusSaysSo() throws Exception {
        HttpServer lists = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        lists.createContext("/loop.txt", exchange -> {
            exchange.getResponseHeaders().add("Location", "/loop.txt");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        lists.start();
        String url = "http://127.0.0.1:" + lists.getAddress().getPort() + "/loop.txt";
        try {
            IpGuardFeature feature = IpGuardFeature.builder().property("ipguard.url.partners", url)
                    .property("ipguard.group.admin", "@partners").build();

            String error = feature.inspector().status().get(1).lastError().orElse("");

            assertEquals(url + ": answered HTTP 302, a redirect that was not followed (a loop, too many, or from https "
                    + "to http)", error);
        } finally {
            lists.stop(0);
        }
    }

    @Test
    void whenARefusedRequestCarriesUtf8HeaderBytes_thenTheLogShowsTheCharactersNotLatin1Mojibake() throws Exception {
        ResourceConfig app = new ResourceConfig(Admin.class).register(IpGuardFeature.class)
                .property("ipguard.group.admin", "127.0.0.1").property("ipguard.trusted-proxies", "127.0.0.9")
                .property("ipguard.client-ip-header", "X-Forwarded-For");
        try (CapturedLog log = CapturedLog.of("io.ipguard.jaxrs"); TestServer server = TestServer.start(app)) {
            // RawHttp writes header lines as ISO-8859-1: these characters are the UTF-8 bytes of "é" on the wire.
            String utf8Bytes = new String("caf\u00e9".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
            assertEquals(403, server.get("127.0.0.5", "/admin", "X-Forwarded-For: " + utf8Bytes).status());

            String line = log.messages().stream().filter(m -> m.startsWith("WARNING refused GET /admin")).findFirst()
                    .orElseThrow();
            assertTrue(line.endsWith("[peer 127.0.0.5, X-Forwarded-For: \"caf\\u00e9\"]"), line);
        }
    }
}
