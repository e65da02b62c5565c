package io.ipguard.jaxrs.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ipguard.jaxrs.ClientAddress;
import io.ipguard.jaxrs.IpGuardConfigurationException;
import io.ipguard.jaxrs.ListStatus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reloading a configuration file in each way files get replaced, driven by {@link ConfigLoader#check()}. */
class ConfigLoaderTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private static void write(Path file, String groupDefault) throws Exception {
        Files.writeString(file, "ipguard.group.default = " + groupDefault + "\n", StandardCharsets.UTF_8);
    }

    private static boolean allows(ConfigLoader loader, String address) {
        return loader.live().group("default").contains(ClientAddress.parse(address));
    }

    @Test
    void whenFileIsEditedInPlace_thenNextCheckAppliesIt() throws Exception {
        Path file = dir.resolve("ipguard.properties");
        write(file, "10.0.0.1");
        ConfigLoader loader = ConfigLoader.load(Map.of(), file, List.of(), CLOCK);

        write(file, "10.0.0.2");
        loader.check();

        assertEquals(false, allows(loader, "10.0.0.1"));
        assertEquals(true, allows(loader, "10.0.0.2"));
        assertEquals(2, loader.status().get(0).version());
    }

    @Test
    void whenFileIsReplacedByAtomicRename_thenNextCheckAppliesIt() throws Exception {
        Path file = dir.resolve("ipguard.properties");
        write(file, "10.0.0.1");
        ConfigLoader loader = ConfigLoader.load(Map.of(), file, List.of(), CLOCK);

        Path temp = dir.resolve(".ipguard.properties.tmp");
        write(temp, "10.0.0.2");
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        loader.check();

        assertEquals(true, allows(loader, "10.0.0.2"));
        assertEquals(false, allows(loader, "10.0.0.1"));
    }

    @Test
    void whenConfigMapSwapsItsDataLink_thenNextCheckAppliesIt() throws Exception {
        // The layout a Kubernetes ConfigMap volume uses: file -> ..data/file, ..data -> ..<timestamp>.
        Path first = Files.createDirectory(dir.resolve("..2026_11_24_12_00_00.1"));
        write(first.resolve("ipguard.properties"), "10.0.0.1");
        Files.createSymbolicLink(dir.resolve("..data"), first.getFileName());
        Path file = dir.resolve("ipguard.properties");
        Files.createSymbolicLink(file, Path.of("..data", "ipguard.properties"));
        ConfigLoader loader = ConfigLoader.load(Map.of(), file, List.of(), CLOCK);

        Path second = Files.createDirectory(dir.resolve("..2026_11_24_12_01_00.2"));
        write(second.resolve("ipguard.properties"), "10.0.0.2");
        Files.createSymbolicLink(dir.resolve("..data_tmp"), second.getFileName());
        Files.move(dir.resolve("..data_tmp"), dir.resolve("..data"), StandardCopyOption.ATOMIC_MOVE);
        Files.delete(first.resolve("ipguard.properties"));
        Files.delete(first);
        loader.check();

        assertEquals(true, allows(loader, "10.0.0.2"));
        assertEquals(false, allows(loader, "10.0.0.1"));
    }

    @Test
    void whenPolled_thenAChangeAppliesOnlyOnceTheFileHasStoppedChanging() throws Exception {
        Path file = dir.resolve("ipguard.properties");
        write(file, "10.0.0.1");
        ConfigLoader loader = ConfigLoader.load(Map.of(), file, List.of(), CLOCK);

        write(file, "10.0.0.2, 10.0.0.3");
        loader.poll();
        boolean afterFirstPoll = allows(loader, "10.0.0.2");
        loader.poll();

        assertEquals(false, afterFirstPoll);
        assertEquals(true, allows(loader, "10.0.0.2"));
    }

    @Test
    void whenChangeDoesNotParse_thenListsInForceStayAndTheNextGoodChangeApplies() throws Exception {
        Path file = dir.resolve("ipguard.properties");
        write(file, "10.0.0.1");
        ConfigLoader loader = ConfigLoader.load(Map.of(), file, List.of(), CLOCK);

        Files.writeString(file, "# new office\nipguard.group.default = 10.0.0.1, 10.0.0.2/8\n");
        loader.check();
        ListStatus broken = loader.status().get(0);

        assertEquals(true, allows(loader, "10.0.0.1"));
        assertEquals(false, allows(loader, "10.0.0.2"));
        assertEquals(1, broken.version());
        assertEquals("invalid ipguard configuration: " + file + ":2: ipguard.group.default: \"10.0.0.2/8\" has host "
                + "bits set; did you mean 10.0.0.0/8?", broken.lastError().orElseThrow());
        assertEquals(CLOCK.instant(), broken.lastErrorAt().orElseThrow());

        write(file, "10.0.0.2");
        loader.check();

        assertEquals(true, allows(loader, "10.0.0.2"));
        assertEquals(2, loader.status().get(0).version());
        assertEquals(true, loader.status().get(0).lastError().isEmpty());
    }

    @Test
    void whenChangeWouldDropAGroupInUse_thenItIsRefused() throws Exception {
        Path file = dir.resolve("ipguard.properties");
        write(file, "10.0.0.1");
        ConfigLoader loader = ConfigLoader.load(Map.of(), file, List.of(), CLOCK);
        loader.live().require("default", "GET /reports (Reports.get)");

        Files.writeString(file, "ipguard.group.other = 10.0.0.2\n");
        loader.check();

        assertEquals(true, allows(loader, "10.0.0.1"));
        assertEquals("invalid ipguard configuration: GET /reports (Reports.get): @Whitelisted group \"default\" "
                + "would no longer be configured", loader.status().get(0).lastError().orElseThrow());
    }

    @Test
    void whenFileDisappears_thenListsInForceStay() throws Exception {
        Path file = dir.resolve("ipguard.properties");
        write(file, "10.0.0.1");
        ConfigLoader loader = ConfigLoader.load(Map.of(), file, List.of(), CLOCK);

        Files.delete(file);
        loader.check();

        assertEquals(true, allows(loader, "10.0.0.1"));
        assertEquals(file + ": does not exist", loader.status().get(0).lastError().orElseThrow());
    }

    @Test
    void whenLayersDisagree_thenCodeBeatsFileBeatsProperties() throws Exception {
        Path file = dir.resolve("ipguard.properties");
        Files.writeString(file, "ipguard.group.default = 10.0.0.2\nipguard.deny-status = 404\n");
        Map<String, Setting> properties = Map.of(
                "ipguard.group.default", new Setting("ipguard.group.default", "10.0.0.1", null),
                "ipguard.report-only", new Setting("ipguard.report-only", "true", null));

        ConfigLoader loader = ConfigLoader.load(properties, file, List.of(new Setting("ipguard.deny-status", "403", null)), CLOCK);

        assertEquals(true, allows(loader, "10.0.0.2"));
        assertEquals(403, loader.live().current().denyStatus());
        assertEquals(true, loader.live().current().reportOnly());
    }

    @Test
    void whenAnEmptyValueUndoesALowerLayersChoice_thenAWarningSaysSo() throws Exception {
        Path file = dir.resolve("ipguard.properties");
        // A template whose variables were not set: DENY_STATUS is empty, TRUSTED_PROXIES too.
        Files.writeString(file, "ipguard.group.default = 10.0.0.2\nipguard.deny-status =\nipguard.report-only = \n");
        Map<String, Setting> properties = Map.of(
                "ipguard.deny-status", new Setting("ipguard.deny-status", "404", null),
                "ipguard.url-timeout-seconds", new Setting("ipguard.url-timeout-seconds", "5", null));

        ConfigLoader loader = ConfigLoader.load(properties, file, List.of(
                new Setting("ipguard.url-timeout-seconds", " ", null)), CLOCK);

        assertEquals(403, loader.live().current().denyStatus());
        assertEquals(List.of(file + ":2: ipguard.deny-status: is empty, so the default applies, not \"404\" from "
                        + "the application's properties",
                "ipguard.url-timeout-seconds: is empty, so the default applies, not \"5\" from the application's properties"),
                loader.warnings());
    }

    @Test
    void whenInitialFileIsInvalid_thenLoadFailsNamingFileAndLine() throws Exception {
        Path file = dir.resolve("ipguard.properties");
        Files.writeString(file, "\nipguard.group.default = 1.1\n");

        IpGuardConfigurationException e = assertThrows(IpGuardConfigurationException.class,
                () -> ConfigLoader.load(Map.of(), file, List.of(), CLOCK));

        assertEquals(List.of(file + ":2: ipguard.group.default: \"1.1\" is an abbreviated IPv4 address, which is not accepted; write 1.0.0.1"), e.problems());
    }
}
