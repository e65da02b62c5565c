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
import io.ipguard.jaxrs.internal.config.LiveWhitelistProvider;
import io.ipguard.jaxrs.internal.config.Setting;
import io.ipguard.jaxrs.internal.observe.Explainer;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Providers' published documents, in each provider's own format (fixtures under
 * {@code src/test/resources/providers}), served by a local HTTP server: what a selection takes from
 * them, and what happens when a document is malformed, too large or does not hold addresses.
 */
class ProviderListsTest {

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

    private void serveFixture(String name) throws IOException {
        serve(fixture(name));
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = ProviderListsTest.class.getResourceAsStream("/providers/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/doc";
    }

    private ConfigLoader load(String select, String... extra) {
        Map<String, Setting> settings = new LinkedHashMap<>();
        settings.put("ipguard.url.provider", new Setting("ipguard.url.provider", url(), null));
        settings.put("ipguard.url-select.provider", new Setting("ipguard.url-select.provider", select, null));
        for (int i = 0; i < extra.length; i += 2) {
            settings.put(extra[i], new Setting(extra[i], extra[i + 1], null));
        }
        return ConfigLoader.load(settings, null, List.of(), Clock.systemUTC());
    }

    private static boolean in(ConfigLoader loader, String address) {
        return loader.live().group("provider").contains(ClientAddress.parse(address));
    }

    private static ListStatus status(ConfigLoader loader) {
        return loader.status().get(1);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "github-meta.json | hooks"
            + " | 192.30.252.1, 140.82.127.255, 2a0a:a440::1, 2606:50c0::9 | 20.201.28.151, 4.148.0.1, 8.8.8.8",
        "aws-ip-ranges.json | prefixes[service=CLOUDFRONT].ip_prefix, ipv6_prefixes[service=CLOUDFRONT].ipv6_prefix"
            + " | 13.32.0.1, 52.46.63.255, 2600:9000:2000::1 | 3.2.34.1, 18.206.0.1, 2600:1f18::1",
        "aws-ip-ranges.json | prefixes[service=EC2][region=us-east-1].ip_prefix, ipv6_prefixes[service=EC2][region=us-east-1].ipv6_prefix"
            + " | 18.206.1.1, 2600:1f18::1 | 3.5.140.1, 13.32.0.1",
        "gcp-cloud.json | prefixes[scope=us-central1].ipv4Prefix, prefixes[scope=us-central1].ipv6Prefix"
            + " | 34.104.113.1, 35.184.9.9, 2600:1900:4000::1 | 34.35.0.1, 2600:1900:8000::1",
        "fastly-public-ip-list.json | addresses, ipv6_addresses"
            + " | 151.101.1.1, 23.235.47.255, 2a04:4e42::1 | 151.102.0.1, 2a04:4e41::1",
        "oracle-public_ip_ranges.json | regions.cidrs[tags~OSN].cidr"
            + " | 134.70.8.1, 134.70.40.1 | 129.146.0.1, 130.61.0.1",
        "oracle-public_ip_ranges.json | regions[region=eu-frankfurt-1].cidrs.cidr"
            + " | 130.61.0.1, 134.70.40.1 | 129.146.0.1, 134.70.8.1",
        "cloudflare-ips.json | result.ipv4_cidrs, result.ipv6_cidrs"
            + " | 173.245.48.1, 104.23.255.255, 2400:cb00::1, 2c0f:f248::1 | 104.24.0.1, 2400:cb01::1",
        "geofeed.csv | csv"
            + " | 192.0.2.9, 198.51.100.127, 2001:db8:100::1 | 198.51.100.128, 2001:db8:101::1",
    })
    void whenAProvidersDocumentIsPublished_thenTheSelectionTakesExactlyItsAddresses(String fixture, String select,
                                                                                   String inside, String outside)
            throws Exception {
        serveFixture(fixture);

        ConfigLoader loader = load(select);

        assertTrue(status(loader).lastError().isEmpty(), () -> status(loader).lastError().orElseThrow());
        for (String address : inside.split(",")) {
            assertEquals(true, in(loader, address.strip()), address);
        }
        for (String address : outside.split(",")) {
            assertEquals(false, in(loader, address.strip()), address);
        }
    }

