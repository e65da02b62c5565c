package io.ipguard.jaxrs.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.ipguard.jaxrs.testing.RawHttp;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check --server} asks the running server, so that the two cannot disagree: with the list
 * server hanging, the server keeps its last good list and so does the check that asks it, while a
 * check loading the configuration itself says plainly that the list is not loaded.
 */
class CheckAgainstServerTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int check(String... args) {
        out.reset();
        err.reset();
        return CheckCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void whenTheListServerHangs_thenCheckViaTheServerAgreesWithItAndALocalCheckSaysTheListIsNotLoaded(@TempDir Path dir)
            throws Exception {
        AtomicBoolean hanging = new AtomicBoolean();
        CountDownLatch release = new CountDownLatch(1);
        HttpServer lists = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        lists.setExecutor(Executors.newCachedThreadPool());
        lists.createContext("/partners.txt", exchange -> {
            if (hanging.get()) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] body = "127.0.0.7\n".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        lists.start();
        String url = "http://127.0.0.1:" + lists.getAddress().getPort() + "/partners.txt";
        Path config = dir.resolve("ipguard.properties");
        Files.writeString(config, "ipguard.group.admin = 127.0.0.1\n"
                + "ipguard.group.default = @partners\n"
                + "ipguard.url.partners = " + url + "\n"
                + "ipguard.url-timeout-seconds = 1\n");
        try (ExampleServer server = ExampleServer.start(ServerOptions.parse("--config", config.toString(), "--port", "0"))) {
            String status = "http://127.0.0.1:" + server.baseUri().getPort() + "/ipguard/status";
            hanging.set(true);

            assertEquals(200, RawHttp.get("127.0.0.7", "127.0.0.1", server.baseUri().getPort(), "/internal").status());
            assertEquals(0, check("--server", status, "--peer", "127.0.0.7"));
            assertEquals("allowed: client 127.0.0.7 (the TCP peer) matched @partners (" + url + ", fetched ",
                    out.toString(StandardCharsets.UTF_8).substring(0, out.toString(StandardCharsets.UTF_8).indexOf("fetched ") + 8));

            assertEquals(3, check("--config", config.toString(), "--peer", "127.0.0.7"));
            assertEquals("refused: client 127.0.0.7 (the TCP peer) is not in group \"default\"; @partners not loaded: "
                    + url + ": no complete answer within 1 s\n", out.toString(StandardCharsets.UTF_8));

            assertEquals(2, check("--server", status, "--peer", "127.0.0.7", "--group", "partner"));
            assertTrue(err.toString(StandardCharsets.UTF_8).endsWith("error: group \"partner\" is not defined "
                    + "(did you mean \"partners\"?); the groups are admin, default, partners\n"),
                    err.toString(StandardCharsets.UTF_8));

            assertEquals(0, check("--server", status, "--guards"));
            assertTrue(out.toString(StandardCharsets.UTF_8).contains("GET /internal (Internal.get) is guarded by group "
                    + "\"default\""), out.toString(StandardCharsets.UTF_8));
        } finally {
            release.countDown();
            lists.stop(0);
        }
    }

    @Test
    void whenTheServerCannotBeAsked_thenCheckSaysWhyAndExitsOne(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("ipguard.properties");
        Files.writeString(config, "ipguard.group.admin = 127.0.0.2\nipguard.group.default = 127.0.0.2\n");
        try (ExampleServer server = ExampleServer.start(ServerOptions.parse("--config", config.toString(), "--port", "0"))) {
            String status = "http://127.0.0.1:" + server.baseUri().getPort() + "/ipguard/status";

            assertEquals(1, check("--server", status, "--peer", "127.0.0.2"));
            assertEquals("error: " + status + " answered 403: this machine's address is not in the group that guards "
                    + "the status resource, or nothing is served there\n", err.toString(StandardCharsets.UTF_8));
        }
        assertEquals(1, check("--server", "http://127.0.0.1:1/ipguard/status", "--peer", "127.0.0.2"));
        assertEquals("error: cannot reach http://127.0.0.1:1/ipguard/status: the connection was refused\n",
                err.toString(StandardCharsets.UTF_8));
        assertEquals(2, check("--server", "ftp://x/", "--peer", "127.0.0.2"));
        assertEquals(2, check("--server", "http://127.0.0.1:8080/ipguard/status?x=1", "--peer", "127.0.0.2"));

        HttpServer health = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        health.createContext("/health", exchange -> {
            byte[] body = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        health.start();
        try {
            String url = "http://127.0.0.1:" + health.getAddress().getPort() + "/health";
            assertEquals(1, check("--server", url, "--peer", "127.0.0.2"));
            assertEquals("error: " + url + " answered 200, not the guard's status; give the URL of the status resource, "
                    + "such as http://127.0.0.1:8080/ipguard/status\n", err.toString(StandardCharsets.UTF_8));
        } finally {
            health.stop(0);
        }
    }
}
