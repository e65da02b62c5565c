package io.ipguard.jaxrs.samples.dropwizard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dropwizard.core.cli.CheckCommand;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.util.JarLocation;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample started as an operator starts it, {@code java ... SampleApplication server config.yml},
 * in a JVM of its own, with one bad entry in its config.yml: it does not start, and says where and why.
 * Dropwizard's {@code check} command finds the same entry.
 */
class DropwizardStartUpTest {

    private static String server(Path config) throws Exception {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", classPath, SampleApplication.class.getName(), "server",
                config.toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(1, process.exitValue(), output);
        return output;
    }

    private static Path badConfig(Path dir) throws Exception {
        String good = Files.readString(Path.of("config.yml"));
        String bad = good.replace("admin: [127.0.0.1, \"::1\"]", "admin: [127.0.0.1, \"127.0.0.1/8\"]");
        assertTrue(!bad.equals(good), "config.yml has the admin group this test edits");
        return Files.writeString(dir.resolve("config.yml"), bad);
    }

    @Test
    void whenAnEntryOfConfigYmlIsBad_thenServerDoesNotStartAndNamesItsYamlPath(@TempDir Path dir) throws Exception {
        Path config = badConfig(dir);

        String output = server(config);

        // The server command prints the exception with its stack trace, which follows these lines.
        assertTrue(output.contains("io.dropwizard.configuration.ConfigurationValidationException: " + config
                + " has an error:" + System.lineSeparator()
                + "  * ipguard.groups.admin[1] \"127.0.0.1/8\" has host bits set; did you mean 127.0.0.0/8?"
                + System.lineSeparator()), output);
        assertTrue(!output.contains("Started") && !output.contains("Starting"), output);
    }

    /** {@code check config.yml} in this JVM, through Dropwizard's own command line, as {@code Application.run} sets it up. */
    @Test
    void whenAnEntryOfConfigYmlIsBad_thenCheckRefusesIt(@TempDir Path dir) throws Exception {
        Path config = badConfig(dir);
        SampleApplication application = new SampleApplication();
        Bootstrap<SampleConfiguration> bootstrap = new Bootstrap<>(application);
        bootstrap.addCommand(new CheckCommand<>(application));
        application.initialize(bootstrap);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        Optional<Throwable> failure = new Cli(new JarLocation(SampleApplication.class), bootstrap, out, err)
                .run("check", config.toString());

        assertTrue(failure.isPresent());
        assertEquals(config + " has an error:" + System.lineSeparator()
                + "  * ipguard.groups.admin[1] \"127.0.0.1/8\" has host bits set; did you mean 127.0.0.0/8?"
                + System.lineSeparator() + System.lineSeparator(), err.toString(StandardCharsets.UTF_8));
    }
}
