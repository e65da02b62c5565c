package io.ipguard.jaxrs.examples;

import static io.ipguard.jaxrs.examples.LocalProviders.EDGE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipguard.jaxrs.testing.RawHttp;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each provider recipe of docs/lists.md, read from the page, runs in the example's runnable jar as a
 * user runs it: the server on it, and {@code check} about an address of the provider and one outside.
 * The providers' URLs point at local copies of their documents ({@link LocalProviders}); list files
 * move to a temporary directory. The jar exists after {@code package}: failsafe runs this.
 */
class ProviderRecipesIT {

    private static final Path LISTS = Path.of("..", "docs", "lists.md");

    private static LocalProviders providers;

    @TempDir
    Path dir;

    @BeforeAll
    static void serveDocuments() throws Exception {
        providers = new LocalProviders();
    }

    @AfterAll
    static void stopServing() {
        providers.close();
    }

    @Test
    void whenRecipesReadProviderLists_thenEachIsRunBelow() throws Exception {
        // GitHub webhooks, CloudFront, Cloudflare, and the blocklist beside GitHub's list: a new one
        // fails here until a test below runs it too.
        assertEquals(4, recipes(r -> true).size(), "provider recipes in " + LISTS);
    }

    @Test
    void whenJarIsBuilt_thenItCarriesJsonProcessingWithItsServiceFile() throws Exception {
        // The recipes below show it works; the service file is how ServiceLoader finds Parsson, kept by the
        // shade plugin's ServicesResourceTransformer (the API would also try Parsson's class by name).
        try (JarFile jar = new JarFile(ExampleJar.JAR.toFile())) {
            JarEntry service = jar.getJarEntry("META-INF/services/jakarta.json.spi.JsonProvider");
            assertNotNull(service, "no JsonProvider service file in " + ExampleJar.JAR);
            try (InputStream in = jar.getInputStream(service)) {
                assertEquals("org.eclipse.parsson.JsonProviderImpl",
                        new String(in.readAllBytes(), StandardCharsets.UTF_8).strip());
            }
            assertNotNull(jar.getJarEntry("org/eclipse/parsson/JsonProviderImpl.class"));
            assertNotNull(jar.getJarEntry("jakarta/json/spi/JsonProvider.class"));
        }
    }

    @Test
    void whenGitHubWebhooksRecipeRuns_thenOnlyGitHubsSendersAreInTheGroup() throws Exception {
        String recipe = recipe(r -> r.contains("https://api.github.com/meta") && !r.contains("ipguard.file."));
        Path config = write("github.properties", recipe);
        CompletableFuture<ExampleJar.Result> sender = check(config, "--peer", "140.82.112.5", "--group", "webhooks");
        CompletableFuture<ExampleJar.Result> outsider = check(config, "--peer", "203.0.113.5", "--group", "webhooks");

        // The example guards /internal with group default, and /admin and /metrics with admin, which the
        // recipe does not define: the receiver's group stands in for default, the scrape comes from 127.0.0.1.
        try (ExampleJar.Server server = ExampleJar.Server.start(write("github-server.properties", recipe,
                "ipguard.group.default = @webhooks", "ipguard.group.admin = 127.0.0.1"), dir)) {
            int port = server.port();

            assertEquals(200, get(EDGE, port, "/internal").status());
            assertEquals(403, get("127.0.0.5", port, "/internal").status());
            assertListLoaded(get("127.0.0.1", port, "/metrics"), "github", 7); // hooks: six ranges and the edge
        }
        assertAnswer(sender, 0, "allowed: client 140.82.112.5 (the TCP peer) matched @github (" + providers.base());
        assertAnswer(outsider, 3, "refused: client 203.0.113.5 (the TCP peer) is not in group \"webhooks\"");
    }

