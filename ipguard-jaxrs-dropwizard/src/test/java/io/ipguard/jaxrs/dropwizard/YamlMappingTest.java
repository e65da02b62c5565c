package io.ipguard.jaxrs.dropwizard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.dropwizard.configuration.ConfigurationValidationException;
import io.ipguard.jaxrs.dropwizard.YamlMapping.Setting;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code ipguard:} block read from YAML: every field onto its key, and every bad value named by its YAML path. */
class YamlMappingTest {

    @Test
    void whenEveryFieldIsSet_thenEachMapsOntoItsKeyWithItsYamlPath() throws Exception {
        IpGuardFactory block = Yaml.read("""
                ipguard:
                  groups:
                    admin: [10.0.0.0/8, "!10.9.9.9"]
                    staff: ["@office", "!@blocked", 2001:db8::/32]
                    office: [192.0.2.0/24]
                    nobody: []
                  trustedProxies: [10.0.0.5, "@loopback"]
                  clientIpHeader: X-Forwarded-For
                  denyStatus: 404
                  reportOnly: true
                  urls:
                    aws: https://ip-ranges.example.com/ip-ranges.json
                  urlSelect:
                    aws: prefixes[service=CLOUDFRONT].ip_prefix
                  files:
                    blocked: /etc/ipguard/blocked.txt
                  urlRefreshSeconds: 600
                  urlTimeoutSeconds: 5
                  urlMaxBytes: 2097152
                  providerTimeoutMillis: 250
                  properties:
                    ipguard.url-max-bytes.aws: "4194304"
                """).getIpGuard();

        assertEquals(List.of(
                new Setting("ipguard.group.admin", "10.0.0.0/8, !10.9.9.9", "groups.admin"),
                new Setting("ipguard.group.staff", "@office, !@blocked, 2001:db8::/32", "groups.staff"),
                new Setting("ipguard.group.office", "192.0.2.0/24", "groups.office"),
                new Setting("ipguard.group.nobody", "", "groups.nobody"),
                new Setting("ipguard.trusted-proxies", "10.0.0.5, @loopback", "trustedProxies"),
                new Setting("ipguard.client-ip-header", "X-Forwarded-For", "clientIpHeader"),
                new Setting("ipguard.deny-status", "404", "denyStatus"),
                new Setting("ipguard.report-only", "true", "reportOnly"),
                new Setting("ipguard.url.aws", "https://ip-ranges.example.com/ip-ranges.json", "urls.aws"),
                new Setting("ipguard.url-select.aws", "prefixes[service=CLOUDFRONT].ip_prefix", "urlSelect.aws"),
                new Setting("ipguard.file.blocked", "/etc/ipguard/blocked.txt", "files.blocked"),
                new Setting("ipguard.url-refresh-seconds", "600", "urlRefreshSeconds"),
                new Setting("ipguard.url-timeout-seconds", "5", "urlTimeoutSeconds"),
                new Setting("ipguard.url-max-bytes", "2097152", "urlMaxBytes"),
                new Setting("ipguard.provider-timeout-millis", "250", "providerTimeoutMillis"),
                new Setting("ipguard.url-max-bytes.aws", "4194304", "properties.ipguard.url-max-bytes.aws")),
                YamlMapping.settings(block));
    }

    @Test
    void whenTrustedHopsIsSet_thenItMapsOntoItsKey() throws Exception {
        IpGuardFactory block = Yaml.read("""
                ipguard:
                  trustedHops: 2
                  clientIpHeader: Forwarded
                """).getIpGuard();

        assertEquals(List.of(new Setting("ipguard.client-ip-header", "Forwarded", "clientIpHeader"),
                new Setting("ipguard.trusted-hops", "2", "trustedHops")), YamlMapping.settings(block));
    }

