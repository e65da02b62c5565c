package io.ipguard.jaxrs.internal.lists;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipguard.jaxrs.ClientAddress;
import io.ipguard.jaxrs.IpGuardConfigurationException;
import io.ipguard.jaxrs.ListStatus;
import io.ipguard.jaxrs.internal.config.ConfigLoader;
import io.ipguard.jaxrs.internal.config.Loaders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Groups kept in list files ({@code ipguard.file.<name>}), on a real file system. */
class FileListSourceTest {

    @TempDir
    Path dir;

    private static final String WIDER = " (lists may add to what it writes as many public addresses as a /8 holds for IPv4, a /24 for IPv6), so clients there could choose their own address";

    private ConfigLoader load(Path configFile, String... keyValues) {
        return Loaders.load(configFile, keyValues);
    }

    private static boolean in(ConfigLoader loader, String group, String address) {
        return loader.live().group(group).contains(ClientAddress.parse(address));
    }

    private static ListStatus fileStatus(ConfigLoader loader) {
        return loader.status().get(1);
    }

    private Path list(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    @Test
    void whenAGroupIsKeptInAFile_thenItsLinesCommentsAndCommasAreRead() throws Exception {
        Path file = list("partners.txt", "\uFEFF# partners, from an editor that writes a byte order mark\n192.0.2.0/24\r\n"
                + "198.51.100.7, 198.51.100.8  # two more\r\r"
                + "!192.0.2.66\n@loopback\n");

        ConfigLoader loader = load(null, "ipguard.file.partners", file.toString());

        assertEquals(true, in(loader, "partners", "192.0.2.1"));
        assertEquals(false, in(loader, "partners", "192.0.2.66"));
        assertEquals(true, in(loader, "partners", "198.51.100.8"));
        assertEquals(true, in(loader, "partners", "127.0.0.1"));
        assertEquals(false, in(loader, "partners", "203.0.113.1"));
        assertEquals(1, fileStatus(loader).version());
        assertEquals("file " + file + " (group \"partners\")", fileStatus(loader).source());
    }

    @Test
    void whenTheFileIsMissingOrInvalidAtStartUp_thenStartUpStopsNamingFileAndLine() throws Exception {
        Path bad = list("bad.txt", "192.0.2.0/24\n10.0.0.1/8\n@admins\n@\n");
        Path missing = dir.resolve("missing.txt");

        IpGuardConfigurationException invalid = assertThrows(IpGuardConfigurationException.class,
                () -> load(null, "ipguard.file.partners", bad.toString()));
        IpGuardConfigurationException absent = assertThrows(IpGuardConfigurationException.class,
                () -> load(null, "ipguard.file.partners", missing.toString()));

        assertEquals(List.of(bad + ":2: \"10.0.0.1/8\" has host bits set; did you mean 10.0.0.0/8?",
                bad + ":4: \"@\" does not name a list; use letters, digits, '.', '_' and '-'"), invalid.problems());
        assertEquals(List.of(missing + ": does not exist"), absent.problems());
    }

    @Test
    void whenTheFileChanges_thenTheNewListAppliesOnceItHoldsStill() throws Exception {
        Path file = list("partners.txt", "192.0.2.0/24\n");
        ConfigLoader loader = load(null, "ipguard.file.partners", file.toString());
        ListSource source = source(loader);

        Files.writeString(file, "203.0.113.0/24\n198.51.100.0/24\n");
        assertEquals(false, source.refresh()); // changed since the last look: wait one more
        assertEquals(true, source.set().contains(ClientAddress.parse("192.0.2.1")));
        assertEquals(true, source.refresh());
        assertEquals(false, source.set().contains(ClientAddress.parse("192.0.2.1")));
        assertEquals(true, source.set().contains(ClientAddress.parse("203.0.113.1")));
        assertEquals(false, source.refresh());

        Files.writeString(file, "192.0.2.0/24\n");
        loader.reloadNow(); // an explicit reload does not wait
        assertEquals(true, in(loader, "partners", "192.0.2.1"));
        assertEquals(false, in(loader, "partners", "203.0.113.1"));
    }

    private static ListSource source(ConfigLoader loader) {
        return loader.sources().get(0);
    }

    @Test
    void whenAChangeIsInvalidOrTheFileGoes_thenTheListInForceStaysAndTheStatusSaysWhy() throws Exception {
        Path file = list("partners.txt", "192.0.2.0/24\n");
        ConfigLoader loader = load(null, "ipguard.file.partners", file.toString());

        Files.writeString(file, "192.0.2.0/24\n10.0.0.1/8\n");
        loader.reloadNow();
        assertEquals(true, in(loader, "partners", "192.0.2.1"));
        assertEquals(file + ":2: \"10.0.0.1/8\" has host bits set; did you mean 10.0.0.0/8?",
                fileStatus(loader).lastError().orElseThrow());

        Files.delete(file);
        loader.reloadNow();
        assertEquals(true, in(loader, "partners", "192.0.2.1"));
        assertEquals(file + ": does not exist", fileStatus(loader).lastError().orElseThrow());

        Files.writeString(file, "203.0.113.0/24\n");
        loader.reloadNow();
        assertEquals(false, in(loader, "partners", "192.0.2.1"));
        assertEquals(true, in(loader, "partners", "203.0.113.1"));
        assertTrue(fileStatus(loader).lastError().isEmpty());
    }

    @Test
    void whenOtherListsNameTheFileGroup_thenTheyChangeWithIt() throws Exception {
        Path file = list("lb.txt", "192.0.2.10\n");
        ConfigLoader loader = load(null, "ipguard.file.lb", file.toString(), "ipguard.group.ops", "@lb, 10.0.0.1",
                "ipguard.trusted-proxies", "@lb", "ipguard.client-ip-header", "X-Forwarded-For");

        Files.writeString(file, "192.0.2.11\n");
        loader.reloadNow();

        assertEquals(true, in(loader, "ops", "192.0.2.11"));
        assertEquals(false, in(loader, "ops", "192.0.2.10"));
        assertEquals(true, loader.live().current().forwarding().trustedProxies().contains(ClientAddress.parse("192.0.2.11")));
    }

    @Test
    void whenAFileWouldMakeTrustedProxiesTrustEveryone_thenStartUpStopsAndAChangeIsNotApplied() throws Exception {
        Path everyone = list("everyone.txt", "0.0.0.0/0\n");
        Path lb = list("lb.txt", "192.0.2.10\n");

        IpGuardConfigurationException e = assertThrows(IpGuardConfigurationException.class, () -> load(null,
                "ipguard.file.lb", everyone.toString(), "ipguard.trusted-proxies", "@lb",
                "ipguard.client-ip-header", "X-Forwarded-For"));
        assertEquals(List.of("ipguard.trusted-proxies: with the lists it names it would trust every IPv4 address"
                + WIDER), e.problems());

        ConfigLoader loader = load(null, "ipguard.file.lb", lb.toString(), "ipguard.trusted-proxies", "@lb",
                "ipguard.client-ip-header", "X-Forwarded-For");
        Files.writeString(lb, "::/0\n!::ffff:0:0/96\n");
        loader.reloadNow();
        assertEquals(true, loader.live().current().forwarding().trustedProxies().contains(ClientAddress.parse("192.0.2.10")));
        assertEquals(false, loader.live().current().forwarding().trustedProxies().contains(ClientAddress.parse("2001:db8::1")));
        assertEquals(lb + ": not applied: it would make ipguard.trusted-proxies trust every IPv6 address" + WIDER,
                fileStatus(loader).lastError().orElseThrow());
    }

    @Test
    void whenTheConfigurationFileAddsOrDropsListFiles_thenTheyApplyWithoutARestart() throws Exception {
        Path partners = list("partners.txt", "192.0.2.0/24\n");
        Path config = list("ipguard.properties", "ipguard.group.default = 10.0.0.1\n");
        ConfigLoader loader = load(config);

        Files.writeString(config, "ipguard.group.default = 10.0.0.1, @partners\nipguard.file.partners = " + partners + "\n");
        loader.reloadNow();
        assertEquals(true, in(loader, "default", "192.0.2.1"));
        assertEquals(2, loader.status().size());

        Files.writeString(config, "ipguard.group.default = 10.0.0.1, @partners\nipguard.file.partners = "
                + dir.resolve("nope.txt") + "\n");
        loader.reloadNow();
        assertEquals(true, in(loader, "default", "192.0.2.1"));
        assertTrue(loader.status().get(0).lastError().orElseThrow().endsWith(dir.resolve("nope.txt") + ": does not exist"));

        Files.writeString(config, "ipguard.group.default = 10.0.0.1\n");
        loader.reloadNow();
        assertEquals(false, in(loader, "default", "192.0.2.1"));
        assertEquals(1, loader.status().size());
    }

    @Test
    void whenANameIsDefinedTwice_thenItIsAnError() throws Exception {
        Path file = list("partners.txt", "192.0.2.0/24\n");

        IpGuardConfigurationException e = assertThrows(IpGuardConfigurationException.class, () -> load(null,
                "ipguard.file.partners", file.toString(), "ipguard.url.partners", "https://example.com/p.txt",
                "ipguard.group.private2", "@partners"));

        assertEquals(List.of("ipguard.file.partners: group \"partners\" is also defined by ipguard.url.partners; "
                + "define it once"), e.problems());
    }
}