    @Test
    void whenCloudFrontRecipeRuns_thenOnlyCloudFrontsEdgesNameTheClient() throws Exception {
        // 13.32.0.0/15 is CloudFront's, 3.2.34.0/26 another AWS service's in the same document; CloudFront
        // has two IPv4 ranges and one IPv6 range there, and the edge.
        runProxyRecipe(recipe(r -> r.contains("https://ip-ranges.amazonaws.com/")), "cloudfront",
                "13.32.0.5", "3.2.34.5", 4);
    }

    @Test
    void whenCloudflareRecipeRuns_thenOnlyCloudflaresEdgesNameTheClient() throws Exception {
        // 173.245.48.0/20 is Cloudflare's; four IPv4 and three IPv6 ranges, and the edge.
        runProxyRecipe(recipe(r -> r.contains("https://api.cloudflare.com/")), "cloudflare",
                "173.245.48.5", "198.51.100.5", 8);
    }

    /**
     * A recipe that trusts a provider's edges to name the client in a header, for group admin of
     * 203.0.113.0/24: checked from one of the provider's addresses and from {@code outside}, and
     * served with requests from the copy's edge and from another loopback address.
     */
    private void runProxyRecipe(String recipe, String name, String edge, String outside, int entries) throws Exception {
        String headerName = value(recipe, "ipguard.client-ip-header");
        String header = headerName + ": 203.0.113.5";
        Path config = write(name + ".properties", recipe);
        CompletableFuture<ExampleJar.Result> throughEdge = check(config, "--peer", edge, "--header", header,
                "--group", "admin");
        CompletableFuture<ExampleJar.Result> direct = check(config, "--peer", outside, "--header", header,
                "--group", "admin");

        // The example's /internal needs group default, which the recipe does not define.
        try (ExampleJar.Server server = ExampleJar.Server.start(write(name + "-server.properties", recipe,
                "ipguard.group.default = 127.0.0.1"), dir)) {
            int port = server.port();

            assertEquals("203.0.113.5\n", get(EDGE, port, "/whoami", header).body());
            assertEquals(200, get(EDGE, port, "/admin", header).status());
            assertEquals("127.0.0.5\n", get("127.0.0.5", port, "/whoami", header).body());
            assertEquals(403, get("127.0.0.5", port, "/admin", header).status());
            assertListLoaded(get(EDGE, port, "/metrics", header), name, entries);
        }
        assertAnswer(throughEdge, 0, "allowed: client 203.0.113.5 (" + headerName);
        assertAnswer(direct, 3, "refused: client " + outside + " (the TCP peer; " + headerName + " ignored");
    }

    @Test
    void whenBlocklistRecipeRuns_thenBlockedAddressesAreRefusedInEachGroup() throws Exception {
        String recipe = recipe(r -> r.contains("ipguard.file.blocked"));
        String local = DocsPropertiesTest.withListFiles(recipe, dir);
        Path blockedFile = Path.of(value(local, "ipguard.file.blocked"));
        Files.writeString(blockedFile, "140.82.112.66\n10.9.9.9\n198.51.100.66\n");
        Path config = write("blocked.properties", local);
        CompletableFuture<ExampleJar.Result> sender = check(config, "--peer", "140.82.112.5", "--group", "webhooks");
        CompletableFuture<ExampleJar.Result> blocked = check(config, "--peer", "140.82.112.66", "--group", "webhooks");
        CompletableFuture<ExampleJar.Result> outsider = check(config, "--peer", "203.0.113.5", "--group", "webhooks");

        // The recipe's clients are private and 198.51.100.0/24 addresses: requests name them through a
        // proxy on 127.0.0.1 that only this run trusts.
        try (ExampleJar.Server server = ExampleJar.Server.start(write("blocked-server.properties", local,
                "ipguard.trusted-proxies = 127.0.0.1", "ipguard.client-ip-header = X-Forwarded-For"), dir)) {
            int port = server.port();

            assertEquals(200, get("127.0.0.1", port, "/internal", "X-Forwarded-For: 10.1.2.3").status());
            assertEquals(403, get("127.0.0.1", port, "/internal", "X-Forwarded-For: 10.9.9.9").status());
            assertEquals(200, get("127.0.0.1", port, "/admin", "X-Forwarded-For: 198.51.100.7").status());
            assertEquals(403, get("127.0.0.1", port, "/admin", "X-Forwarded-For: 198.51.100.66").status());
            assertListLoaded(get("127.0.0.1", port, "/metrics", "X-Forwarded-For: 198.51.100.7"), "github", 7);
        }
        assertAnswer(sender, 0, "allowed: client 140.82.112.5 (the TCP peer) matched @github (" + providers.base());
        assertAnswer(blocked, 3, "refused: client 140.82.112.66 (the TCP peer) matched @github (" + providers.base(),
                "but is excluded by !@blocked (" + blockedFile);
        assertAnswer(outsider, 3, "refused: client 203.0.113.5 (the TCP peer) is not in group \"webhooks\"");
    }

