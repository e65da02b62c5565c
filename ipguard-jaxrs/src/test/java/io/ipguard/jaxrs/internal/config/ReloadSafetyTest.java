package io.ipguard.jaxrs.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipguard.jaxrs.ClientAddress;
import io.ipguard.jaxrs.IpGuardConfigurationException;
import io.ipguard.jaxrs.testing.CapturedLog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A configuration file is never in force half-written, and what a reload takes away, or a file that
 * will not hold still or is gone, is said aloud: once, naming the key or the file.
 */
class ReloadSafetyTest {

    @TempDir
    Path dir;

    /** A clock the test moves. */
    private static final class TestClock extends Clock {
        Instant now = Instant.parse("2026-12-06T12:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private Path file(String text) throws Exception {
        Path file = dir.resolve("ipguard.properties");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private static boolean allows(ConfigLoader loader, String address) {
        return loader.live().group("default").contains(ClientAddress.parse(address));
    }

    private static List<String> warnings(CapturedLog log) {
        return log.messages().stream().filter(m -> m.startsWith("WARNING")).toList();
    }

    @Test
    void whenTheFileEndsInsideAContinuedLine_thenStartUpStopsAndAReloadKeepsWhatIsInForce() throws Exception {
        String cut = "ipguard.group.default = 127.0.0.0/24, \\\n";
        Path file = file(cut);

        IpGuardConfigurationException e = assertThrows(IpGuardConfigurationException.class,
                () -> ConfigLoader.load(Map.of(), file, List.of(), Clock.systemUTC()));

        assertEquals(List.of(file + ":1: the file ends inside a continued line (one ending in '\\'), so it is cut short "
                + "or still being written; write the file whole, then move it into place"), e.problems());

        file("ipguard.group.default = 127.0.0.0/24, !127.0.0.5\n");
        ConfigLoader loader = ConfigLoader.load(Map.of(), file, List.of(), Clock.systemUTC());
        file(cut);
        loader.check();

        assertEquals(false, allows(loader, "127.0.0.5"));
        assertTrue(loader.status().get(0).lastError().orElseThrow().contains("ends inside a continued line"));
    }

    @Test
    void whenAReloadDropsTheProxiesAndTheHeaderAndEmptiesAGroup_thenWarningsNameEachKey() throws Exception {
        Path file = file("ipguard.client-ip-header = X-Forwarded-For\nipguard.trusted-proxies = 10.0.0.5, 10.0.0.6\n"
                + "ipguard.group.default = 127.0.0.1\nipguard.group.admin = 127.0.0.2\n");
        ConfigLoader loader = ConfigLoader.load(Map.of(), file, List.of(), Clock.systemUTC());
        List<String> first;
        List<String> second;
        try (CapturedLog log = CapturedLog.of("io.ipguard.jaxrs")) {
            file("ipguard.client-ip-header = X-Forwarded-For\nipguard.trusted-proxies = 10.0.0.5\n"
                    + "ipguard.group.default = 127.0.0.1\nipguard.group.admin = 127.0.0.2\n");
            loader.check();
            first = warnings(log);
        }
        try (CapturedLog log = CapturedLog.of("io.ipguard.jaxrs")) {
            file("ipguard.group.default = 127.0.0.1\nipguard.group.admin =\n");
            loader.check();
            second = warnings(log);
        }

        String reloading = "WARNING ipguard: reloading " + file + ": ";
        assertEquals(List.of(reloading + "ipguard.trusted-proxies: no longer trusts 10.0.0.6: forwarding headers from there "
                + "are no longer believed, so clients behind it are taken for the proxy"), first);
        assertEquals(List.of(reloading + "ipguard.client-ip-header: removed (it was X-Forwarded-For): no forwarding header "
                        + "is believed any more, so behind a proxy every client is taken for the proxy",
                reloading + "ipguard.trusted-proxies: removed: forwarding headers from there are no longer believed, so "
                        + "clients behind it are taken for the proxy",
                reloading + "ipguard.group.admin: admitted addresses before this reload and now admits none: every request "
                        + "to a method it guards is refused",
                reloading + file + ":2: ipguard.group.admin: admits no address, so every request to a method it guards is "
                        + "refused (the value is empty)"), second.stream().filter(m -> !m.contains("has no effect")).toList());
    }

    @Test
    void whenAGroupAdmitsNobodyAtStartUp_thenAWarningNamesTheKeyAndStillEveryoneIsRefused() {
        ConfigLoader loader = ConfigLoader.load(Map.of("ipguard.group.default",
                new Setting("ipguard.group.default", "", null), "ipguard.group.office",
                new Setting("ipguard.group.office", "10.0.0.0/8, !10.0.0.0/8", null)), null, List.of(), Clock.systemUTC());

        assertEquals(List.of("ipguard.group.default: admits no address, so every request to a method it guards is refused "
                + "(the value is empty)", "ipguard.group.office: admits no address, so every request to a method it guards "
                + "is refused"), loader.warnings().stream().sorted().toList());
        assertEquals(false, allows(loader, "10.0.0.1"));
    }

    @Test
    void whenTheFileIsGoneForAWhile_thenThatIsLoggedOnceAndItsReturnOnce() throws Exception {
        Path file = file("ipguard.group.default = 127.0.0.1\n");
        ConfigLoader loader = ConfigLoader.load(Map.of(), file, List.of(), Clock.systemUTC());
        List<String> messages;
        try (CapturedLog log = CapturedLog.of("io.ipguard.jaxrs")) {
            Files.delete(file);
            for (int i = 0; i < 10; i++) {
                loader.poll();
            }
            file("ipguard.group.default = 127.0.0.1\n");
            for (int i = 0; i < 10; i++) {
                loader.poll();
            }
            messages = log.messages();
        }

        assertEquals(List.of("WARNING ipguard: could not load file " + file + "; the lists loaded before stay in force: "
                + file + ": does not exist", "INFO ipguard: file " + file + " is readable again; the lists in force are "
                + "current"), messages);
        assertEquals(true, allows(loader, "127.0.0.1"));
    }

    @Test
    void whenTheFileKeepsChanging_thenItIsReportedAfterTenSecondsAndReadOnceItHoldsStill() throws Exception {
        TestClock clock = new TestClock();
        Path file = file("ipguard.group.default = 127.0.0.1\n");
        ConfigLoader loader = ConfigLoader.load(Map.of(), file, List.of(), clock);
        List<String> messages;
        try (CapturedLog log = CapturedLog.of("io.ipguard.jaxrs")) {
            for (int i = 2; i <= 22; i++) {
                // A writer that never stops: each poll, half a second apart, sees a different file.
                file("ipguard.group.default = 127.0.0.1, 127.0.0." + i + "\n" + "#".repeat(i) + "\n");
                loader.poll();
                clock.now = clock.now.plus(Duration.ofMillis(500));
            }
            boolean appliedWhileChanging = allows(loader, "127.0.0.22");
            loader.poll();
            loader.poll();
            messages = log.messages();
            assertEquals(false, appliedWhileChanging);
        }

        assertEquals(true, allows(loader, "127.0.0.22"));
        assertEquals(List.of("WARNING ipguard: " + file + " has kept changing for 10 s, so the configuration in force stays "
                + "until it holds still; write the file whole, then move it into place", "INFO ipguard: " + file
                + " holds still again; reading it"), messages.stream().filter(m -> !m.contains("reloaded")).toList());
    }

    @Test
    void whenAListFileAdmitsEveryone_thenStartUpStopsNamingItAndTheLimit() throws Exception {
        Path list = dir.resolve("partners.txt");
        Files.writeString(list, "0.0.0.0/0\n");

        IpGuardConfigurationException e = assertThrows(IpGuardConfigurationException.class, () -> ConfigLoader.load(
                Map.of("ipguard.file.partners", new Setting("ipguard.file.partners", list.toString(), null)), null,
                List.of(), Clock.systemUTC()));

        assertEquals(List.of(list + ": admits every IPv4 address; a list from a file may admit at most 10% "
                + "(ipguard.list-max-share); write so wide a group in the configuration itself"), e.problems());
    }
}
