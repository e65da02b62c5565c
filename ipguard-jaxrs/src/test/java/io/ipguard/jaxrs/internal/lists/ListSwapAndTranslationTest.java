package io.ipguard.jaxrs.internal.lists;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.ipguard.jaxrs.ClientAddress;
import io.ipguard.jaxrs.internal.config.ConfigLoader;
import io.ipguard.jaxrs.internal.config.Setting;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Proxy lists that take written proxies away while others add elsewhere, NAT64 local-use forms,
 * and JSON elements selected by a filter that lose the field the path reads.
 */
class ListSwapAndTranslationTest {

    private HttpServer server;
    private final Map<String, String> bodies = new ConcurrentHashMap<>();
    private final Map<String, Integer> versions = new ConcurrentHashMap<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        for (String name : List.of("cdn", "retired", "bad")) {
            bodies.put(name, "# empty\n");
            versions.put(name, 1);
            server.createContext("/" + name, exchange -> answer(exchange, name));
        }
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void serve(String name, String body) {
        bodies.put(name, body);
        versions.merge(name, 1, Integer::sum);
    }

    private void answer(HttpExchange exchange, String name) throws IOException {
        try (exchange) {
            String etag = "\"v" + versions.get(name) + "\"";
            if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                exchange.sendResponseHeaders(304, -1);
                return;
            }
            exchange.getResponseHeaders().add("ETag", etag);
            String body = bodies.get(name);
            if (body.startsWith("{")) {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private String url(String name) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + name;
    }

    private static ConfigLoader load(String... keyValues) {
        Map<String, Setting> settings = new LinkedHashMap<>();
        settings.put("ipguard.url-timeout-seconds", new Setting("ipguard.url-timeout-seconds", "2", null));
        for (int i = 0; i < keyValues.length; i += 2) {
            settings.put(keyValues[i], new Setting(keyValues[i], keyValues[i + 1], null));
        }
        return ConfigLoader.load(settings, null, List.of(), Clock.systemUTC());
    }

    private static boolean trusted(ConfigLoader loader, String address) {
        return loader.live().current().forwarding().trustedProxies().contains(ClientAddress.parse(address));
    }

    private static boolean in(ConfigLoader loader, String group, String address) {
        return loader.live().current().groups().get(group).contains(ClientAddress.parse(address));
    }

    /**
     * The limit counts which addresses lists add, not how the total changed: an exclusion list that
     * takes back written proxies does not free room for an inclusion list elsewhere.
     */
    @Test
    void whenAnExclusionListRemovesWrittenProxies_thenAnInclusionListCannotAddThreeSlash8sElsewhere() {
        ConfigLoader loader = load("ipguard.url.cdn", url("cdn"), "ipguard.url.retired", url("retired"),
                "ipguard.trusted-proxies", "1.0.0.0/8, 2.0.0.0/8, !@retired, @cdn",
                "ipguard.client-ip-header", "X-Forwarded-For");
        assertTrue(trusted(loader, "1.2.3.4") && !trusted(loader, "5.6.7.8"), "setup");

        // First the exclusion list takes the written proxies back (it only narrows: applied), at a later poll the
        // inclusion list adds ranges elsewhere.
        serve("retired", "1.0.0.0/8\n2.0.0.0/8\n");
        loader.reloadNow();
        serve("cdn", "3.0.0.0/8\n4.0.0.0/8\n5.0.0.0/8\n");
        loader.reloadNow();

        assertFalse(trusted(loader, "3.3.3.3") && trusted(loader, "5.6.7.8"),
                "the configuration writes 1.0.0.0/8, 2.0.0.0/8; the lists replaced them with 3.0.0.0/8, 4.0.0.0/8, "
                        + "5.0.0.0/8 (three /8s that are written nowhere, three times what lists may add) and this was "
                        + "applied: ProxyBreadth.tooBroad subtracts counts (|next| - |written| = one /8), not the set "
                        + "difference |next \\ written|; status: " + loader.status());
    }

    /** The same swap in IPv6: 256 times the /24 allowance, in global unicast written nowhere. */
    @Test
    void whenAnExclusionListRemovesWrittenIpv6Proxies_thenAnInclusionListCannotAddASlash16Elsewhere() {
        ConfigLoader loader = load("ipguard.url.cdn", url("cdn"), "ipguard.url.retired", url("retired"),
                "ipguard.trusted-proxies", "2400::/16, !@retired, @cdn",
                "ipguard.client-ip-header", "X-Forwarded-For");
        assertTrue(trusted(loader, "2400::1") && !trusted(loader, "2600::1"), "setup");

        serve("retired", "2400::/16\n");
        loader.reloadNow();
        serve("cdn", "2600::/16\n");
        loader.reloadNow();

        assertFalse(trusted(loader, "2600:1234::1"),
                "the configuration writes 2400::/16; the lists swapped it for 2600::/16 (2^112 global addresses written "
                        + "nowhere, 256 times the /24 lists may add) and this was applied, because only the counts are "
                        + "compared; status: " + loader.status());
    }

    /**
     * RFC 8215 reserves 64:ff9b:1::/48 for local-use NAT64 prefixes: IPv4 clients behind such a
     * translator appear there as behind 64:ff9b::/96, so the range counts as IPv4 clients.
     */
    @Test
    void whenAProxyListTrustsTheLocalUseNat64Prefix_thenItIsNotApplied() {
        ConfigLoader loader = load("ipguard.url.cdn", url("cdn"), "ipguard.trusted-proxies", "@cdn",
                "ipguard.client-ip-header", "X-Forwarded-For");
        serve("cdn", "203.0.113.0/24\n64:ff9b:1::/48\n");
        loader.reloadNow();

        assertFalse(trusted(loader, "64:ff9b:1::808:808"),
                "a URL list holding 64:ff9b:1::/48 (the RFC 8215 local-use NAT64 block: every IPv4 client of any "
                        + "local-use translator, 2^80 addresses) was applied as trusted proxies: ProxyBreadth counts "
                        + "only 64:ff9b::/96 as IPv4 and 2000::/3 as IPv6; status: " + loader.status());
    }

    /**
     * When the elements a filter selects lose the field the path reads, other elements that still
     * have it do not make the path look intact: the change is refused.
     */
    @Test
    void whenTheSelectedElementsLoseTheAddressField_thenTheChangeIsRefused() {
        String select = "prefixes[service=BAD].ip_prefix, ipv6_prefixes.ipv6_prefix";
        serve("bad", "{\"prefixes\": [{\"ip_prefix\": \"198.51.100.66/32\", \"service\": \"BAD\"},"
                + " {\"ip_prefix\": \"192.0.2.0/24\", \"service\": \"OTHER\"}],"
                + " \"ipv6_prefixes\": [{\"ipv6_prefix\": \"2001:db8:66::/48\"}]}");
        ConfigLoader loader = load("ipguard.url.bad", url("bad"), "ipguard.url-select.bad", select,
                "ipguard.group.admin", "198.51.100.0/24, 2001:db8::/32, !@bad");
        assertFalse(in(loader, "admin", "198.51.100.66"), "setup");

        // The publisher moves the BAD entries to a new field name; the others keep the old one.
        serve("bad", "{\"prefixes\": [{\"ip_prefix_v2\": \"198.51.100.66/32\", \"service\": \"BAD\"},"
                + " {\"ip_prefix\": \"192.0.2.0/24\", \"service\": \"OTHER\"}],"
                + " \"ipv6_prefixes\": [{\"ipv6_prefix\": \"2001:db8:66::/48\"}]}");
        loader.reloadNow();

        assertFalse(in(loader, "admin", "198.51.100.66"),
                "the BAD elements still exist (the filter matches them) but no longer have ip_prefix; because an "
                        + "OTHER element still has ip_prefix, present() took the path as intact, the IPv4 half of the "
                        + "blocklist emptied silently and 198.51.100.66 is admitted; status: " + loader.status());
    }
}
