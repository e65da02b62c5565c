package io.ipguard.jaxrs.internal.lists;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipguard.jaxrs.ClientAddress;
import io.ipguard.jaxrs.IpGuardConfigurationException;
import io.ipguard.jaxrs.internal.config.ConfigLoader;
import io.ipguard.jaxrs.internal.config.Loaders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A list file is configuration, so it may name groups ({@code @name}, {@code !@name}) as a group
 * can: resolved with the configuration, exclusions winning, unknown names and cycles refused.
 */
class FileListReferencesTest {

    @TempDir
    Path dir;

    private static ConfigLoader load(Path configFile, String... keyValues) {
        return Loaders.load(configFile, keyValues);
    }

    private static boolean in(ConfigLoader loader, String group, String address) {
        return loader.live().group(group).contains(ClientAddress.parse(address));
    }

    private Path list(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void whenAListFileNamesGroups_thenTheyAreIncludedAndExcludedAsInAGroup() throws Exception {
        Path file = list("partners.txt", "10.0.0.0/8\n!10.1.0.0/16\n@office  # and the office\n!@blocked\n@loopback\n");

        ConfigLoader loader = load(null, "ipguard.file.partners", file.toString(),
                "ipguard.group.office", "203.0.113.5, 10.1.2.3", "ipguard.group.blocked", "10.9.9.9",
                "ipguard.group.webhooks", "@partners, 192.0.2.1");

        assertEquals(true, in(loader, "partners", "10.2.0.1"));
        assertEquals(true, in(loader, "partners", "203.0.113.5"));
        assertEquals(true, in(loader, "partners", "127.0.0.1"));
        assertEquals(false, in(loader, "partners", "10.9.9.9"), "!@blocked in the file");
        // The file's own exclusion wins over what it includes by name, as in a group.
        assertEquals(false, in(loader, "partners", "10.1.2.3"));
        assertEquals(false, in(loader, "partners", "198.51.100.1"));
        // A group naming the file sees the file's references resolved.
        assertEquals(true, in(loader, "webhooks", "203.0.113.5"));
        assertEquals(false, in(loader, "webhooks", "10.9.9.9"));
    }

    @Test
    void whenAListFileNamesAnUnknownGroupOrItself_thenStartUpStopsNamingFileLineAndChain() throws Exception {
        Path typo = list("typo.txt", "10.0.0.0/8\n@ofice\n");
        Path loop = list("loop.txt", "10.0.0.0/8\n@staff\n");

        IpGuardConfigurationException unknown = assertThrows(IpGuardConfigurationException.class,
                () -> load(null, "ipguard.file.partners", typo.toString(), "ipguard.group.office", "203.0.113.5"));
        IpGuardConfigurationException cycle = assertThrows(IpGuardConfigurationException.class,
                () -> load(null, "ipguard.file.partners", loop.toString(), "ipguard.group.staff", "@partners"));

        assertEquals(List.of(typo + ":2: \"@ofice\" names no group (define ipguard.group.ofice, ipguard.url.ofice or "
                + "ipguard.file.ofice) and no built-in set (@loopback, @private, @link-local, @cgnat)"), unknown.problems());
        assertEquals(List.of("ipguard.group.staff -> ipguard.file.partners -> ipguard.group.staff: a list cannot "
                + "include itself"), cycle.problems());
    }

    @Test
    void whenAChangedFileNamesAnUnknownGroup_thenTheListInForceStaysAndTheStatusSaysWhy() throws Exception {
        Path file = list("partners.txt", "10.0.0.0/8\n!@blocked\n");
        ConfigLoader loader = load(null, "ipguard.file.partners", file.toString(), "ipguard.group.blocked", "10.9.9.9");

        Files.writeString(file, "10.0.0.0/8\n!@blockd\n");
        loader.reloadNow();

        // The misspelt exclusion must not open the list to what it meant to exclude.
        assertEquals(false, in(loader, "partners", "10.9.9.9"));
        assertEquals(true, in(loader, "partners", "10.0.0.1"));
        String error = loader.status().get(1).lastError().orElseThrow();
        assertTrue(error.startsWith(file + ": not applied: " + file + ":2: \"!@blockd\" names no group"), error);

        Files.writeString(file, "10.0.0.0/8\n!@blocked\n192.0.2.1\n");
        loader.reloadNow();
        assertEquals(true, in(loader, "partners", "192.0.2.1"));
        assertEquals(false, in(loader, "partners", "10.9.9.9"));
        assertTrue(loader.status().get(1).lastError().isEmpty(), loader.status().toString());
    }

    @Test
    void whenTheConfigurationChangesAGroupTheFileNames_thenTheFileListChangesWithIt() throws Exception {
        Path file = list("partners.txt", "10.0.0.0/8\n!@blocked\n");
        Path config = Files.writeString(dir.resolve("ipguard.properties"),
                "ipguard.file.partners = " + file + "\nipguard.group.blocked = 10.9.9.9\n");
        ConfigLoader loader = load(config);
        assertEquals(false, in(loader, "partners", "10.9.9.9"));

        Files.writeString(config, "ipguard.file.partners = " + file + "\nipguard.group.blocked = 10.8.8.8\n");
        loader.check();
        assertEquals(true, in(loader, "partners", "10.9.9.9"));
        assertEquals(false, in(loader, "partners", "10.8.8.8"));

        // Dropping the group the file names is refused as a whole, like any reload that does not parse.
        Files.writeString(config, "ipguard.file.partners = " + file + "\n");
        loader.check();
        assertEquals(false, in(loader, "partners", "10.8.8.8"));
        assertTrue(loader.status().get(0).lastError().orElseThrow().contains("\"!@blocked\" names no group"),
                loader.status().toString());
    }
}
