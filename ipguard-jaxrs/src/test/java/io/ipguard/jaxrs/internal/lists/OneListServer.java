package io.ipguard.jaxrs.internal.lists;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.ipguard.jaxrs.ClientAddress;
import io.ipguard.jaxrs.ListStatus;
import io.ipguard.jaxrs.internal.config.ConfigLoader;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What tests of one URL list share: a real list server on loopback serving {@link #body} at
 * {@link #url()} with an ETag that changes with {@link #etagVersion} (it answers 304 to the ETag it
 * gave), optionally stalling after its first chunk; a directory for list files; and ways to ask a
 * loaded configuration what it decides.
 */
abstract class OneListServer {

    @TempDir
    Path dir;

    protected volatile String body = "203.0.113.0/24\n";
    protected volatile String contentType = "text/plain";
    protected volatile int etagVersion = 1;
    /** Whether the server sends its headers and a first chunk, then nothing until the test ends. */
    protected volatile boolean stall;
    /** Ends a stall. */
    protected final CountDownLatch release = new CountDownLatch(1);
    private HttpServer server;

    @BeforeEach
    void startListServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/list", this::answer);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "list-server");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    @AfterEach
    void stopListServer() {
        release.countDown();
        server.stop(0);
    }

    /** Stops the list server now, as one that is down. */
    protected void stopServing() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String etag = "\"v" + etagVersion + "\"";
            if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                exchange.sendResponseHeaders(304, -1);
                return;
            }
            exchange.getResponseHeaders().add("ETag", etag);
            exchange.getResponseHeaders().add("Content-Type", contentType);
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            if (stall) {
                exchange.sendResponseHeaders(200, 0);
                OutputStream out = exchange.getResponseBody();
                out.write(bytes);
                out.flush();
                try {
                    release.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return;
            }
            exchange.sendResponseHeaders(200, bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    protected String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/list";
    }

    protected static boolean in(ConfigLoader loader, String group, String address) {
        return loader.live().current().groups().get(group).contains(ClientAddress.parse(address));
    }

    protected static boolean trusted(ConfigLoader loader, String address) {
        return loader.live().current().forwarding().trustedProxies().contains(ClientAddress.parse(address));
    }

    protected static ListStatus statusOf(ConfigLoader loader, String group) {
        return loader.status().stream().filter(s -> s.source().endsWith("(group \"" + group + "\")")).findFirst()
                .orElseThrow();
    }

    /**
     * Polls {@code condition} every 50 ms, 200 times at most: the watch polls every 100 ms, and a busy
     * machine may be slow. A wait for a state, not a measure of time.
     */
    protected static boolean eventually(BooleanSupplier condition) throws InterruptedException {
        for (int polls = 0; polls < 200; polls++) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(50);
        }
        return condition.getAsBoolean();
    }

    /** A thread like the library's own reload thread, for {@link ConfigLoader#schedule}. */
    protected static ScheduledExecutorService reloadThread() {
        return Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ipguard-reload-test");
            t.setDaemon(true);
            return t;
        });
    }
}
