package io.ipguard.jaxrs.internal.lists;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipguard.jaxrs.internal.config.ConfigLoader;
import io.ipguard.jaxrs.internal.config.Loaders;
import org.junit.jupiter.api.Test;

/** JSON selections when the document changes shape: renamed filter fields, sections emptied. */
class JsonSelectionShapeTest extends OneListServer {

    JsonSelectionShapeTest() {
        contentType = "application/json";
    }

    private ConfigLoader load(String... keyValues) {
        String[] all = new String[keyValues.length + 4];
        all[0] = "ipguard.url.bad";
        all[1] = url();
        all[2] = "ipguard.url-timeout-seconds";
        all[3] = "2";
        System.arraycopy(keyValues, 0, all, 4, keyValues.length);
        return Loaders.load(null, all);
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
