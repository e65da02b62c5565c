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
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** JSON selections when the document changes shape: renamed filter fields, sections emptied. */
class JsonSelectionShapeTest {

    private HttpServer server;
    private volatile String body;
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
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private ConfigLoader load(String... keyValues) {
        Map<String, Setting> settings = new LinkedHashMap<>();
        settings.put("ipguard.url.bad", new Setting("ipguard.url.bad",
                "http://127.0.0.1:" + server.getAddress().getPort() + "/list", null));
        settings.put("ipguard.url-timeout-seconds", new Setting("ipguard.url-timeout-seconds", "2", null));
        for (int i = 0; i < keyValues.length; i += 2) {
            settings.put(keyValues[i], new Setting(keyValues[i], keyValues[i + 1], null));
        }
        return ConfigLoader.load(settings, null, List.of(), Clock.systemUTC());
    }

    private static boolean in(ConfigLoader loader, String group, String address) {
        return loader.live().current().groups().get(group).contains(ClientAddress.parse(address));
    }

    /**
     * "Fields gone" is an error and "filters select nothing" is not; a filter's own field that is
     * renamed is a field gone.
     */
    @Test
    void whenTheFilterFieldOfOnePathIsRenamed_thenTheChangeIsRefused() {
        String select = "prefixes[service=BAD].ip_prefix, ipv6_prefixes[service=BAD].ipv6_prefix";
        body = "{\"prefixes\": [{\"ip_prefix\": \"198.51.100.66/32\", \"service\": \"BAD\"}],"
                + " \"ipv6_prefixes\": [{\"ipv6_prefix\": \"2001:db8:66::/48\", \"service\": \"BAD\"}]}";
        ConfigLoader loader = load("ipguard.url-select.bad", select,
                "ipguard.group.admin", "198.51.100.0/24, 2001:db8::/32, !@bad");
        assertFalse(in(loader, "admin", "2001:db8:66::1"), "setup");

        // The publisher renames "service" to "services" in the IPv6 section only.
        body = "{\"prefixes\": [{\"ip_prefix\": \"198.51.100.66/32\", \"service\": \"BAD\"}],"
                + " \"ipv6_prefixes\": [{\"ipv6_prefix\": \"2001:db8:66::/48\", \"services\": \"BAD\"}]}";
        etagVersion = 2;
        loader.reloadNow();

        assertFalse(in(loader, "admin", "2001:db8:66::1"), "the publisher renamed the filter field service -> services "
                + "in ipv6_prefixes: no element has the field the filter reads any more, yet this passed as 'filters "
                + "select nothing', the IPv6 half of the blocklist emptied silently and 2001:db8:66::1 is admitted; "
                + "status: " + loader.status().get(1));
    }

    /**
     * A section emptied on purpose (an empty array before the path's last step) is not a field gone:
     * the rest of the document applies, and the ranges removed go.
     */
    @Test
    void whenOneSectionBecomesAnEmptyArray_thenTheRestOfTheListStillApplies() {
        String select = "prefixes.ip_prefix, ipv6_prefixes.ipv6_prefix";
        body = "{\"prefixes\": [{\"ip_prefix\": \"198.51.100.0/24\"}],"
                + " \"ipv6_prefixes\": [{\"ipv6_prefix\": \"2001:db8:66::/48\"}]}";
        ConfigLoader loader = load("ipguard.url-select.bad", select, "ipguard.group.partners", "@bad");
        assertTrue(in(loader, "partners", "2001:db8:66::1"), "setup");

        // The provider withdraws its IPv6 ranges (the field stays, its array is empty) and adds an IPv4 range.
        body = "{\"prefixes\": [{\"ip_prefix\": \"198.51.100.0/24\"}, {\"ip_prefix\": \"192.0.2.0/24\"}],"
                + " \"ipv6_prefixes\": []}";
        etagVersion = 2;
        loader.reloadNow();

        assertFalse(in(loader, "partners", "2001:db8:66::1"), "ipv6_prefixes is present and empty (\"an empty array "
                + "counts\", says present()), yet the fetch was refused as 'ipv6_prefixes.ipv6_prefix is not in the "
                + "document': the withdrawn 2001:db8:66::/48 stays allowed at every refresh, and 192.0.2.0/24 never "
                + "applies; status: " + loader.status().get(1));
    }
}
