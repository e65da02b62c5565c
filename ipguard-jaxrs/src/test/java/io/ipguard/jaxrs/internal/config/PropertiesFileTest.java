package io.ipguard.jaxrs.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ipguard.jaxrs.IpGuardConfigurationException;
import io.ipguard.jaxrs.IpGuardFeature;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PropertiesFileTest {

    @Test
    void whenFileHasCommentsSeparatorsAndContinuations_thenEachKeyKeepsItsLine() {
        Map<String, Setting> settings = PropertiesFile.parse("conf", String.join("\n",
                "# office",
                "! also a comment",
                "",
                "ipguard.group.office = 10.0.0.0/8, \\",
                "    192.168.1.0/24",
                "ipguard.group.v6: 2001:db8::/32",
                "ipguard.deny-status=404"));

        assertEquals(new Setting("ipguard.group.office", "10.0.0.0/8, 192.168.1.0/24", "conf:4"),
                settings.get("ipguard.group.office"));
        assertEquals(new Setting("ipguard.group.v6", "2001:db8::/32", "conf:6"), settings.get("ipguard.group.v6"));
        assertEquals("conf:7", settings.get("ipguard.deny-status").origin());
    }

    @Test
    void whenLinesAreMalformedOrRepeated_thenEveryProblemNamesFileAndLine() {
        IpGuardConfigurationException e = assertThrows(IpGuardConfigurationException.class,
                () -> PropertiesFile.parse("conf", String.join("\r\n",
                        "ipguard.group.a = 10.0.0.1",
                        "just some words",
                        "ipguard.group.a = 10.0.0.2",
                        "= 10.0.0.3")));

        assertEquals(List.of(
                "conf:2: expected key = value, found \"just some words\"",
                "conf:3: ipguard.group.a: is already set at conf:1",
                "conf:4: expected key = value, found \"= 10.0.0.3\""), e.problems());
    }

    @Test
    void whenAKeyRepeatsAndValuesAreBad_thenAllAreReportedAtOnce() {
        IpGuardConfigurationException e = assertThrows(IpGuardConfigurationException.class,
                () -> PropertiesFile.parse("conf", String.join("\n",
                        "ipguard.group.default = 10.0.0.1",
                        "ipguard.group.admin = proxy.local",
                        "ipguard.group.default = 10.0.0.2")));

        assertEquals(List.of(
                "conf:3: ipguard.group.default: is already set at conf:1",
                "conf:2: ipguard.group.admin: \"proxy.local\" is a hostname; only address literals are accepted "
                        + "(names are never resolved)"), e.problems());
    }

    @Test
    void whenEntryIsInvalid_thenBuilderReportsFileLineAndKey(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("ipguard.properties");
        Files.writeString(file, "ipguard.group.default = 127.0.0.1\nipguard.group.admin = 10.0.0.1/8\n",
                StandardCharsets.UTF_8);

        IpGuardConfigurationException e = assertThrows(IpGuardConfigurationException.class,
                () -> IpGuardFeature.builder().configFile(file));

        assertEquals(List.of(file + ":2: ipguard.group.admin: \"10.0.0.1/8\" has host bits set; did you mean 10.0.0.0/8?"),
                e.problems());
    }

    @Test
    void whenFileIsNotUtf8_thenItIsRejected(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("latin1.properties");
        Files.write(file, new byte[] {'a', '=', (byte) 0xE9});

        IpGuardConfigurationException e = assertThrows(IpGuardConfigurationException.class, () -> PropertiesFile.read(file));

        assertEquals(List.of(file + ": is not valid UTF-8"), e.problems());
    }

    @Test
    void whenFileStartsWithAByteOrderMark_thenTheFirstKeyIsReadWithoutIt() {
        Map<String, Setting> settings = PropertiesFile.parse("bom.properties",
                "\uFEFFipguard.group.admin = 10.0.0.1\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertEquals(List.of("ipguard.group.admin"), List.copyOf(settings.keySet()));
    }

    @Test
    void whenFileIsMissing_thenMessageNamesIt(@TempDir Path dir) {
        Path file = dir.resolve("absent.properties");

        IpGuardConfigurationException e = assertThrows(IpGuardConfigurationException.class, () -> PropertiesFile.read(file));

        assertEquals(1, e.problems().size());
        assertEquals(file + ": does not exist", e.problems().get(0));
    }
}
