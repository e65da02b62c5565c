package io.ipguard.jaxrs.internal.lists;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.ipguard.jaxrs.ClientAddress;
import io.ipguard.jaxrs.ListStatus;
import io.ipguard.jaxrs.internal.config.ConfigLoader;
import io.ipguard.jaxrs.internal.config.Setting;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The health a refused list leaves, and where a loopback http list may be fetched from. */
class ListRefusalHealthTest {

    private HttpServer server;
    private HttpServer remote;
    private volatile String body = "203.0.113.0/24\n";
    private volatile int etagVersion = 1;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
        if (remote != null) {
            remote.stop(0);
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String etag = "\"v" + etagVersion + "\"";
            if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                exchange.sendResponseHeaders(304, -1);
                return;
            }
            exchange.getResponseHeaders().add("ETag", etag);
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    /** A clock the test moves. */
    private static final class Moving extends Clock {
        volatile Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void whenAFetchedListIsRefused_thenItsHealthStillDescribesTheListInForce() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/list", this::answer);
        server.start();
        Moving clock = new Moving();
        Map<String, Setting> settings = new LinkedHashMap<>();
        for (String[] kv : new String[][] {{"ipguard.url.cdn", "http://127.0.0.1:" + server.getAddress().getPort() + "/list"},
                {"ipguard.url-timeout-seconds", "2"}, {"ipguard.trusted-proxies", "@cdn"},
                {"ipguard.client-ip-header", "X-Forwarded-For"}}) {
            settings.put(kv[0], new Setting(kv[0], kv[1], null));
        }
        ConfigLoader loader = ConfigLoader.load(settings, null, List.of(), clock);
        ListStatus good = loader.status().get(1);
        SourceHealth health = loader.healths().get(1);
        assertEquals(1, good.version());

        // A day later the server starts serving a list that is refused (too wide), at every refresh.
        body = "0.0.0.0/1\n";
        etagVersion = 2;
        List<String> logged;
        try (io.ipguard.jaxrs.testing.CapturedLog log = io.ipguard.jaxrs.testing.CapturedLog.of("io.ipguard.jaxrs")) {
            for (int hour = 1; hour <= 3; hour++) {
                clock.now = Instant.parse("2026-01-02T00:00:00Z").plusSeconds(3600L * hour);
                loader.reloadNow();
            }
            logged = log.messages();
        }
        // The refusal is a WARNING, said once while it stays the same; none is announced as a reload first.
        assertEquals(1, logged.stream().filter(m -> m.startsWith("WARNING") && m.contains("not applied")).count(),
                logged.toString());
        assertEquals(List.of(), logged.stream().filter(m -> m.contains("reloaded")).toList());
        ListStatus now = loader.status().get(1);
        assertFalse(loader.live().current().forwarding().trustedProxies().contains(ClientAddress.parse("60.0.0.1")),
                "setup: refused");
        assertTrue(now.lastError().isPresent(), "setup: " + now);

        assertEquals(good.loadedAt(), now.loadedAt(), "the list in force was loaded at " + good.loadedAt().orElseThrow()
                + ", but after three refused fetches status()/Decision.sources() say loadedAt " + now.loadedAt().orElseThrow()
                + " (version " + now.version() + "): each refused list counts as loaded, so the list.age gauge reads "
                + health.ageSeconds() + " s for a list 27 h old, ipguard.list.entries reads " + health.entries()
                + " entries of the refused list, and failuresSinceSuccess stays at " + health.failuresSinceSuccess()
                + " instead of 3");

        // A list that applies is announced, with the version now in force.
        body = "203.0.113.0/24\n198.51.100.0/24\n";
        etagVersion = 3;
        try (io.ipguard.jaxrs.testing.CapturedLog log = io.ipguard.jaxrs.testing.CapturedLog.of("io.ipguard.jaxrs")) {
            loader.reloadNow();
            assertEquals(List.of("INFO ipguard: reloaded " + good.source() + " (version 2)"),
                    log.messages().stream().filter(m -> m.contains("reloaded")).toList());
        }
    }

    /**
     * http is accepted only for loopback hosts, so a loopback server's redirect is not followed: an
     * http list never follows redirects at all, so another host stands in for "off the host" here
     * (127.0.0.2, there on every machine).
     */
    @Test
    void whenALoopbackHttpListRedirectsToAnotherHostOverHttp_thenTheRedirectIsNotFollowed() throws Exception {
        InetAddress external = InetAddress.getByName("127.0.0.2");
        AtomicInteger remoteHits = new AtomicInteger();
        remote = HttpServer.create(new InetSocketAddress(external, 0), 0);
        remote.createContext("/list", exchange -> {
            remoteHits.incrementAndGet();
            answer(exchange);
        });
        remote.start();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/list", exchange -> {
            try (exchange) {
                exchange.getResponseHeaders().add("Location",
                        "http://" + external.getHostAddress() + ":" + remote.getAddress().getPort() + "/list");
                exchange.sendResponseHeaders(302, -1);
            }
        });
        server.start();
        Map<String, Setting> settings = new LinkedHashMap<>();
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/list";
        settings.put("ipguard.url.partners", new Setting("ipguard.url.partners", url, null));
        settings.put("ipguard.url-timeout-seconds", new Setting("ipguard.url-timeout-seconds", "2", null));
        ConfigLoader loader = ConfigLoader.load(settings, null, List.of(), Clock.systemUTC());

        assertEquals(0, remoteHits.get(), "ipguard.url.partners = " + url + " passed the 'http only for loopback hosts' "
                + "check, then the client followed a redirect to http://" + external.getHostAddress()
                + " and applied the list fetched in clear text from off the host: " + loader.status().get(1));
    }
}
