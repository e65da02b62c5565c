package io.ipguard.jaxrs.functional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * Metrics are an option: an application without Micrometer on its class path runs the guard as
 * before and the JVM loads no Micrometer class. Run in a JVM of its own, on the test class path
 * without Micrometer's jars, with class loading traced.
 */
class WithoutMicrometerTest {

    /** The application in the other JVM: one allowed and one refused request, then their statuses. */
    public static final class Main {
        public static void main(String[] args) throws Exception {
            try (TestServer server = TestServer.start(new ResourceConfig(Resources.Admin.class)
                    .register(IpGuardFeature.class).property("ipguard.group.admin", "127.0.0.2"))) {
                System.out.println("statuses " + RawHttp.get("127.0.0.2", "127.0.0.1", server.port(), "/admin").status()
                        + " " + RawHttp.get("127.0.0.5", "127.0.0.1", server.port(), "/admin").status());
            }
        }
    }

    @Test
    void whenMicrometerIsNotOnTheClassPath_thenTheGuardWorksAndNoMicrometerClassIsLoaded() throws Exception {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> kept = Arrays.stream(classPath.split(File.pathSeparator))
                .filter(entry -> !entry.contains("micrometer") && !entry.contains("HdrHistogram")
                        && !entry.contains("LatencyUtils"))
                .collect(Collectors.toList());
        assertTrue(kept.size() < classPath.split(File.pathSeparator).length, "Micrometer is on the test class path");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-verbose:class", "-cp", String.join(File.pathSeparator, kept),
                Main.class.getName()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));

        assertTrue(output.contains("statuses 200 403"), output.lines().filter(l -> !l.startsWith("[")).toList().toString());
        assertEquals(List.of(), output.lines().filter(line -> line.contains("io.micrometer")).toList());
        assertEquals(0, process.exitValue());
    }
}
