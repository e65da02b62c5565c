package io.ipguard.jaxrs.internal.lists;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.ipguard.jaxrs.ClientAddress;
import io.ipguard.jaxrs.IpGuardConfigurationException;
import io.ipguard.jaxrs.ListStatus;
import io.ipguard.jaxrs.internal.config.ConfigLoader;
import io.ipguard.jaxrs.internal.config.Setting;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A group published over HTTP, against a real local HTTP server whose answers the test sets. */
class UrlListSourceTest {

    private HttpServer server;
    private volatile int status = 200;
    private volatile String body = "# partners\n192.0.2.0/24\n198.51.100.7  # the other one\n";
    private volatile String etag = "\"v1\"";
    private volatile long delayMillis;
    private final List<String> conditional = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/partners.txt", this::answer);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
            conditional.add(String.valueOf(ifNoneMatch));
            if (delayMillis > 0) {
                try {
                    Thread.sleep(delayMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (etag.equals(ifNoneMatch)) {
                exchange.sendResponseHeaders(304, -1);
                return;
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("ETag", etag);
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/partners.txt";
    }

    private ConfigLoader load(String... extra) {
        Map<String, Setting> settings = new java.util.LinkedHashMap<>();
        settings.put("ipguard.url.partners", new Setting("ipguard.url.partners", url(), null));
        settings.put("ipguard.url-timeout-seconds", new Setting("ipguard.url-timeout-seconds", "1", null));
        for (int i = 0; i < extra.length; i += 2) {
            settings.put(extra[i], new Setting(extra[i], extra[i + 1], null));
        }
        return ConfigLoader.load(settings, null, List.of(), Clock.systemUTC());
    }

    private static boolean allows(ConfigLoader loader, String address) {
        return loader.live().group("partners").contains(ClientAddress.parse(address));
    }

    private static ListStatus urlStatus(ConfigLoader loader) {
        return loader.status().get(1);
    }

    @Test
    void whenListIsPublished_thenItIsLoadedAtStartAndUpdatesApply() {
        ConfigLoader loader = load();

        assertEquals(true, allows(loader, "192.0.2.77"));
        assertEquals(true, allows(loader, "198.51.100.7"));
        assertEquals(false, allows(loader, "203.0.113.1"));

        body = "203.0.113.0/24\n";
        etag = "\"v2\"";
        loader.reloadNow();

        assertEquals(false, allows(loader, "192.0.2.77"));
        assertEquals(true, allows(loader, "203.0.113.1"));
        assertEquals(2, urlStatus(loader).version());
        assertEquals(List.of("null", "\"v1\""), conditional);
    }

    @Test
    void whenServerAnswers304_thenTheListStaysWithoutError() {
        ConfigLoader loader = load();

        loader.reloadNow();

        assertEquals(true, allows(loader, "192.0.2.77"));
        assertEquals(1, urlStatus(loader).version());
        assertEquals(true, urlStatus(loader).lastError().isEmpty());
        assertEquals(List.of("null", "\"v1\""), conditional);
    }

    @Test
    void whenAListIsLoadedRevalidatedAndThenFails_thenItsStatusTellsEachMoment() throws Exception {
        ConfigLoader loader = load();
        ListStatus loaded = urlStatus(loader);
        Thread.sleep(5);
        loader.reloadNow();
        ListStatus revalidated = urlStatus(loader);
        Thread.sleep(5);
        status = 500;
        etag = "\"v2\"";
        loader.reloadNow();
        ListStatus failed = urlStatus(loader);

        assertEquals(2, loaded.entries());
        assertEquals(loaded.loadedAt(), loaded.checkedAt());
        assertEquals(loaded.loadedAt(), revalidated.loadedAt());
        assertTrue(revalidated.checkedAt().get().isAfter(loaded.loadedAt().get()));
        assertEquals(2, failed.entries());
        assertEquals(revalidated.checkedAt(), failed.checkedAt());
        assertEquals(failed.lastErrorAt(), failed.attemptedAt());
        assertTrue(failed.attemptedAt().get().isAfter(revalidated.checkedAt().get()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "500       | answered HTTP 500",
        "timeout   | no complete answer within 1 s",
        "oversize  | the list is larger than 64 bytes",
        "bad entry | :2: \"10.0.0.1/8\" has host bits set; did you mean 10.0.0.0/8?",
    })
    void whenFetchFails_thenTheLastGoodListStaysAndTheErrorIsReported(String failure, String error) {
        ConfigLoader loader = load("ipguard.url-max-bytes", "64");
        etag = "\"v2\"";
        switch (failure) {
            case "500" -> status = 500;
            case "timeout" -> delayMillis = 3_000;
            case "oversize" -> body = "192.0.2.1\n".repeat(10);
            default -> body = "192.0.2.1\n10.0.0.1/8\n";
        }

        loader.reloadNow();

        assertEquals(true, allows(loader, "192.0.2.77"));
        assertEquals(1, urlStatus(loader).version());
        String reported = urlStatus(loader).lastError().orElseThrow();
        assertEquals(true, reported.startsWith(url()) && reported.endsWith(error), reported);
    }

    @Test
    void whenFirstFetchFails_thenTheGroupIsEmptyUntilOneSucceeds() {
        status = 503;
        ConfigLoader loader = load();

        assertEquals(false, allows(loader, "192.0.2.77"));
        assertEquals(0, urlStatus(loader).version());
        assertEquals(url() + ": answered HTTP 503", urlStatus(loader).lastError().orElseThrow());

        status = 200;
        loader.reloadNow();

        assertEquals(true, allows(loader, "192.0.2.77"));
    }

    private static boolean trusted(ConfigLoader loader, String address) {
        return loader.live().current().forwarding().trustedProxies().contains(ClientAddress.parse(address));
    }

    @Test
    void whenTrustedProxiesNameAUrlList_thenTheyFollowItAndTrustNobodyBeforeItArrives() {
        status = 503;
        ConfigLoader loader = load("ipguard.trusted-proxies", "@partners, 10.0.0.1",
                "ipguard.client-ip-header", "X-Forwarded-For", "ipguard.group.webhooks", "@partners");

        assertEquals(false, trusted(loader, "192.0.2.77"));
        assertEquals(true, trusted(loader, "10.0.0.1"));

        status = 200;
        loader.reloadNow();
        assertEquals(true, trusted(loader, "192.0.2.77"));
        assertEquals(true, loader.live().group("webhooks").contains(ClientAddress.parse("192.0.2.77")));

        body = "203.0.113.0/24\n";
        etag = "\"v2\"";
        loader.reloadNow();
        assertEquals(false, trusted(loader, "192.0.2.77"));
        assertEquals(true, trusted(loader, "203.0.113.5"));
        assertEquals(true, loader.live().group("webhooks").contains(ClientAddress.parse("203.0.113.5")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"0.0.0.0/0 | every IPv4 address", "::/0, !::ffff:0:0/96 | every IPv6 address",
            "0.0.0.0/0, !0.0.0.0 | more public IPv4 addresses than a /1 holds",
            "0.0.0.1-255.255.255.255 | more public IPv4 addresses than a /1 holds",
            "0.0.0.0/3 | more public IPv4 addresses than a /4 holds",
            "64.0.0.0/7 | as many public IPv4 addresses as a /7 holds",
            "::/0, !::ffff:0:0/96, !2001:db8::1 | more global IPv6 addresses than a /4 holds",
            "2000::/4 | as many global IPv6 addresses as a /4 holds",
            "2a00::/23 | as many global IPv6 addresses as a /23 holds", "8.0.0.0/8, 9.0.0.0 | more public IPv4 addresses than a /8 holds"})
    void whenAUrlListWouldMakeTrustedProxiesTrustEveryone_thenItIsNotApplied(String published, String family) {
        ConfigLoader loader = load("ipguard.trusted-proxies", "@partners",
                "ipguard.client-ip-header", "X-Forwarded-For", "ipguard.group.webhooks", "@partners");

        body = published.replace(", ", "\n") + "\n";
        etag = "\"v2\"";
        loader.reloadNow();

        assertEquals(true, trusted(loader, "192.0.2.77"));
        assertEquals(false, trusted(loader, "203.0.113.5"));
        assertEquals(false, loader.live().group("webhooks").contains(ClientAddress.parse("203.0.113.5")));
        assertEquals(url() + ": not applied: it would make ipguard.trusted-proxies trust " + family
                + " (lists may add to what it writes as many public addresses as a /8 holds for IPv4, a /24 for IPv6), so clients "
                + "there could choose their own address", urlStatus(loader).lastError().orElseThrow());
    }

    @Test
    void whenAProxyListIsLargeButWithinTheLimit_thenItApplies() {
        ConfigLoader loader = load("ipguard.trusted-proxies", "@partners", "ipguard.client-ip-header", "X-Forwarded-For");

        // Private and internal ranges do not count; public ones up to a /8's worth (IPv4) and a /24's (IPv6) do.
        body = "10.0.0.0/8\n172.16.0.0/12\n100.64.0.0/10\nfc00::/7\n8.0.0.0/9\n13.32.0.0/15\n52.84.0.0/16\n"
                + "2600:9000::/28\n2a06:98c0::/29\n2400:cb00::/25\n";
        etag = "\"v2\"";
        loader.reloadNow();

        assertEquals(true, urlStatus(loader).lastError().isEmpty(), urlStatus(loader).toString());
        assertEquals(true, trusted(loader, "8.127.0.1"));
        assertEquals(true, trusted(loader, "2400:cb00::1"));
        assertEquals(false, trusted(loader, "192.0.2.77"));
    }

    @Test
    void whenAGroupsUrlListComesToAdmitEveryoneOrTooMany_thenItIsNotAppliedAndTheStatusSaysWhy() {
        ConfigLoader loader = load("ipguard.list-max-share.partners", "20");

        body = "0.0.0.0/0\n";
        etag = "\"v2\"";
        loader.reloadNow();
        String everyone = urlStatus(loader).lastError().orElseThrow();
        body = "::/0, !::ffff:0:0/96\n";
        etag = "\"v3\"";
        loader.reloadNow();
        String everyIpv6 = urlStatus(loader).lastError().orElseThrow();
        body = "0.0.0.0/2\n";
        etag = "\"v4\"";
        loader.reloadNow();
        String quarter = urlStatus(loader).lastError().orElseThrow();
        body = "0.0.0.0/3\n";
        etag = "\"v5\"";
        loader.reloadNow();

        assertEquals(url() + ": not applied: it would admit every IPv4 address; a list from a URL or a file may admit at "
                + "most 20% (ipguard.list-max-share)", everyone);
        assertEquals(url() + ": not applied: it would admit every IPv6 address; a list from a URL or a file may admit at "
                + "most 20% (ipguard.list-max-share)", everyIpv6);
        assertEquals(url() + ": not applied: it would admit more than 20% of the public IPv4 addresses (24.8%); a list from "
                + "a URL or a file may admit at most 20% (ipguard.list-max-share)", quarter);
        // Within the share, a wide list applies: a provider's ranges can be large.
        assertEquals(true, allows(loader, "31.0.0.1"));
        assertEquals(false, allows(loader, "203.0.113.5"));
        assertEquals(true, urlStatus(loader).lastError().isEmpty());
    }

    @Test
    void whenUrlIsPlainHttpToAnotherHost_thenItIsRefused() {
        IpGuardConfigurationException e = assertThrows(IpGuardConfigurationException.class, () -> ConfigLoader.load(
                Map.of("ipguard.url.partners", new Setting("ipguard.url.partners", "http://lists.example.com/p.txt", null)),
                null, List.of(), Clock.systemUTC()));

        assertEquals(List.of("ipguard.url.partners: \"http://lists.example.com/p.txt\" must use https; http is accepted "
                + "only for loopback hosts"), e.problems());
    }

    @Test
    void whenGroupIsDefinedTwice_thenItIsAnError() {
        IpGuardConfigurationException e = assertThrows(IpGuardConfigurationException.class,
                () -> load("ipguard.group.partners", "10.0.0.1"));

        assertEquals(List.of("ipguard.url.partners: group \"partners\" is also defined by ipguard.group.partners; "
                + "define it once"), e.problems());
    }
}
