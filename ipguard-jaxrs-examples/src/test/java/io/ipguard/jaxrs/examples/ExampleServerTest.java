package io.ipguard.jaxrs.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipguard.jaxrs.testing.RawHttp;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The example server of the README, on its embedded default and on a --config file. */
class ExampleServerTest {

    private static RawHttp.Response get(ExampleServer server, String source, String path) throws Exception {
        String target = source.contains(":") ? "::1" : "127.0.0.1";
        return RawHttp.get(source, target, server.baseUri().getPort(), path);
    }

    @ParameterizedTest(name = "GET {1} from {0} -> {2}")
    @CsvSource({
        "127.0.0.1, /public,   200",
        "127.0.0.5, /public,   200",
        "127.0.0.1, /internal, 200",
        "::1,       /internal, 200",
        "127.0.0.5, /internal, 403",
        "127.0.0.1, /admin,    200",
        "::1,       /admin,    403",
        "127.0.0.5, /admin,    403",
        "127.0.0.5, /whoami,   200",
        "127.0.0.1, /metrics,  200",
        "127.0.0.5, /metrics,  403",
        "127.0.0.1, /ipguard/status, 200",
        "127.0.0.5, /ipguard/status, 403",
    })
    void whenRunningOnEmbeddedDefault_thenItGuardsAsTheReadmeSays(String source, String path, int status)
            throws Exception {
        try (ExampleServer server = ExampleServer.start(ServerOptions.parse("--host", "::", "--port", "0"))) {
            assertEquals(status, get(server, source, path).status());
        }
    }

    @Test
    void whenAdminScrapesMetrics_thenTheRefusalCounterGrewByExactlyTheRefusalsSent() throws Exception {
        try (ExampleServer server = ExampleServer.start(ServerOptions.parse("--port", "0"))) {
            double before = refusals(get(server, "127.0.0.1", "/metrics").body());
            for (int i = 0; i < 7; i++) {
                assertEquals(403, get(server, "127.0.0.5", "/internal").status());
            }
            RawHttp.Response metrics = get(server, "127.0.0.1", "/metrics");

            assertEquals(200, metrics.status());
            assertTrue(metrics.header("content-type").contains("version=0.0.4"), metrics.header("content-type"));
            assertEquals(before + 7, refusals(metrics.body()));
            assertTrue(metrics.body().contains("ipguard_list_entries{source=\"configuration\"} 3.0"), metrics.body());
        }
    }