    @Test
    void whenTheBlockIsAbsentOrEmpty_thenNothingIsSet() throws Exception {
        assertEquals(List.of(), YamlMapping.settings(Yaml.read("logging:\n  level: INFO\n").getIpGuard()));
        assertEquals(List.of(), YamlMapping.settings(Yaml.read("ipguard: {}\n").getIpGuard()));
    }

    @Test
    void whenAnExclusionIsLeftUnquoted_thenYamlsEmptyItemIsRefusedRatherThanDropped() {
        ConfigurationValidationException e = assertThrows(ConfigurationValidationException.class, () -> Yaml.read("""
                ipguard:
                  groups:
                    admin:
                      - 10.0.0.0/8
                      - !10.9.9.9
                      -
                  trustedProxies:
                    - ""
                """));

        assertEquals("""
                config.yml has the following errors:
                  * ipguard.groups.admin[1] is empty; quote an entry that starts with ! or @ ("!10.9.9.9"), which YAML otherwise reads as a tag or refuses
                  * ipguard.groups.admin[2] is empty; quote an entry that starts with ! or @ ("!10.9.9.9"), which YAML otherwise reads as a tag or refuses
                  * ipguard.trustedProxies[0] is empty; quote an entry that starts with ! or @ ("!10.9.9.9"), which YAML otherwise reads as a tag or refuses
                """, e.getMessage());
    }

    @Test
    void whenEntriesAndValuesAreBad_thenDropwizardNamesEachByItsYamlPathWithTheLibrarysReason() {
        ConfigurationValidationException e = assertThrows(ConfigurationValidationException.class, () -> Yaml.read("""
                ipguard:
                  groups:
                    admin: [10.0.0.0/8, 10.0.0.1/8, "!10.9.9.9"]
                    "bad name": [10.0.0.1]
                    odd: ["${1+1}", "{x}"]
                  trustedProxies: [10.0.0.5, proxy.local]
                  clientIpHeader: X Real IP
                  trustedHops: 0
                  denyStatus: 401
                  urls:
                    partners: http://lists.example.com/p.txt
                  urlSelect:
                    aws: "prefixes[service]"
                  urlRefreshSeconds: 0
                  urlTimeoutSeconds: 301
                  urlMaxBytes: 0
                  providerTimeoutMillis: -1
                  properties:
                    ipguard.grup.admin: 10.0.0.1
                    ipguard.deny-status: "404"
                """));

        assertEquals("""
                config.yml has the following errors:
                  * ipguard.clientIpHeader "X Real IP" is not a header name
                  * ipguard.denyStatus must be 403 or 404, not "401"
                  * ipguard.groups.admin[1] "10.0.0.1/8" has host bits set; did you mean 10.0.0.0/8?
                  * ipguard.groups.bad name invalid group name "bad name"; use letters, digits, '.', '_' and '-'
                  * ipguard.groups.odd[0] "${1+1}" is not an IP address
                  * ipguard.groups.odd[1] "{x}" is not an IP address
                  * ipguard.properties.ipguard.deny-status is also set by denyStatus; set it once
                  * ipguard.properties.ipguard.grup.admin unknown key; did you mean ipguard.group.admin?
                  * ipguard.providerTimeoutMillis must be a number from 0 to 60000, not "-1"
                  * ipguard.trustedHops must be a number from 1 to 20, not "0"
                  * ipguard.trustedProxies[1] "proxy.local" is a hostname; only address literals are accepted (names are never resolved)
                  * ipguard.urlMaxBytes must be a number from 1 to 67108864, not "0"
                  * ipguard.urlRefreshSeconds must be a number from 1 to 86400, not "0"
                  * ipguard.urlSelect.aws "prefixes[service]": "[service]" is not a filter; write [field=value] or [field~value]
                  * ipguard.urlTimeoutSeconds must be a number from 1 to 300, not "301"
                  * ipguard.urls.partners "http://lists.example.com/p.txt" must use https; http is accepted only for loopback hosts
                """, e.getMessage());
    }
}
