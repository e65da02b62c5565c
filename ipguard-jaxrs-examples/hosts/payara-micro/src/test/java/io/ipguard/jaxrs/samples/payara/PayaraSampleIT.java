package io.ipguard.jaxrs.samples.payara;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ipguard.jaxrs.testing.RawHttp;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sample WAR on a real Payara Micro 7 (Jersey 4.0 with its CDI layer), configured through
 * MicroProfile Config, answering clients from 127.0.0.1 (listed) and 127.0.0.5 (not listed).
 * Payara Micro listens on IPv4 only.
 */
class PayaraSampleIT {

    private static Process payara;
    private static int port;
    private static Path log;

    @BeforeAll
    static void start() throws Exception {
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path target = Path.of(System.getProperty("sample.war")).getParent();
        log = target.resolve("payara.log");
        Path root = target.resolve("payara-root");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        payara = new ProcessBuilder(java, "-jar", System.getProperty("payara.jar"), "--nohazelcast", "--port",
                Integer.toString(port), "--rootdir", root.toString(), "--deploy", System.getProperty("sample.war"),
                "--contextroot", "app")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
        while (true) {
            String text = Files.exists(log) ? Files.readString(log) : "";
            if (text.matches("(?s).*Payara Micro .* ready in .*")) {
                return;
            }
            if (!payara.isAlive() || text.contains("Deployment failed") || Instant.now().isAfter(deadline)) {
                stop();
                throw new IllegalStateException("Payara Micro did not deploy the sample; its log:\n" + text);
            }
            Thread.sleep(500);
        }
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (payara != null) {
            payara.destroy();
            payara.waitFor();
        }
    }

    private static RawHttp.Response get(String source, String path) throws IOException {
        return RawHttp.get(source, "127.0.0.1", port, "/app" + path);
    }

    @Test
    void whenAnyoneAsksTheOpenResource_thenItAnswers() throws Exception {
        assertEquals(200, get("127.0.0.1", "/open").status());
        assertEquals(200, get("127.0.0.5", "/open").status());
    }

    @Test
    void whenClientsAskTheGuardedResources_thenOnlyTheirGroupsAreServed() throws Exception {
        RawHttp.Response admin = get("127.0.0.1", "/admin");

        assertEquals(200, admin.status(), admin.raw());
        assertEquals("admin", admin.body());
        assertEquals(403, get("127.0.0.5", "/admin").status());
        assertEquals(403, get("127.0.0.2", "/admin").status());
        assertEquals(200, get("127.0.0.2", "/internal").status());
        assertEquals(200, get("127.0.0.1", "/internal").status());
        assertEquals(403, get("127.0.0.5", "/internal").status());
    }
}
