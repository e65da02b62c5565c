package io.ipguard.jaxrs.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.ipguard.jaxrs.ClientAddress;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lists at the edges of the rules: NAT64 forms in proxy lists, what lists add to written proxies,
 * lists that only exclude, and a generated list cut short after its header.
 */
class ListEdgeCasesTest {

    @TempDir
    Path dir;

    private HttpServer server;
    private volatile String body = "203.0.113.0/24\n";
    private volatile int etagVersion = 1;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/list", this::answer);
        server.start();
    }

    @AfterEach
    void stop() {
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
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/list";
    }

    private static ConfigLoader load(Path configFile, String... keyValues) {
        Map<String, Setting> settings = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            settings.put(keyValues[i], new Setting(keyValues[i], keyValues[i + 1], null));
        }
        return ConfigLoader.load(settings, configFile, List.of(), Clock.systemUTC());
    }

    private static boolean in(ConfigLoader loader, String group, String address) {
        return loader.live().current().groups().get(group).contains(ClientAddress.parse(address));
    }

    private static boolean trusted(ConfigLoader loader, String address) {
        return loader.live().current().forwarding().trustedProxies().contains(ClientAddress.parse(address));
    }

    /**
     * NAT64/SIIT: IPv4 clients reach an IPv6-only service as 64:ff9b::a.b.c.d (RFC 6052). The guard
     * keeps them IPv6, so the well-known prefix counts as IPv4 space: a list may not trust the whole
     * translated IPv4 Internet.
     */
    @Test
    void whenAProxyListTrustsTheNat64WellKnownPrefix_thenItIsNotApplied() {
        ConfigLoader loader = load(null, "ipguard.url.cdn", url(), "ipguard.url-timeout-seconds", "2",
                "ipguard.trusted-proxies", "@cdn", "ipguard.client-ip-header", "X-Forwarded-For");
        assertTrue(trusted(loader, "203.0.113.7"), "setup");

        body = "203.0.113.0/24\n64:ff9b::/96\n";
        etagVersion = 2;
        loader.reloadNow();

        assertFalse(trusted(loader, "64:ff9b::8.8.8.8"), "a URL list holding 64:ff9b::/96 (every IPv4 address as NAT64/SIIT "
                + "presents it, 2^32 clients, 256 times the /8 limit) was applied as trusted proxies: behind a translator "
                + "every IPv4 client can name its own address; ProxyBreadth counts only 2000::/3; status: "
                + loader.status().get(1));
    }

    /**
     * Decision 39: lists may widen the trusted proxies by a /8's worth beyond what the configuration
     * itself writes; what it writes does not use up the lists' allowance.
     */
    @Test
    void whenTheConfigurationWritesHalfASlash8_thenAListMayStillAddLessThanASlash8() {
        body = "# empty\n";
        ConfigLoader loader = load(null, "ipguard.url.cdn", url(), "ipguard.url-timeout-seconds", "2",
                "ipguard.trusted-proxies", "1.0.0.0/9, @cdn", "ipguard.client-ip-header", "X-Forwarded-For");
        assertTrue(trusted(loader, "1.2.3.4"), "setup");

        // The list widens the proxies by a /9 and a /24: well under a /8.
        body = "2.0.0.0/9\n203.0.113.0/24\n";
        etagVersion = 2;
        loader.reloadNow();

        assertTrue(trusted(loader, "2.1.2.3") && loader.status().get(1).lastError().isEmpty(),
                "ipguard.trusted-proxies writes 1.0.0.0/9 and the list adds 2.0.0.0/9 + 203.0.113.0/24 (a /9 and a /24, "
                        + "less than the /8 that decision 39 lets lists add beyond what the configuration writes), "
                        + "yet the list was refused: the limit is applied to the total, so written addresses use up "
                        + "the lists' allowance; status: " + loader.status().get(1));
    }

    /**
     * A list named as an exclusion from written proxies can only take trust away: the baseline takes
     * lists as empty, so the written range does not count as the list's widening.
     */
    @Test
    void whenAListOnlyExcludesFromWrittenProxies_thenItApplies() {
        body = "2.2.3.0/24\n";
        ConfigLoader loader = load(null, "ipguard.url.retired", url(), "ipguard.url-timeout-seconds", "2",
                "ipguard.trusted-proxies", "2.0.0.0/7, !@retired", "ipguard.client-ip-header", "X-Forwarded-For");

        assertTrue(trusted(loader, "3.9.9.9") && !trusted(loader, "2.2.3.4"),
                "ipguard.trusted-proxies = 2.0.0.0/7, !@retired: the list can only narrow what the operator wrote, yet "
                        + "it was refused as too broad and the proxies trust nobody (3.9.9.9 trusted: "
                        + trusted(loader, "3.9.9.9") + "); status: " + loader.status().get(1));
    }

    /**
     * Emptiness rule: generated lists begin with a comment header, so only the line "# empty" says a
     * list is empty on purpose; a generator that dies after its header does not empty a blocklist.
     */
    @Test
    void whenABlocklistFileIsLeftWithOnlyItsGeneratedHeader_thenTheBlocklistInForceStays() throws Exception {
        Path file = Files.writeString(dir.resolve("blocked.txt"),
                "# blocklist generated by feed-sync 2026-11-30T00:00Z\n# one CIDR per line\n198.51.100.66\n");
        ConfigLoader loader = load(null, "ipguard.file.blocked", file.toString(),
                "ipguard.group.admin", "198.51.100.0/24, !@blocked");
        assertFalse(in(loader, "admin", "198.51.100.66"), "setup");

        // The generator wrote its header, then died (disk full, killed) before the entries.
        Files.writeString(file, "# blocklist generated by feed-sync 2026-11-30T01:00Z\n# one CIDR per line\n");
        loader.reloadNow();

        assertFalse(in(loader, "admin", "198.51.100.66"), "a blocklist file truncated after its generated header "
                + "(no entry, only the header comment every run writes) was applied as an empty list without error: "
                + "198.51.100.66 is admitted; any '#' counts as 'empty on purpose'; status: " + loader.status().get(1));
    }

    /**
     * A list that takes written addresses away does not make room for as many elsewhere: what lists
     * add is measured, not how the total changed.
     */
    @Test
    void whenAListRemovesWrittenProxiesAndAnotherAddsElsewhere_thenTheAdditionIsMeasured() throws Exception {
        Path retired = Files.writeString(dir.resolve("retired.txt"), "1.0.0.0/8\n");
        body = "2.0.0.0/8\n3.0.0.0/9\n";
        ConfigLoader loader = load(null, "ipguard.url.cdn", url(), "ipguard.url-timeout-seconds", "2",
                "ipguard.file.retired", retired.toString(),
                "ipguard.trusted-proxies", "1.0.0.0/8, !@retired, @cdn", "ipguard.client-ip-header", "X-Forwarded-For");

        assertFalse(trusted(loader, "2.0.0.1"), "the list adds a /8 and a /9 of public addresses: more than a /8");
        assertTrue(loader.status().get(1).lastError().orElse("").contains("not applied"), loader.status().toString());
    }
}
