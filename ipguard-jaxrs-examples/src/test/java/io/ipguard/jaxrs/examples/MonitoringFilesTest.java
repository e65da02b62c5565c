package io.ipguard.jaxrs.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.ipguard.jaxrs.testing.RawHttp;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The alert rules and the dashboard in docs/monitoring name only series the guard really serves: a
 * renamed meter would leave an alert that never fires.
 */
class MonitoringFilesTest {

    private static final Pattern SERIES = Pattern.compile("ipguard_[a-z_]+");
    private static final Path MONITORING = Path.of("..", "docs", "monitoring");

    @Test
    void whenTheExampleServesEveryKindOfMeter_thenEverySeriesTheMonitoringFilesNameIsServed(@TempDir Path dir)
            throws Exception {
        HttpServer lists = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        lists.createContext("/partners.txt", exchange -> {
            byte[] body = "198.51.100.7\n".getBytes(StandardCharsets.US_ASCII);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        lists.start();
        Path config = dir.resolve("ipguard.properties");
        Files.writeString(config, "ipguard.group.default = 127.0.0.1, @partners\n"
                + "ipguard.group.admin = 127.0.0.1\n"
                + "ipguard.url.partners = http://127.0.0.1:" + lists.getAddress().getPort() + "/partners.txt\n");
        try (ExampleServer server = ExampleServer.start(ServerOptions.parse("--config", config.toString(), "--port", "0"))) {
            int port = server.baseUri().getPort();
            assertEquals(403, RawHttp.get("127.0.0.5", "127.0.0.1", port, "/internal").status());
            // A forwarding header from a peer that is not a trusted proxy: counted, not believed.
            assertEquals(403, RawHttp.get("127.0.0.5", "127.0.0.1", port, "/internal", "X-Forwarded-For: 127.0.0.1").status());
            String scrape = RawHttp.get("127.0.0.1", "127.0.0.1", port, "/metrics").body();

            Set<String> served = seriesIn(scrape);
            for (String file : new String[] {"ipguard-alerts.yml", "ipguard-dashboard.json"}) {
                Set<String> named = seriesIn(Files.readString(MONITORING.resolve(file)));
                assertFalse(named.isEmpty(), file + " names no series");
                named.removeAll(served);
                assertTrue(named.isEmpty(), file + " names series the guard does not serve: " + named
                        + "\nserved: " + served);
            }
        } finally {
            lists.stop(0);
        }
    }

    private static Set<String> seriesIn(String text) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = SERIES.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group());
        }
        return names.stream().collect(Collectors.toCollection(TreeSet::new));
    }
}