    /** The {@code properties} blocks of the "Recipes" section that read a list at a URL and match {@code which}. */
    private static List<String> recipes(Predicate<String> which) throws Exception {
        String page = Files.readString(LISTS);
        int start = page.indexOf("\n## Recipes\n");
        assertTrue(start >= 0, LISTS + " has no section \"## Recipes\"");
        int end = page.indexOf("\n## ", start + 1);
        return DocsPropertiesTest.propertiesBlocks(page.substring(start, end < 0 ? page.length() : end)).stream()
                .filter(block -> block.contains("ipguard.url."))
                .filter(which)
                .toList();
    }

    private static String recipe(Predicate<String> which) throws Exception {
        List<String> found = recipes(which);
        assertEquals(1, found.size(), "expected one such recipe in " + LISTS + ", found " + found);
        return found.get(0);
    }

    private static String value(String recipe, String key) {
        Matcher line = Pattern.compile("(?m)^" + Pattern.quote(key) + "\\s*=\\s*(.+)$").matcher(recipe);
        assertTrue(line.find(), "the recipe sets no " + key + ":\n" + recipe);
        return line.group(1).strip();
    }

    /** The recipe with its URLs pointed at the local copies, and {@code extra} lines after it. */
    private Path write(String name, String recipe, String... extra) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, providers.local(recipe) + String.join("\n", extra) + "\n");
        return file;
    }

    private CompletableFuture<ExampleJar.Result> check(Path config, String... args) throws Exception {
        String[] all = new String[args.length + 2];
        all[0] = "--config";
        all[1] = config.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return ExampleJar.check(dir, all);
    }

    private static RawHttp.Response get(String source, int port, String path, String... headers) throws Exception {
        return RawHttp.get(source, "127.0.0.1", port, path, headers);
    }

    /** The scrape shows the list fetched once from its local copy, with {@code entries} entries in force. */
    private static void assertListLoaded(RawHttp.Response metrics, String name, int entries) {
        assertEquals(200, metrics.status(), metrics.body());
        assertTrue(metrics.body().contains("ipguard_list_entries{source=\"url:" + name + "\"} " + entries + ".0\n"),
                metrics.body());
        assertTrue(metrics.body().contains("ipguard_list_fetches_total{outcome=\"200\",source=\"url:" + name
                + "\"} 1.0\n"), metrics.body());
    }

    /** The check exits {@code status}, its answer starting with {@code start} and holding each of {@code parts}. */
    private static void assertAnswer(CompletableFuture<ExampleJar.Result> check, int status, String start,
                                     String... parts) throws Exception {
        ExampleJar.Result result = check.get(30, TimeUnit.SECONDS);
        assertEquals(status, result.status(), result.toString());
        assertTrue(result.out().startsWith(start), result.toString());
        for (String part : parts) {
            assertTrue(result.out().contains(part), result.toString());
        }
    }
}
