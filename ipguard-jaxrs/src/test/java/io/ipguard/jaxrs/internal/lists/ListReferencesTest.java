package io.ipguard.jaxrs.internal.lists;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ipguard.jaxrs.ClientAddress;
import io.ipguard.jaxrs.IpGuardConfigurationException;
import io.ipguard.jaxrs.IpSet;
import io.ipguard.jaxrs.internal.address.CompiledIpSet;
import io.ipguard.jaxrs.internal.config.ConfigSnapshot;
import io.ipguard.jaxrs.internal.config.Setting;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code @name} and {@code !@name} entries, and the built-in sets they may name. */
class ListReferencesTest {

    private static ConfigSnapshot parse(String... keyValues) {
        List<Setting> settings = new ArrayList<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            settings.add(new Setting(keyValues[i], keyValues[i + 1], null));
        }
        return ConfigSnapshot.parse(settings);
    }

    private static List<String> problems(String... keyValues) {
        return assertThrows(IpGuardConfigurationException.class, () -> parse(keyValues)).problems();
    }

    private static boolean in(ConfigSnapshot config, String group, String address) {
        return config.groups().get(group).contains(ClientAddress.parse(address));
    }

    @Test
    void whenGroupNamesAnother_thenItHoldsTheOthersAddressesAsWell() {
        ConfigSnapshot config = parse("ipguard.group.office", "192.0.2.0/24",
                "ipguard.group.vpn", "198.51.100.0/24",
                "ipguard.group.staff", "@office, @vpn, 203.0.113.9");

        assertEquals(true, in(config, "staff", "192.0.2.10"));
        assertEquals(true, in(config, "staff", "198.51.100.200"));
        assertEquals(true, in(config, "staff", "203.0.113.9"));
        assertEquals(false, in(config, "staff", "203.0.113.10"));
        assertEquals(false, in(config, "office", "198.51.100.200"));
    }

    @Test
    void whenAReferenceIsExcluded_thenItWinsWhateverTheOrder() {
        ConfigSnapshot config = parse("ipguard.group.blocked", "192.0.2.66, 2001:db8::66",
                "ipguard.group.early", "!@blocked, 192.0.2.0/24, 2001:db8::/32",
                "ipguard.group.late", "192.0.2.0/24, 2001:db8::/32, !@blocked",
                "ipguard.group.named", "@wide, !@blocked",
                "ipguard.group.wide", "192.0.2.0/24, 2001:db8::/32");

        for (String group : List.of("early", "late", "named")) {
            assertEquals(true, in(config, group, "192.0.2.65"), group);
            assertEquals(false, in(config, group, "192.0.2.66"), group);
            assertEquals(false, in(config, group, "2001:db8::66"), group);
            assertEquals(true, in(config, group, "2001:db8::67"), group);
        }
    }

    @Test
    void whenAReferencedListExcludesSomeone_thenTheReferenceCarriesTheResultNotTheEntries() {
        // @a is "10/8 minus 10.0.0.1"; including it cannot bring 10.0.0.1 back, and excluding it leaves 10.0.0.1 in.
        ConfigSnapshot config = parse("ipguard.group.a", "10.0.0.0/8, !10.0.0.1",
                "ipguard.group.with", "@a",
                "ipguard.group.without", "10.0.0.0/8, !@a");

        assertEquals(false, in(config, "with", "10.0.0.1"));
        assertEquals(true, in(config, "with", "10.0.0.2"));
        assertEquals(true, in(config, "without", "10.0.0.1"));
        assertEquals(false, in(config, "without", "10.0.0.2"));
    }

    @ParameterizedTest(name = "@{0}")
    @CsvSource(delimiter = '|', value = {
        "loopback   | 127.0.0.1, 127.255.255.254, ::1                        | 128.0.0.1, ::2, 10.0.0.1",
        "private    | 10.1.2.3, 172.16.0.1, 172.31.255.255, 192.168.1.1, fd00::1, fc00::1 | 172.32.0.1, 192.169.0.1, fe80::1, 100.64.0.1",
        "link-local | 169.254.1.1, fe80::1, febf::1                           | 169.255.0.1, fec0::1",
        "cgnat      | 100.64.0.1, 100.127.255.255                            | 100.128.0.1, 100.63.255.255",
    })
    void whenABuiltInSetIsNamed_thenItHoldsTheRangesItsRfcsDefine(String name, String inside, String outside) {
        ConfigSnapshot config = parse("ipguard.group.g", "@" + name);
        IpSet parsed = IpSet.parse("@" + name, "test");

        for (String address : inside.split(",")) {
            assertEquals(true, in(config, "g", address.strip()), address);
            assertEquals(true, parsed.contains(ClientAddress.parse(address.strip())), address);
        }
        for (String address : outside.split(",")) {
            assertEquals(false, in(config, "g", address.strip()), address);
            assertEquals(false, parsed.contains(ClientAddress.parse(address.strip())), address);
        }
    }

    @Test
    void whenIpv4IsWrittenMappedIntoIpv6_thenABuiltInSetStillHoldsIt() {
        assertEquals(true, in(parse("ipguard.group.g", "@private"), "g", "::ffff:10.0.0.1"));
    }

    @Test
    void whenTrustedProxiesNameABuiltInSetOrAGroup_thenThoseAreTrusted() {
        ConfigSnapshot builtIn = parse("ipguard.trusted-proxies", "@loopback, @private",
                "ipguard.client-ip-header", "X-Forwarded-For");
        ConfigSnapshot group = parse("ipguard.group.lb", "192.0.2.10, 192.0.2.11",
                "ipguard.trusted-proxies", "@lb, !192.0.2.11", "ipguard.client-ip-header", "X-Real-IP");

        assertEquals(true, builtIn.forwarding().trustedProxies().contains(ClientAddress.parse("127.0.0.1")));
        assertEquals(true, builtIn.forwarding().trustedProxies().contains(ClientAddress.parse("172.20.0.3")));
        assertEquals(false, builtIn.forwarding().trustedProxies().contains(ClientAddress.parse("100.64.0.1")));
        assertEquals(true, group.forwarding().trustedProxies().contains(ClientAddress.parse("192.0.2.10")));
        assertEquals(false, group.forwarding().trustedProxies().contains(ClientAddress.parse("192.0.2.11")));
    }

    @Test
    void whenANameIsUnknown_thenTheMessageNamesTheKeyAndWhatCouldBeNamed() {
        assertEquals(List.of("ipguard.group.staff: \"@ofice\" names no group (define ipguard.group.ofice, "
                        + "ipguard.url.ofice or ipguard.file.ofice) and no built-in set (@loopback, @private, @link-local, @cgnat)"),
                problems("ipguard.group.office", "192.0.2.0/24", "ipguard.group.staff", "@ofice"));
        assertEquals(List.of("ipguard.trusted-proxies: \"!@lb\" names no group (define ipguard.group.lb, ipguard.url.lb or "
                        + "ipguard.file.lb) and no built-in set (@loopback, @private, @link-local, @cgnat)"),
                problems("ipguard.trusted-proxies", "10.0.0.0/8, !@lb", "ipguard.client-ip-header", "X-Real-IP"));
    }

    @Test
    void whenAReferenceIsNotAName_thenItIsAnError() {
        assertEquals(List.of("ipguard.group.g: \"@\" does not name a list; use letters, digits, '.', '_' and '-'",
                        "ipguard.group.g: \"@a b\" does not name a list; use letters, digits, '.', '_' and '-'"),
                problems("ipguard.group.g", "@, @a b"));
    }

    @Test
    void whenAListIncludesItself_thenTheMessageNamesTheChainOfKeys() {
        assertEquals(List.of("ipguard.group.a -> ipguard.group.a: a list cannot include itself"),
                problems("ipguard.group.a", "10.0.0.1, @a"));
        assertEquals(List.of("ipguard.group.a -> ipguard.group.b -> ipguard.group.c -> ipguard.group.a: "
                        + "a list cannot include itself"),
                problems("ipguard.group.a", "@b", "ipguard.group.b", "!@c", "ipguard.group.c", "@a, 10.0.0.1"));
    }

    @Test
    void whenTwoGroupsShareAReference_thenThatIsNoCycle() {
        ConfigSnapshot config = parse("ipguard.group.base", "10.0.0.1",
                "ipguard.group.a", "@base", "ipguard.group.b", "@base, @a", "ipguard.group.c", "@a, @b, !@base");

        assertEquals(true, in(config, "b", "10.0.0.1"));
        assertEquals(false, in(config, "c", "10.0.0.1"));
    }

    @Test
    void whenAGroupTakesTheNameOfABuiltInSet_thenItIsAnError() {
        assertEquals(List.of("ipguard.group.private: \"private\" is the name of a built-in set (RFC 1918 and RFC 4193); "
                        + "choose another name, and include it with @private if you mean it"),
                problems("ipguard.group.private", "10.0.0.0/8"));
        assertEquals(List.of("ipguard.url.loopback: \"loopback\" is the name of a built-in set "
                        + "(RFC 1122 3.2.1.3 and RFC 4291 2.5.3); choose another name, and include it with @loopback "
                        + "if you mean it"),
                problems("ipguard.url.loopback", "https://example.com/list.txt"));
    }

    @Test
    void whenAListStandsAlone_thenOnlyBuiltInSetsCanBeNamed() {
        IpGuardConfigurationException e = assertThrows(IpGuardConfigurationException.class,
                () -> IpSet.parse("10.0.0.1, @admins", "partners.txt"));

        assertEquals(List.of("partners.txt: \"@admins\" names no built-in set (@loopback, @private, @link-local, "
                + "@cgnat), and groups cannot be named here"), e.problems());
    }

    @Test
    void whenReferencesAreCompiled_thenTheResultIsOneFlatSetEqualToTheWrittenOut() {
        ConfigSnapshot referenced = parse("ipguard.group.a", "192.0.2.0/24, 2001:db8::/48",
                "ipguard.group.b", "@a, @private, !@cgnat, !192.0.2.128/25");
        IpSet flat = IpSet.parse("192.0.2.0/24, 2001:db8::/48, 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16, fc00::/7, "
                + "!100.64.0.0/10, !192.0.2.128/25", "flat");
        CompiledIpSet compiled = (CompiledIpSet) referenced.groups().get("b");

        assertEquals(((CompiledIpSet) flat).ipv4RangeCount(), compiled.ipv4RangeCount());
        assertEquals(((CompiledIpSet) flat).asEntries(false), compiled.asEntries(false));
    }

    @Test
    void whenAUrlListChanges_thenEveryListNamingItIsCompiledAgain() {
        ConfigSnapshot base = parse("ipguard.url.partners", "https://example.com/partners.txt",
                "ipguard.group.webhooks", "@partners, 198.51.100.1",
                "ipguard.group.others", "198.51.100.0/24, !@partners",
                "ipguard.trusted-proxies", "@partners", "ipguard.client-ip-header", "X-Forwarded-For");

        // Before a first fetch the URL list is unknown, so it counts against the client everywhere:
        // included it adds nobody, excluded it removes everybody, as trusted proxies it trusts nobody.
        ConfigSnapshot before = base.withSourceLists(Map.of(), Map.of(), Map.of());
        assertEquals(false, in(before, "webhooks", "198.51.100.7"));
        assertEquals(true, in(before, "webhooks", "198.51.100.1"));
        assertEquals(false, in(before, "others", "198.51.100.7"));
        assertEquals(false, in(before, "others", "198.51.100.8"));
        assertEquals(false, before.forwarding().trustedProxies().contains(ClientAddress.parse("198.51.100.7")));

        ConfigSnapshot after = base.withSourceLists(Map.of("partners", new ListSource.Content(
                (CompiledIpSet) IpSet.parse("198.51.100.7", "fetched"), "198.51.100.7", null, List.of())), Map.of(), Map.of());
        assertEquals(true, in(after, "webhooks", "198.51.100.7"));
        assertEquals(false, in(after, "others", "198.51.100.7"));
        assertEquals(true, in(after, "others", "198.51.100.8"));
        assertEquals(true, in(after, "partners", "198.51.100.7"));
        assertEquals(true, after.forwarding().trustedProxies().contains(ClientAddress.parse("198.51.100.7")));
    }
}