    /** The refusals of group "default" in a Prometheus scrape. */
    private static double refusals(String scrape) {
        return scrape.lines()
                .filter(line -> line.startsWith("ipguard_decisions_total{") && line.contains("group=\"default\"")
                        && line.contains("outcome=\"refused\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    @Test
    void whenAskedWhoAmI_thenItAnswersTheResolvedClient() throws Exception {
        try (ExampleServer server = ExampleServer.start(ServerOptions.parse("--host", "::", "--port", "0"))) {
            RawHttp.Response v4 = get(server, "127.0.0.5", "/whoami");
            RawHttp.Response v6 = get(server, "::1", "/whoami");

            assertEquals("127.0.0.5\n", v4.body());
            assertTrue(v4.header("content-type").startsWith("text/plain"));
            assertEquals("::1\n", v6.body());
        }
    }

    @Test
    void whenConfigFileIsGiven_thenItIsTheWholeConfiguration(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("ipguard.properties");
        Files.writeString(config, "ipguard.group.default = 127.0.0.7\nipguard.group.admin = 127.0.0.8\n"
                + "ipguard.deny-status = 404\n");
        try (ExampleServer server = ExampleServer.start(ServerOptions.parse("--config", config.toString(), "--port", "0"))) {
            assertEquals(200, get(server, "127.0.0.7", "/internal").status());
            assertEquals(404, get(server, "127.0.0.1", "/internal").status());
            assertEquals(200, get(server, "127.0.0.8", "/admin").status());
            assertEquals(404, get(server, "127.0.0.1", "/admin").status());
        }
    }

    @Test
    void whenConfigFileNamesATrustedProxy_thenWhoAmIShowsTheClientBehindIt(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("proxied.properties");
        Files.writeString(config, String.join("\n",
                "ipguard.group.default = 203.0.113.0/24",
                "ipguard.group.admin = 127.0.0.1",
                "ipguard.trusted-proxies = 127.0.0.9",
                "ipguard.client-ip-header = X-Forwarded-For", ""));
        try (ExampleServer server = ExampleServer.start(ServerOptions.parse("--config", config.toString(), "--port", "0"))) {
            int port = server.baseUri().getPort();

            assertEquals("203.0.113.9\n", RawHttp.get("127.0.0.9", "127.0.0.1", port, "/whoami",
                    "X-Forwarded-For: 198.51.100.1, 203.0.113.9").body());
            assertEquals(200, RawHttp.get("127.0.0.9", "127.0.0.1", port, "/internal",
                    "X-Forwarded-For: 203.0.113.9").status());
            assertEquals("127.0.0.5\n", RawHttp.get("127.0.0.5", "127.0.0.1", port, "/whoami",
                    "X-Forwarded-For: 203.0.113.9").body());
            assertEquals(403, RawHttp.get("127.0.0.5", "127.0.0.1", port, "/internal",
                    "X-Forwarded-For: 203.0.113.9").status());
            assertEquals("unknown\n", RawHttp.get("127.0.0.9", "127.0.0.1", port, "/whoami",
                    "X-Forwarded-For: 203.0.113.9, junk").body());
        }
    }

    /** Waits (at most 10 s, though a change applies within about one) for the server to answer {@code status}. */
    private static int awaitStatus(ExampleServer server, String source, String path, int status) throws Exception {
        int last = -1;
        for (int i = 0; i < 100 && last != status; i++) {
            last = get(server, source, path).status();
            if (last != status) {
                Thread.sleep(100);
            }
        }
        return last;
    }

    @Test
    void whenConfigFileIsEdited_thenTheRunningServerFollowsAndKeepsTheListsOnABadEdit(@TempDir Path dir)
            throws Exception {
        Path config = dir.resolve("ipguard.properties");
        Files.writeString(config, "ipguard.group.default = 127.0.0.7\nipguard.group.admin = 127.0.0.8\n");
        try (ExampleServer server = ExampleServer.start(ServerOptions.parse("--config", config.toString(), "--port", "0"));
             io.ipguard.jaxrs.testing.CapturedLog log = io.ipguard.jaxrs.testing.CapturedLog.of("io.ipguard.jaxrs")) {
            assertEquals(403, get(server, "127.0.0.6", "/internal").status());

            Files.writeString(config, "ipguard.group.default = 127.0.0.6\nipguard.group.admin = 127.0.0.8\n");
            assertEquals(200, awaitStatus(server, "127.0.0.6", "/internal", 200));

            Files.writeString(config, "ipguard.group.default = 127.0.0.6, 127.0.0.7\nipguard.group.admin = 127.0.0.8/24\n");
            String expected = "WARNING ipguard: could not load file " + config + "; the lists loaded before stay in force: "
                    + "invalid ipguard configuration: " + config + ":2: ipguard.group.admin: \"127.0.0.8/24\" has host "
                    + "bits set; did you mean 127.0.0.0/24?";
            for (int i = 0; i < 100 && !log.messages().contains(expected); i++) {
                Thread.sleep(100);
            }
            assertEquals(true, log.messages().contains(expected), () -> String.join("\n", log.messages()));
            assertEquals(200, get(server, "127.0.0.6", "/internal").status());
            assertEquals(403, get(server, "127.0.0.7", "/internal").status());
        }
    }

    @Test
    void whenConfigFileHasAnError_thenItPrintsFileLineAndExitsNonZero(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("bad.properties");
        Files.writeString(config, "ipguard.group.default = 127.0.0.1\n\nipguard.group.admin = 127.0.0.1/8\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = ExampleServer.run(new String[] {"--config", config.toString(), "--port", "0"},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertEquals(1, status);
        assertEquals("invalid ipguard configuration: " + config + ":3: ipguard.group.admin: \"127.0.0.1/8\" "
                + "has host bits set; did you mean 127.0.0.0/8?\n", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void whenConfigFileLacksAGroupTheResourcesUse_thenStartFails(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("partial.properties");
        Files.writeString(config, "ipguard.group.default = 127.0.0.1\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = ExampleServer.run(new String[] {"--config", config.toString(), "--port", "0"},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertEquals(1, status);
        assertEquals("invalid ipguard configuration: GET /ipguard/status (Status.status): @Whitelisted group \"admin\" "
                + "is not configured; define ipguard.group.admin (groups [default])\n", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void whenOptionIsUnknown_thenUsageIsPrintedWithStatus2() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = ExampleServer.run(new String[] {"--verbose"}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertEquals(2, status);
        assertEquals("error: unknown option \"--verbose\"\n" + ServerOptions.USAGE + "\n", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void whenHelpIsAsked_thenTheUsageOfBothCommandsGoesToStandardOutputWithStatus0() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = ExampleServer.run(new String[] {"--help"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertEquals(0, status);
        assertEquals(ExampleServer.HELP + "\n", out.toString(StandardCharsets.UTF_8));
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }
}
