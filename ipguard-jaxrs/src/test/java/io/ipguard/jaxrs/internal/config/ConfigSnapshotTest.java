package io.ipguard.jaxrs.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ipguard.jaxrs.IpGuardConfigurationException;
import io.ipguard.jaxrs.IpGuardFeature;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigSnapshotTest {

    private static ConfigSnapshot parse(String key, String value) {
        return ConfigSnapshot.parse(List.of(new Setting(key, value, null)));
    }

    @Test
    void whenNothingIsSet_thenDefaultsAreSecure() {
        ConfigSnapshot config = ConfigSnapshot.parse(List.of());

        assertEquals(403, config.denyStatus());
        assertEquals(false, config.reportOnly());
        assertEquals(0, config.groups().size());
    }

    @ParameterizedTest(name = "{0} = \"{1}\"")
    @CsvSource(delimiter = '|', value = {
        "ipguard.deny-status  | 401   | ipguard.deny-status: must be 403 or 404, not \"401\"",
        "ipguard.deny-status  | ' x ' | ipguard.deny-status: must be 403 or 404, not \"x\"",
        "ipguard.unknown-key  | ''    | ipguard.unknown-key: unknown key",
        "ipguard.report-only  | yes   | ipguard.report-only: must be true or false, not \"yes\"",
        "ipguard.group.       | 1.2.3.4 | ipguard.group.: invalid group name \"\"; use letters, digits, '.', '_' and '-'",
        "ipguard.group.a b    | 1.2.3.4 | ipguard.group.a b: invalid group name \"a b\"; use letters, digits, '.', '_' and '-'",
        "ipguard.trusted-proxy | 10.0.0.1 | ipguard.trusted-proxy: unknown key; did you mean ipguard.trusted-proxies?",
        "ipguard.grup.admin   | 10.0.0.1 | ipguard.grup.admin: unknown key; did you mean ipguard.group.admin?",
        "ipguard.Deny-Status  | 404   | ipguard.Deny-Status: unknown key; did you mean ipguard.deny-status?",
        "ipguard.client-ip-headers | X-Real-IP | ipguard.client-ip-headers: unknown key; did you mean ipguard.client-ip-header?",
        "ipguard.something-else | x   | ipguard.something-else: unknown key",
        "ipguard.provider-timeout-millis | 60001 | ipguard.provider-timeout-millis: must be a number from 0 to 60000, not \"60001\"",
        "ipguard.provider-timeout-millis | -1 | ipguard.provider-timeout-millis: must be a number from 0 to 60000, not \"-1\"",
        "ipguard.trusted-hops | 0     | ipguard.trusted-hops: must be a number from 1 to 20, not \"0\"",
        "ipguard.trusted-hops | 21    | ipguard.trusted-hops: must be a number from 1 to 20, not \"21\"",
        "ipguard.trusted-hops | 01    | ipguard.trusted-hops: must be a number from 1 to 20, not \"01\"",
        "ipguard.client-ip-header | X Real IP | ipguard.client-ip-header: \"X Real IP\" is not a header name",
        "ipguard.trusted-proxies | proxy.local | ipguard.trusted-proxies: \"proxy.local\" is a hostname; only address literals are accepted (names are never resolved)",
    })
    void whenSettingIsInvalid_thenMessageNamesKeyAndValue(String key, String value, String problem) {
        IpGuardConfigurationException e = assertThrows(IpGuardConfigurationException.class,
                () -> ConfigSnapshot.checkValues(List.of(new Setting(key, value, null))));

        assertEquals(List.of(problem), e.problems());
    }

    @Test
    void whenEveryKeyIsWrittenWithItsDefault_thenTheConfigurationIsTheDefault() {
        // A configuration template writes every key, empty where the environment leaves it unset.
        ConfigSnapshot config = parse("ipguard.trusted-proxies", "", "ipguard.client-ip-header", " ",
                "ipguard.trusted-hops", "", "ipguard.deny-status", "", "ipguard.report-only", "",
                "ipguard.provider-timeout-millis", "", "ipguard.url-refresh-seconds", "", "ipguard.url-timeout-seconds", "",
                "ipguard.url-max-bytes", "", "ipguard.url.partners", "", "ipguard.group.admin", "10.0.0.0/8");

        assertEquals(403, config.denyStatus());
        assertEquals(false, config.reportOnly());
        assertEquals(Forwarding.PEER_ONLY, config.forwarding());
        assertEquals(java.util.Set.of("admin"), config.groups().keySet());
        assertEquals(0, config.urls().groups().size());
    }

    @Test
    void whenTrustedProxiesAreListedWithoutAHeader_thenThatIsStillAnError() {
        IpGuardConfigurationException e = assertThrows(IpGuardConfigurationException.class,
                () -> parse("ipguard.trusted-proxies", "10.0.0.1", "ipguard.client-ip-header", ""));

        assertEquals(List.of("ipguard.trusted-proxies: has no effect without ipguard.client-ip-header"), e.problems());
    }

    private static ConfigSnapshot parse(String... keyValues) {
        List<Setting> settings = new java.util.ArrayList<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            settings.add(new Setting(keyValues[i], keyValues[i + 1], null));
        }
        return ConfigSnapshot.parse(settings);
    }

    @Test
    void whenProxyKeysContradictOrLackAHeader_thenEachProblemIsReported() {
        IpGuardConfigurationException both = assertThrows(IpGuardConfigurationException.class, () -> parse(
                "ipguard.trusted-proxies", "10.0.0.1", "ipguard.trusted-hops", "1", "ipguard.client-ip-header", "X-Forwarded-For"));
        IpGuardConfigurationException noHeader = assertThrows(IpGuardConfigurationException.class, () -> parse(
                "ipguard.trusted-proxies", "10.0.0.1", "ipguard.trusted-hops", "1"));
        IpGuardConfigurationException single = assertThrows(IpGuardConfigurationException.class, () -> parse(
                "ipguard.trusted-hops", "1", "ipguard.client-ip-header", "X-Real-IP"));

        assertEquals(List.of("ipguard.trusted-hops: cannot be combined with ipguard.trusted-proxies; "
                + "trust either known proxy addresses or a number of hops"), both.problems());
        assertEquals(List.of("ipguard.trusted-hops: cannot be combined with ipguard.trusted-proxies; "
                        + "trust either known proxy addresses or a number of hops",
                "ipguard.trusted-proxies: has no effect without ipguard.client-ip-header",
                "ipguard.trusted-hops: has no effect without ipguard.client-ip-header"), noHeader.problems());
        assertEquals(List.of("ipguard.trusted-hops: counts elements of a list header, and X-Real-IP carries one "
                + "address; use X-Forwarded-For or Forwarded"), single.problems());
    }

    @Test
    void whenProxiesTrustEveryone_thenAWarningSaysSo() {
        ConfigSnapshot all4 = parse("ipguard.trusted-proxies", "0.0.0.0/1, 128.0.0.0/1", "ipguard.client-ip-header", "X-Forwarded-For");
        ConfigSnapshot all6 = parse("ipguard.trusted-proxies", "::/0, !::ffff:0:0/96", "ipguard.client-ip-header", "Forwarded");
        ConfigSnapshot notAll = parse("ipguard.trusted-proxies", "0.0.0.0/0, !10.0.0.1", "ipguard.client-ip-header", "X-Real-IP");

        assertEquals(List.of("ipguard.trusted-proxies: trusts every IPv4 address, so any client can choose its own "
                + "address with X-Forwarded-For"), all4.warnings());
        assertEquals(List.of("ipguard.trusted-proxies: trusts every IPv6 address, so any client can choose its own "
                + "address with Forwarded"), all6.warnings());
        assertEquals(List.of(), notAll.warnings());
        assertEquals(Forwarding.Kind.X_FORWARDED_FOR, all4.forwarding().kind());
        assertEquals(Forwarding.Kind.SINGLE, notAll.forwarding().kind());
    }

    @Test
    void whenHeaderIsSetWithoutTrust_thenItIsNeverBelievedAndAWarningSaysSo() {
        ConfigSnapshot config = parse("ipguard.client-ip-header", "X-Forwarded-For");

        assertEquals(List.of("ipguard.client-ip-header: X-Forwarded-For is never believed, because neither "
                + "ipguard.trusted-proxies nor ipguard.trusted-hops is set"), config.warnings());
    }

    @Test
    void whenBuilderSetsProxyKeysOneByOne_thenEachIsCheckedOnItsOwn() {
        IpGuardFeature.builder().trustedProxies("10.0.0.1").clientIpHeader("X-Forwarded-For").build();

        IllegalArgumentException hops = assertThrows(IllegalArgumentException.class,
                () -> IpGuardFeature.builder().trustedHops(0));
        assertEquals("trusted hops must be from 1 to 20, not 0", hops.getMessage());
    }

    @Test
    void whenReportOnlyIsAnyCase_thenItIsRead() {
        assertEquals(true, parse("ipguard.report-only", " TRUE ").reportOnly());
        assertEquals(404, parse("ipguard.deny-status", "404").denyStatus());
    }

    @Test
    void whenBuilderGetsInvalidValues_thenItThrowsAtOnce() {
        IllegalArgumentException status = assertThrows(IllegalArgumentException.class,
                () -> IpGuardFeature.builder().denyStatus(500));
        IpGuardConfigurationException group = assertThrows(IpGuardConfigurationException.class,
                () -> IpGuardFeature.builder().group("admin", "10.0.0.1/8"));
        IpGuardConfigurationException key = assertThrows(IpGuardConfigurationException.class,
                () -> IpGuardFeature.builder().property("ipguard.deny", "403"));

        assertEquals("deny status must be 403 or 404, not 500", status.getMessage());
        assertEquals("invalid ipguard configuration: ipguard.group.admin: \"10.0.0.1/8\" has host bits set; "
                + "did you mean 10.0.0.0/8?", group.getMessage());
        assertEquals("invalid ipguard configuration: ipguard.deny: unknown key", key.getMessage());
    }
}
