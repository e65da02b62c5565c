package io.ipguard.jaxrs.functional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipguard.jaxrs.IpGuardConfigurationException;
import io.ipguard.jaxrs.IpGuardFeature;
import io.ipguard.jaxrs.testing.RawHttp;
import io.ipguard.jaxrs.testing.Resources;
import io.ipguard.jaxrs.testing.TestServer;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Test;

/**
 * JSON lists are an option: without Jakarta JSON Processing on the class path an application runs
 * the guard and loads no JSON class, and one that configures a JSON selection does not start, with
 * a message naming the artifact to add. Run in a JVM of its own, on the test class path without the
 * JSON jars, with class loading traced.
 */
class WithoutJsonTest {

    /** The applications in the other JVM: a plain one, then one with a JSON selection. */
    public static final class Main {
        public static void main(String[] args) throws Exception {
            try (TestServer server = TestServer.start(new ResourceConfig(Resources.Admin.class)
                    .register(IpGuardFeature.class).property("ipguard.group.admin", "127.0.0.2"))) {
                System.out.println("statuses " + RawHttp.get("127.0.0.2", "127.0.0.1", server.port(), "/admin").status()
                        + " " + RawHttp.get("127.0.0.5", "127.0.0.1", server.port(), "/admin").status());
            }
            try (TestServer server = TestServer.start(new ResourceConfig(Resources.Admin.class)
                    .register(IpGuardFeature.class).property("ipguard.group.admin", "@github")
                    .property("ipguard.url.github", "http://127.0.0.1:9/meta")
                    .property("ipguard.url-select.github", "hooks"))) {
                System.out.println("started without JSON");
            } catch (RuntimeException e) {
                Throwable cause = e;
                while (cause != null && !(cause instanceof IpGuardConfigurationException)) {
                    cause = cause.getCause();
                }
                System.out.println("refused: " + (cause == null ? e : cause.getMessage()));
            }
        }
    }

    @Test
    void whenJsonProcessingIsNotOnTheClassPath_thenTheGuardWorksAndAJsonSelectionNamesTheArtifact() throws Exception {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> kept = Arrays.stream(classPath.split(File.pathSeparator))
                .filter(entry -> !entry.contains("parsson") && !entry.contains("jakarta.json"))
                .collect(Collectors.toList());
        assertTrue(kept.size() < classPath.split(File.pathSeparator).length - 1, "JSON-P is not on the test class path");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-verbose:class", "-cp", String.join(File.pathSeparator, kept),
                Main.class.getName()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        List<String> printed = output.lines().filter(line -> !line.startsWith("[")).toList();

        assertTrue(output.contains("statuses 200 403"), printed.toString());
        assertTrue(output.contains("refused: invalid ipguard configuration: ipguard.url-select.github: a JSON selection "
                + "needs Jakarta JSON Processing; add org.eclipse.parsson:parsson (1.1.9 or later) to the application's "
                + "dependencies"), printed.toString());
        // The one class that names JSON-P is never loaded, so nothing can fail later for lack of it.
        assertEquals(List.of(), output.lines().filter(line -> line.contains("JsonListReader")).toList());
        assertEquals(0, process.exitValue());
    }
}