    @Test
    void whenOneGroupNamesAProvidersIpv4AndIpv6Lists_thenItHoldsBoth() throws Exception {
        serveFixture("fastly-public-ip-list.json");

        ConfigLoader loader = load("addresses", "ipguard.url.fastly6", url(), "ipguard.url-select.fastly6", "ipv6_addresses",
                "ipguard.group.fastly", "@provider, @fastly6");

        assertEquals(true, loader.live().group("fastly").contains(ClientAddress.parse("151.101.1.1")));
        assertEquals(true, loader.live().group("fastly").contains(ClientAddress.parse("2a04:4e40::1")));
        assertEquals(false, loader.live().group("provider").contains(ClientAddress.parse("2a04:4e40::1")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "malformed   | {\"hooks\": [\"192.0.2.0/24\",    | : not a JSON document: ",
        "not address | {\"hooks\": [\"192.0.2.0/24\", \"10.0.0.1/8\", 5]} | : /hooks/1: \"10.0.0.1/8\" has host bits set; did you mean 10.0.0.0/8?; URL: /hooks/2: number where an address was expected",
        "no match    | {\"hook\": [\"192.0.2.0/24\"]}   | : hooks is not in the document",
        "empty       | {\"hooks\": []}                  | : the selection matched no value in the document",
        "a hostname  | {\"hooks\": [\"example.com\"]}   | : /hooks/0: \"example.com\" is a hostname; only address literals are accepted (names are never resolved)",
    })
    void whenADocumentCannotBeUsed_thenTheListInForceStaysAndTheErrorSaysWhere(String what, String document,
                                                                                 String error) throws Exception {
        serveFixture("github-meta.json");
        ConfigLoader loader = load("hooks");

        serve(document);
        loader.reloadNow();

        assertEquals(true, in(loader, "192.30.252.1"));
        String reported = status(loader).lastError().orElseThrow();
        assertTrue(reported.startsWith(url() + error.replace("URL", url())), reported);
    }

    @Test
    void whenADocumentIsOverItsUrlsSizeBound_thenItIsRefusedAndOtherUrlsKeepTheGeneralBound() throws Exception {
        serveFixture("aws-ip-ranges.json");
        int size = body.length;

        ConfigLoader tight = load("prefixes.ip_prefix", "ipguard.url-max-bytes.provider", String.valueOf(size - 1),
                "ipguard.url-max-bytes", "100");
        ConfigLoader fits = load("prefixes.ip_prefix", "ipguard.url-max-bytes.provider", String.valueOf(size),
                "ipguard.url-max-bytes", "100");

        assertEquals(url() + ": the list is larger than " + (size - 1) + " bytes", status(tight).lastError().orElseThrow());
        assertEquals(false, in(tight, "3.2.34.1"));
        assertEquals(true, in(fits, "3.2.34.1"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "ipguard.url-select.provider | hooks[kind] | ipguard.url-select.provider: \"hooks[kind]\": \"[kind]\" is not a filter; write [field=value] or [field~value]",
        "ipguard.url-select.provider | a..b | ipguard.url-select.provider: \"a..b\": \"\" is not a field name with optional [field=value] or [field~value] filters",
        "ipguard.url-select.provider | csv:0 | ipguard.url-select.provider: \"csv:0\": the CSV column must be a number from 1 to 99",
        "ipguard.url-select.other    | hooks | ipguard.url-select.other: there is no ipguard.url.other for it to apply to",
        "ipguard.url-max-bytes.other | 10 | ipguard.url-max-bytes.other: there is no ipguard.url.other for it to apply to",
    })
    void whenASelectionIsWrittenWrong_thenStartUpStopsNamingTheKey(String key, String value, String problem) {
        Map<String, Setting> settings = new LinkedHashMap<>();
        settings.put("ipguard.url.provider", new Setting("ipguard.url.provider", url(), null));
        settings.put(key, new Setting(key, value, null));

        IpGuardConfigurationException e = assertThrows(IpGuardConfigurationException.class,
                () -> ConfigLoader.load(settings, null, List.of(), Clock.systemUTC()));

        assertEquals(List.of(problem), e.problems());
    }

    @Test
    void whenAProvidersListDecides_thenTheExplanationNamesTheReferenceTheUrlAndWhenItWasFetched() throws Exception {
        serveFixture("github-meta.json");
        ConfigLoader loader = load("hooks", "ipguard.group.webhooks", "@provider, 203.0.113.9");
        String fetched = loader.status().get(1).loadedAt().orElseThrow()
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();

        String allowed = explain(loader, "140.82.112.7", "webhooks");
        String direct = explain(loader, "140.82.112.7", "provider");
        String refused = explain(loader, "198.51.100.1", "provider");

        assertEquals("allowed: client 140.82.112.7 (the TCP peer) matched @provider (" + url() + ", fetched " + fetched
                + ") in group \"webhooks\"", allowed);
        assertEquals("allowed: client 140.82.112.7 (the TCP peer) matched 140.82.112.0/20 in group \"provider\" ("
                + url() + ", fetched " + fetched + ")", direct);
        assertEquals("refused: client 198.51.100.1 (the TCP peer) is not in group \"provider\" (" + url() + ", fetched "
                + fetched + ")", refused);
    }

    private static String explain(ConfigLoader loader, String peer, String group) {
        return Explainer.explain(loader.live().current(), new LiveWhitelistProvider(loader.live()), ClientAddress.parse(peer),
                Map.of(), group).toString();
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
        ConfigLoader loader = load(select, "ipguard.url-timeout-seconds", "2");
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
        ConfigLoader loader = load(select, "ipguard.url-timeout-seconds", "2");

        assertTrue(loader.status().get(1).lastError().isEmpty() && in(loader, "34.166.1.1"),
                "a region with only IPv4 ranges (ipv6Prefix occurs on other regions' elements) is refused with: "
                        + loader.status().get(1).lastError().orElse("none") + "; 34.166.1.1 in list: "
                        + in(loader, "34.166.1.1"));
    }
}
