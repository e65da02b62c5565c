package io.ipguard.jaxrs.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example jar's {@code check} command: "why am I blocked?" from the command line. */
class CheckCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int check(String... args) {
        return CheckCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void whenClientIsBehindTrustedProxy_thenCheckExplainsTheWalk(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("ipguard.properties");
        Files.writeString(config, String.join("\n",
                "ipguard.group.admin = 10.2.0.0/16",
                "ipguard.trusted-proxies = 10.0.0.0/24",
                "ipguard.client-ip-header = X-Forwarded-For", ""));

        int refused = check("--config", config.toString(), "--peer", "10.0.0.2",
                "--header", "X-Forwarded-For: 203.0.113.9, 10.0.0.1", "--group", "admin");
        String refusal = out.toString(StandardCharsets.UTF_8);
        out.reset();
        int allowed = check("--config", config.toString(), "--peer", "10.0.0.2",
                "--header", "X-Forwarded-For: 10.2.3.4", "--group", "admin");

        assertEquals(3, refused);
        assertEquals("refused: client 203.0.113.9 (X-Forwarded-For, after skipping trusted 10.0.0.1) "
                + "is not in group \"admin\"\n", refusal);
        assertEquals(0, allowed);
        assertEquals("allowed: client 10.2.3.4 (X-Forwarded-For, rightmost element) matched 10.2.0.0/16 "
                + "in group \"admin\"\n", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void whenNoConfigIsGiven_thenTheEmbeddedDefaultIsChecked() {
        assertEquals(3, check("--peer", "127.0.0.5"));
        assertEquals("refused: client 127.0.0.5 (the TCP peer) is not in group \"default\"\n",
                out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void whenGuardsAreAsked_thenEachGuardedMethodOfTheApplicationIsListedWithItsGroup() {
        assertEquals(0, check("--guards"));
        assertEquals("GET /admin (Admin.get) is guarded by group \"admin\" (from class "
                + ExampleResources.Admin.class.getName() + ")\n"
                + "GET /internal (Internal.get) is guarded by group \"default\" (from class "
                + ExampleResources.Internal.class.getName() + ")\n"
                + "GET /ipguard/status (Status.status) is guarded by group \"admin\" (from class "
                + ExampleResources.Status.class.getName() + ")\n"
                + "GET /ipguard/status/explain (Status.explain) is guarded by group \"admin\" (from class "
                + ExampleResources.Status.class.getName() + ")\n"
                + "GET /metrics (Metrics.scrape) is guarded by group \"admin\" (from class "
                + ExampleResources.Metrics.class.getName() + ")\n", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void whenHelpIsAsked_thenBothCommandsAreDescribedOnStandardOutput() {
        assertEquals(0, check("--help"));
        String help = out.toString(StandardCharsets.UTF_8);

        assertEquals(ExampleServer.HELP + "\n", help);
        assertTrue(help.startsWith("usage: java -jar ipguard-jaxrs-examples.jar [--config FILE]"), help);
        assertTrue(help.contains("ipguard-jaxrs-examples.jar check [--config FILE | --server URL] --peer ADDRESS"), help);
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void whenPeerIsMissing_thenUsageIsPrinted() {
        assertEquals(2, check("--group", "admin"));
        assertEquals("error: --peer is required\n" + CheckCommand.USAGE + "\n", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void whenConfigIsInvalid_thenTheErrorNamesFileAndLine(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("bad.properties");
        Files.writeString(config, "ipguard.group.default = 10.0.0.1/8\n");

        assertEquals(1, check("--config", config.toString(), "--peer", "10.0.0.1"));
        assertEquals("invalid ipguard configuration: " + config + ":1: ipguard.group.default: \"10.0.0.1/8\" has "
                + "host bits set; did you mean 10.0.0.0/8?\n", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void whenTheGroupIsMisspelt_thenItIsAUsageErrorWithDidYouMean() {
        assertEquals(2, check("--peer", "127.0.0.1", "--group", "admn"));
        assertEquals("error: group \"admn\" is not defined (did you mean \"admin\"?); the groups are admin, default\n",
                err.toString(StandardCharsets.UTF_8));
        assertEquals("", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void whenTheConfigurationHasWarnings_thenCheckPrintsThem(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("ipguard.properties");
        Files.writeString(config, "ipguard.group.default = 10.0.0.1\nipguard.group.admin =\n");

        assertEquals(3, check("--config", config.toString(), "--peer", "10.0.0.1", "--group", "admin"));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("warning: " + config + ":2: ipguard.group.admin: "),
                err.toString(StandardCharsets.UTF_8));
    }
}
