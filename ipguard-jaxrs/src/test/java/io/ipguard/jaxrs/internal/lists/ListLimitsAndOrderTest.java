package io.ipguard.jaxrs.internal.lists;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipguard.jaxrs.internal.config.ConfigLoader;
import io.ipguard.jaxrs.internal.config.Loaders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.Test;

/**
 * Lists at their limits and changing in awkward orders: proxy lists as wide as every IPv6 client,
 * written proxies widened or narrowed by reload, huge references, bodies of commas, a JSON path
 * that stops matching, and a list file and the configuration it names changing in either order.
 */
class ListLimitsAndOrderTest extends OneListServer {

    private static ConfigLoader load(Path configFile, String... keyValues) {
        return Loaders.load(configFile, keyValues);
    }

    /** 2000::/4 holds every global unicast allocation made so far (2001::/16 .. 2c00::/12). */
    @Test
    void whenAProxyListTrustsAllGlobalUnicastIpv6_thenItIsNotApplied() {
        ConfigLoader loader = load(null, "ipguard.url.cdn", url(), "ipguard.url-timeout-seconds", "2",
                "ipguard.trusted-proxies", "@cdn", "ipguard.client-ip-header", "X-Forwarded-For");
        assertTrue(trusted(loader, "203.0.113.7"), "setup");

        body = "203.0.113.0/24\n2000::/4\n";
        etagVersion = 2;
        loader.reloadNow();

        assertFalse(trusted(loader, "2a00:1450:4001::1") && trusted(loader, "2600:1f18::1") && trusted(loader, "2001:db8::1"),
                "a URL list holding 2000::/4 (every allocated global-unicast IPv6 address: RIPE 2a00::/12, ARIN 2600::/12, "
                        + "APNIC 2400::/12, ...) was applied as trusted proxies, because it is exactly 6.25% of the IPv6 "
                        + "space: every IPv6 client can now name its own address in X-Forwarded-For; status: "
                        + loader.status().get(1));
    }

    /** The same through a list file, which names a group. */
    @Test
    void whenAProxyFileNamesAGroupHoldingGlobalUnicastIpv6_thenStartUpStops() throws Exception {
        Path file = Files.writeString(dir.resolve("proxies.txt"), "203.0.113.0/24\n@wide\n");
        ConfigLoader loader;
        try {
            loader = load(null, "ipguard.file.proxies", file.toString(), "ipguard.group.wide", "2000::/5, 2800::/5",
                    "ipguard.trusted-proxies", "@proxies", "ipguard.client-ip-header", "X-Forwarded-For");
        } catch (io.ipguard.jaxrs.IpGuardConfigurationException expected) {
            return;
        }
        assertFalse(trusted(loader, "2a00:1450:4001::1"), "a list file naming @wide (2000::/5, 2800::/5 = 2000::/4) made "
                + "ipguard.trusted-proxies trust every allocated IPv6 client and start-up went on");
    }

    /** Addresses written in ipguard.trusted-proxies itself are not limited, at start-up or on reload. */
    @Test
    void whenAReloadWidensTheWrittenTrustedProxies_thenItAppliesAsAtStartUp() throws Exception {
        Path config = Files.writeString(dir.resolve("ipguard.properties"),
                "ipguard.trusted-proxies = 10.0.0.0/8\nipguard.client-ip-header = X-Forwarded-For\n"
                        + "ipguard.group.admin = 203.0.113.0/24\n");
        ConfigLoader loader = load(config);
        // The same content the reload will bring starts fine.
        String wide = "ipguard.trusted-proxies = 0.0.0.0/2\nipguard.client-ip-header = X-Forwarded-For\n"
                + "ipguard.group.admin = 203.0.113.0/24\n";
        Path other = Files.writeString(dir.resolve("other.properties"), wide);
        assertTrue(trusted(load(other), "60.0.0.1"), "setup: at start-up the written 0.0.0.0/2 is the operator's choice");

        Files.writeString(config, wide);
        loader.check();

        assertTrue(trusted(loader, "60.0.0.1") && loader.status().get(0).lastError().isEmpty(),
                "a configuration reload writing ipguard.trusted-proxies = 0.0.0.0/2 (no list named) was refused, although "
                        + "the same file starts fine and docs say written addresses are not limited: "
                        + loader.status().get(0));
    }

