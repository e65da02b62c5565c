package io.ipguard.jaxrs.internal;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.ipguard.jaxrs.ClientAddress;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the shape and breadth checks must not refuse: a Google region without IPv6 ranges, and the
 * same IPv4 clients written natively and in NAT64 form, or private ones in NAT64 form.
 */
class ProviderLayoutAndNat64Test {

    private HttpServer server;
    private volatile byte[] body;
    private volatile String etag = "\"v1\"";

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/doc", this::answer);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                exchange.sendResponseHeaders(304, -1);
                return;
            }
            exchange.getResponseHeaders().add("ETag", etag);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private void serve(String text) {
        body = text.getBytes(StandardCharsets.UTF_8);
        etag = "\"" + text.hashCode() + "\"";
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = ProviderLayoutAndNat64Test.class.getResourceAsStream("/providers/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private ConfigLoader load(String select) {
        Map<String, Setting> settings = new LinkedHashMap<>();
        settings.put("ipguard.url-timeout-seconds", new Setting("ipguard.url-timeout-seconds", "2", null));
        settings.put("ipguard.url.provider", new Setting("ipguard.url.provider",
                "http://127.0.0.1:" + server.getAddress().getPort() + "/doc", null));
        settings.put("ipguard.url-select.provider", new Setting("ipguard.url-select.provider", select, null));
        return ConfigLoader.load(settings, null, List.of(), Clock.systemUTC());
    }

    private static boolean in(ConfigLoader loader, String address) {
        return loader.live().group("provider").contains(ClientAddress.parse(address));
    }

    /**
     * Google's cloud.json holds ipv4Prefix and ipv6Prefix in separate elements of one array. When a
     * region has no IPv6 range, the documented selection's IPv6 path selects that region's (IPv4)
     * elements, none of which has ipv6Prefix: that is a region with no IPv6 ranges, not a rename.
     */
    @Test
    void whenAGoogleRegionWithdrawsItsIpv6Range_thenTheUpdatedListStillApplies() throws IOException {
        String select = "prefixes[scope=us-central1].ipv4Prefix, prefixes[scope=us-central1].ipv6Prefix";
        serve(fixture("gcp-cloud.json"));
        ConfigLoader loader = load(select);
        assertTrue(in(loader, "35.184.9.9") && in(loader, "2600:1900:4000::1"), "setup: " + loader.status());

        // Google withdraws us-central1's IPv6 range and adds an IPv4 range; other regions keep IPv6.
        serve(fixture("gcp-cloud.json")
                .replace("\"ipv6Prefix\": \"2600:1900:4000::/44\"", "\"ipv4Prefix\": \"34.1.0.0/16\""));
        loader.reloadNow();

        assertTrue(in(loader, "34.1.0.1") && !in(loader, "2600:1900:4000::1"),
                "us-central1 now has only IPv4 elements (a region with no IPv6 ranges, which docs/lists.md says is "
                        + "fine); the update was refused because present() looks for ipv6Prefix only on the elements "
                        + "[scope=us-central1] selects, so 34.1.0.0/16 never applies and the withdrawn "
                        + "2600:1900:4000::/44 stays in force; status: " + loader.status().get(1).lastError().orElse("none"));
    }

    /** The same at start-up: a Google region published with IPv4 ranges only cannot be configured. */
    @Test
    void whenAGoogleRegionHasOnlyIpv4Ranges_thenItsDocumentedSelectionLoads() throws IOException {
        String select = "prefixes[scope=me-central2].ipv4Prefix, prefixes[scope=me-central2].ipv6Prefix";
        serve(fixture("gcp-cloud.json").replace("\"prefixes\": [{",
                "\"prefixes\": [{\"ipv4Prefix\": \"34.166.0.0/16\", \"service\": \"Google Cloud\","
                        + " \"scope\": \"me-central2\"}, {"));
        ConfigLoader loader = load(select);

        assertTrue(loader.status().get(1).lastError().isEmpty() && in(loader, "34.166.1.1"),
                "a region with only IPv4 ranges (ipv6Prefix occurs on other regions' elements) is refused with: "
                        + loader.status().get(1).lastError().orElse("none") + "; 34.166.1.1 in list: "
                        + in(loader, "34.166.1.1"));
    }

    /**
     * Native IPv4 and the same addresses in the NAT64 prefix are the same clients: a list trusting
     * 1.0.0.0/8 in both forms trusts a /8 of clients, within the allowance.
     */
    @Test
    void whenAListTrustsASlash8InBothNativeAndNat64Form_thenItIsNotCountedTwice() {
        CompiledIpSet next = EntryListParser.parse("1.0.0.0/8, 64:ff9b::100:0/104", "next");
        CompiledIpSet written = CompiledIpSet.compile(List.of());

        assertNull(ProxyBreadth.tooBroad(next, written),
                "1.0.0.0/8 natively and as 64:ff9b::1.0.0.0/104 is one /8 of IPv4 clients, but publicIpv4 adds the two "
                        + "counts (2^25) and refuses");
    }

    /**
     * Private IPv4 in the NAT64 well-known prefix counts as private, as it does natively.
     */
    @Test
    void whenAListTrustsPrivateIpv4InTheWellKnownNat64Prefix_thenItDoesNotCountAsPublic() {
        CompiledIpSet next = EntryListParser.parse("64:ff9b::a00:0/104, 1.0.0.0/9", "next");
        CompiledIpSet written = CompiledIpSet.compile(List.of());

        assertNull(ProxyBreadth.tooBroad(next, written),
                "64:ff9b::10.0.0.0/104 (private 10.0.0.0/8, which the well-known prefix never carries) is counted as "
                        + "2^24 public IPv4 while 10.0.0.0/8 itself counts 0; with a public /9 this is refused as "
                        + ProxyBreadth.tooBroad(next, written));
    }
}
