package io.ipguard.jaxrs.functional.hosts;

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
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Test;

/**
 * MicroProfile Config and CDI are options: an application on a host without them (no API on the
 * class path) runs the guard and loads no MicroProfile or CDI class. Run in a JVM of its own, on the
 * test class path without those jars, with class loading traced.
 */
class WithoutMicroProfileTest {

    /** The application in the other JVM. */
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
    void whenNeitherMicroProfileConfigNorCdiIsOnTheClassPath_thenTheGuardWorksAndLoadsNoneOfThem() throws Exception {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> kept = Arrays.stream(classPath.split(File.pathSeparator))
                .filter(entry -> !entry.contains("microprofile") && !entry.contains("smallrye")
                        && !entry.contains("jakarta.enterprise") && !entry.contains("weld") && !entry.contains("cdi"))
                .toList();
        assertTrue(kept.size() < classPath.split(File.pathSeparator).length - 3, "MicroProfile and CDI are not on the "
                + "test class path");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-verbose:class", "-cp", String.join(File.pathSeparator, kept),
                Main.class.getName()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        List<String> printed = output.lines().filter(line -> !line.startsWith("[")).toList();

        assertTrue(output.contains("statuses 200 403"), printed.toString());
        assertEquals(List.of(), output.lines().filter(line -> line.contains("org.eclipse.microprofile")
                || line.contains("jakarta.enterprise") || line.contains("MicroProfileSettings")
                || line.contains("CdiBeans")).toList());
        assertEquals(0, process.exitValue());
    }
}