    /**
     * A list that grew inside a wide range the operator wrote does not keep that width once the
     * operator narrows the setting: it is fetched again under the new one, as at a restart.
     */
    @Test
    void whenTheOperatorNarrowsTheWrittenProxies_thenAListCannotKeepMoreThanASixteenth() throws Exception {
        body = "203.0.113.0/24\n";
        Path config = Files.writeString(dir.resolve("ipguard.properties"), "ipguard.url.cdn = " + url()
                + "\nipguard.url-timeout-seconds = 2\nipguard.trusted-proxies = 0.0.0.0/1, @cdn\n"
                + "ipguard.client-ip-header = X-Forwarded-For\n");
        ConfigLoader loader = load(config);
        // While the operator's wide range is written, the list grows inside it: not wider than what is in force.
        body = "0.0.0.0/2\n";
        etagVersion = 2;
        loader.reloadNow();
        // The operator takes the wide range out again.
        Files.writeString(config, "ipguard.url.cdn = " + url() + "\nipguard.url-timeout-seconds = 2\n"
                + "ipguard.trusted-proxies = @cdn\nipguard.client-ip-header = X-Forwarded-For\n");
        loader.check();

        assertFalse(trusted(loader, "60.0.0.1"), "with ipguard.trusted-proxies = @cdn only, the URL list alone makes the "
                + "proxies trust 0.0.0.0/2 (25% of IPv4), which a restart would refuse; status: " + loader.status());
    }

    /** Messages quote bad entries and references bounded, whatever their size. */
    @Test
    void whenAListHoldsAHugeReference_thenTheErrorIsBounded() {
        ConfigLoader loader = load(null, "ipguard.url.partners", url(), "ipguard.url-timeout-seconds", "2");
        String huge = "a".repeat(200_000);
        body = "@" + huge + "\n@" + huge + "%\n";
        etagVersion = 2;
        loader.reloadNow();
        String error = loader.status().get(1).lastError().orElse("");
        assertTrue(error.length() < 10_000, "a list server's 400 kB body became a " + error.length() + "-character "
                + "WARNING line and status() error (references are quoted whole: \"@aaa...\" names no built-in set / "
                + "does not name a list), repeated at every retry (10 s); invalid entries are cut at 100 characters");
    }

    /** A body of only separators holds no entry and no comment: it must count as empty. */
    @Test
    void whenABlocklistUrlAnswersOnlyCommas_thenTheBlocklistInForceStays() {
        body = "198.51.100.66\n";
        ConfigLoader loader = load(null, "ipguard.url.blocked", url(), "ipguard.url-timeout-seconds", "2",
                "ipguard.group.admin", "198.51.100.0/24, !@blocked");
        assertFalse(in(loader, "admin", "198.51.100.66"), "setup");

        body = ",\n";
        etagVersion = 2;
        loader.reloadNow();

        assertFalse(in(loader, "admin", "198.51.100.66"), "a 200 whose body is only \",\\n\" (no entry, no comment line) "
                + "was applied as an empty blocklist: blocked 198.51.100.66 is admitted; " + loader.status().get(1));
    }

    @Test
    void whenABlocklistFileHoldsOnlyCommas_thenTheBlocklistInForceStays() throws Exception {
        Path file = Files.writeString(dir.resolve("blocked.txt"), "198.51.100.66\n");
        ConfigLoader loader = load(null, "ipguard.file.blocked", file.toString(),
                "ipguard.group.admin", "198.51.100.0/24, !@blocked");
        Files.writeString(file, " , ,\n");
        loader.reloadNow();
        assertFalse(in(loader, "admin", "198.51.100.66"), "a list file holding only \" , ,\" (no entry, no comment) was "
                + "applied as an empty blocklist: 198.51.100.66 admitted; " + loader.status().get(1));
    }

