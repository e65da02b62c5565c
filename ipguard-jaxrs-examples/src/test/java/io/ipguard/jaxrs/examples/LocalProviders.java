package io.ipguard.jaxrs.examples;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Local copies of the providers' documents that the recipes of docs/lists.md fetch, served over
 * http on loopback (which the guard accepts for a loopback host only), so that tests never reach
 * the internet. The copies are the library's fixtures in the providers' published formats, each
 * with {@link #EDGE} added to the ranges the recipes select: a request from that loopback address
 * comes from the provider.
 */
final class LocalProviders implements AutoCloseable {

    /** The loopback address each copy adds to the provider's ranges. */
    static final String EDGE = "127.0.0.9";

    /** A provider's document: the fixture, and the text after which the copy lists {@link #EDGE}. */
    private record Copy(String fixture, String before, String edgeEntry) {
    }

    /** By the provider's URL without {@code https://}. */
    private static final Map<String, Copy> COPIES = Map.of(
            "api.github.com/meta", new Copy("github-meta.json", "\"hooks\": [", "\"" + EDGE + "/32\","),
            "ip-ranges.amazonaws.com/ip-ranges.json", new Copy("aws-ip-ranges.json", "\"prefixes\": [",
                    "{\"ip_prefix\": \"" + EDGE + "/32\", \"region\": \"GLOBAL\", \"service\": \"CLOUDFRONT\", "
                            + "\"network_border_group\": \"GLOBAL\"},"),
            "api.cloudflare.com/client/v4/ips",
                    new Copy("cloudflare-ips.json", "\"ipv4_cidrs\":[", "\"" + EDGE + "/32\","));

    private final HttpServer server;

    LocalProviders() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        for (Map.Entry<String, Copy> copy : COPIES.entrySet()) {
            byte[] body = document(copy.getValue());
            server.createContext("/" + copy.getKey(), exchange -> {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
        }
        server.start();
    }

    private static byte[] document(Copy copy) {
        try (InputStream in = LocalProviders.class.getResourceAsStream("/providers/" + copy.fixture())) {
            if (in == null) {
                throw new IllegalStateException("no /providers/" + copy.fixture() + " in ipguard-jaxrs's test jar");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (!text.contains(copy.before())) {
                throw new IllegalStateException(copy.fixture() + " no longer holds " + copy.before());
            }
            String withEdge = copy.before() + copy.edgeEntry();
            return text.replaceFirst(Pattern.quote(copy.before()), Matcher.quoteReplacement(withEdge))
                    .getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where the copies are served: {@code http://127.0.0.1:PORT/}. */
    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    /**
     * {@code configuration} with each provider URL pointed at its local copy.
     *
     * @throws IllegalArgumentException for a URL there is no copy of, which a test of it would fetch from the internet
     */
    String local(String configuration) {
        Matcher url = Pattern.compile("https://(\\S+)").matcher(configuration);
        StringBuilder local = new StringBuilder();
        while (url.find()) {
            if (!COPIES.containsKey(url.group(1))) {
                throw new IllegalArgumentException("no local copy of " + url.group());
            }
            url.appendReplacement(local, Matcher.quoteReplacement(base() + url.group(1)));
        }
        return url.appendTail(local).toString();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