    /** A JSON selection of several paths: one renamed field is an error, not a silently smaller list. */
    @Test
    void whenOnePathOfAJsonBlocklistSelectionNoLongerMatches_thenTheChangeIsRefused() {
        contentType = "application/json";
        body = "{\"result\": {\"ipv4_cidrs\": [\"198.51.100.66/32\"], \"ipv6_cidrs\": [\"2001:db8:66::/48\"]}}";
        ConfigLoader loader = load(null, "ipguard.url.bad", url(), "ipguard.url-timeout-seconds", "2",
                "ipguard.url-select.bad", "result.ipv4_cidrs, result.ipv6_cidrs",
                "ipguard.group.admin", "198.51.100.0/24, 2001:db8::/32, !@bad");
        assertFalse(in(loader, "admin", "2001:db8:66::1"), "setup");

        body = "{\"result\": {\"ipv4_cidrs\": [\"198.51.100.66/32\"], \"ipv6\": [\"2001:db8:66::/48\"]}}";
        etagVersion = 2;
        loader.reloadNow();

        assertFalse(in(loader, "admin", "2001:db8:66::1"), "the publisher renamed ipv6_cidrs: the path "
                + "result.ipv6_cidrs matched nothing, yet the list applied without error, so the IPv6 blocklist silently "
                + "emptied and 2001:db8:66::1 is admitted; " + loader.status().get(1));
    }

    /**
     * Deploy order: the list file naming a new group lands before the configuration defining it. The
     * file is refused until the configuration defines the group, and then applies.
     */
    @Test
    void whenTheGroupAFileNamesArrivesAfterTheFile_thenTheFileApplies() throws Exception {
        Path file = Files.writeString(dir.resolve("partners.txt"), "10.0.0.0/8\n");
        Path config = Files.writeString(dir.resolve("ipguard.properties"),
                "ipguard.file.partners = " + file + "\nipguard.group.admin = @partners\n");
        ConfigLoader loader = load(config);
        ScheduledExecutorService executor = reloadThread();
        try {
            loader.schedule(executor, true, 100);
            Files.writeString(file, "10.0.0.0/8\n!@blocked\n");
            assertTrue(eventually(() -> loader.status().get(1).lastError().isPresent()), "setup: refused for now");
            Thread.sleep(300);
            Files.writeString(config, "ipguard.file.partners = " + file + "\nipguard.group.admin = @partners\n"
                    + "ipguard.group.blocked = 10.9.9.9\n");
            eventually(() -> !in(loader, "admin", "10.9.9.9"));
            assertFalse(in(loader, "admin", "10.9.9.9"), "the list file says !@blocked and ipguard.group.blocked is now "
                    + "defined, but the file's content stays refused (its stamp is remembered as failed) and 10.9.9.9 is "
                    + "admitted until someone touches the file; status: " + loader.status());
        } finally {
            executor.shutdownNow();
        }
    }

    /** The other order: the configuration drops a group the file names, is refused, and applies once the file is fixed. */
    @Test
    void whenAFileStopsNamingAGroupAfterTheConfigurationDropsIt_thenTheConfigurationApplies() throws Exception {
        Path file = Files.writeString(dir.resolve("partners.txt"), "10.0.0.0/8\n@office\n");
        Path config = Files.writeString(dir.resolve("ipguard.properties"),
                "ipguard.file.partners = " + file + "\nipguard.group.office = 192.0.2.0/24\n"
                        + "ipguard.group.admin = @partners\nipguard.report-only = true\n");
        ConfigLoader loader = load(config);
        ScheduledExecutorService executor = reloadThread();
        try {
            loader.schedule(executor, true, 100);
            Files.writeString(config, "ipguard.file.partners = " + file + "\nipguard.group.admin = @partners\n"
                    + "ipguard.report-only = false\n");
            assertTrue(eventually(() -> loader.status().get(0).lastError().isPresent()), "setup: refused for now");
            Files.writeString(file, "10.0.0.0/8\n");
            eventually(() -> !loader.live().current().reportOnly());
            assertFalse(loader.live().current().reportOnly(), "the configuration (report-only = false) was refused while "
                    + "the file still named @office; the file no longer does, yet the configuration is never tried again "
                    + "and report-only stays on: " + loader.status());
        } finally {
            executor.shutdownNow();
        }
    }
}
