package io.ipguard.jaxrs.internal.lists;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.ipguard.jaxrs.IpGuardConfigurationException;
import io.ipguard.jaxrs.ListStatus;
import io.ipguard.jaxrs.internal.config.ConfigLoader;
import io.ipguard.jaxrs.internal.config.Loaders;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * Lists kept at URLs and in files, served or written the way a misbehaving server, a careless
 * writer or an attacker would: nearly-everyone proxy lists, empty answers and truncated files,
 * bodies that never end, control characters, files that are not regular files, edits that keep a
 * file's size and time, and explanations while a list is missing. Each assertion message says what
 * a failure would let happen.
 */
class ListSourceAbuseTest extends OneListServer {

    private static ConfigLoader load(String... keyValues) {
        return Loaders.load(null, keyValues);
    }

    private static ListStatus status(ConfigLoader loader, int index) {
        return loader.status().get(index);
    }

    @Test
    void whenAProxyListTrustsEveryAddressButOne_thenItIsNotApplied() {
        ConfigLoader loader = load("ipguard.url.cdn", url(), "ipguard.url-timeout-seconds", "2",
                "ipguard.trusted-proxies", "@cdn", "ipguard.client-ip-header", "X-Forwarded-For");
        assertTrue(trusted(loader, "203.0.113.7"), "setup: the CDN list is in force");
        assertFalse(trusted(loader, "198.51.100.77"), "setup: an ordinary client is not a proxy");

        // A compromised/misbehaving list server: 0.0.0.0/0 is refused, so it leaves out one address.
        body = "0.0.0.0/0\n!0.0.0.0\n::/0\n!::\n";
        etagVersion = 2;
        loader.reloadNow();

        assertFalse(trusted(loader, "198.51.100.77") || trusted(loader, "2001:db8::1"), "a list trusting every address "
                + "but one was applied: any client can name its own address in X-Forwarded-For; " + status(loader, 1));
        assertTrue(trusted(loader, "203.0.113.7"), "the list before stays in force");
        assertTrue(status(loader, 1).lastError().orElse("").contains("not applied: it would make ipguard.trusted-proxies "
                + "trust as many global IPv6 addresses as a /3 holds"), status(loader, 1).toString());
    }

    @Test
    void whenABlocklistUrlAnswersAnEmptyBody_thenTheBlocklistInForceStays() {
        body = "198.51.100.66\n";
        ConfigLoader loader = load("ipguard.url.blocked", url(), "ipguard.url-timeout-seconds", "2",
                "ipguard.group.admin", "198.51.100.0/24, !@blocked");
        assertFalse(in(loader, "admin", "198.51.100.66"), "setup: the blocked client is excluded");

        body = "";   // e.g. an upstream cache / maintenance page answering 200 with nothing in it
        etagVersion = 2;
        loader.reloadNow();

        assertFalse(in(loader, "admin", "198.51.100.66"), "a 200 with an empty body replaced the blocklist: the blocked "
                + "client 198.51.100.66 is now admitted to group admin; " + status(loader, 1));
        assertEquals(url() + ": " + ListText.EMPTY, status(loader, 1).lastError().orElse(null));

        // A list that is empty on purpose says so with a comment, and applies.
        body = "# nobody is blocked today\n# empty\n";
        etagVersion = 3;
        loader.reloadNow();
        assertTrue(in(loader, "admin", "198.51.100.66"), status(loader, 1).toString());
        assertTrue(status(loader, 1).lastError().isEmpty(), status(loader, 1).toString());
    }

    @Test
    void whenABlocklistFileIsTruncatedToNothing_thenTheBlocklistInForceStays() throws Exception {
        Path file = dir.resolve("blocked.txt");
        Files.writeString(file, "198.51.100.66\n");
        ConfigLoader loader = load("ipguard.file.blocked", file.toString(),
                "ipguard.group.admin", "198.51.100.0/24, !@blocked");
        assertFalse(in(loader, "admin", "198.51.100.66"), "setup: the blocked client is excluded");

        // A writer that truncates first (`: > blocked.txt; generate >> blocked.txt`) and pauses.
        Files.writeString(file, "");
        loader.reloadNow();

        assertFalse(in(loader, "admin", "198.51.100.66"), "a truncated (empty) list file was applied as an empty "
                + "blocklist: 198.51.100.66 is now admitted to group admin; " + status(loader, 1));
        assertEquals(file + ": " + ListText.EMPTY, status(loader, 1).lastError().orElse(null));

        // At start-up an empty file stops start-up; one that says it is empty on purpose is read.
        IpGuardConfigurationException empty = org.junit.jupiter.api.Assertions.assertThrows(
                IpGuardConfigurationException.class, () -> load("ipguard.file.blocked", file.toString()));
        assertEquals(List.of(file + ": " + ListText.EMPTY), empty.problems());
        Files.writeString(file, "# empty\n");
        assertTrue(in(load("ipguard.file.blocked", file.toString(), "ipguard.group.admin", "198.51.100.0/24, !@blocked"),
                "admin", "198.51.100.66"), "a deliberately empty blocklist excludes nobody");
    }

    @Test
    void whenAListServerNeverEndsTheBody_thenTheFetchFailsWithinTheTimeout() throws Exception {
        stall = true;
        ExecutorService starter = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "start-up");
            t.setDaemon(true);
            return t;
        });
        try {
            Future<ConfigLoader> started = starter.submit(() -> load("ipguard.url.partners", url(),
                    "ipguard.url-timeout-seconds", "1", "ipguard.group.admin", "@partners"));
            try {
                ConfigLoader loader = started.get(8, TimeUnit.SECONDS);
                assertEquals(url() + ": no complete answer within 1 s", status(loader, 1).lastError().orElse(null));
                assertFalse(in(loader, "admin", "203.0.113.1"), "a list that never arrived adds nobody");
            } catch (TimeoutException e) {
                fail("with ipguard.url-timeout-seconds = 1, start-up was still blocked after 8 s reading the body of a "
                        + "list server that sent headers and then stalled (the request timeout does not cover the body; "
                        + "the same read wedges the single ipguard-reload thread after start-up)");
            }
        } finally {
            release.countDown();
            starter.shutdownNow();
        }
    }

    @Test
    void whenAJsonListHoldsANewline_thenTheErrorShowsItEscaped() {
        body = "{\"hooks\": [\"192.0.2.1\"]}";
        contentType = "application/json";
        ConfigLoader loader = load("ipguard.url.github", url(), "ipguard.url-select.github", "hooks",
                "ipguard.url-timeout-seconds", "2");

        body = "{\"hooks\": [\"192.0.2.1\\nWARNING ipguard: reloaded file /etc/ipguard/blocked.txt (version 9)\"]}";
        etagVersion = 2;
        loader.reloadNow();

        String error = status(loader, 1).lastError().orElse("");
        assertFalse(error.chars().anyMatch(c -> c < 0x20 || c == 0x7f), "list content reached the WARNING line and "
                + "status() raw: " + error.replace("\n", "<LF>"));
        assertTrue(error.contains("192.0.2.1\\u000aWARNING ipguard"), error);
    }

    @Test
    void whenAPlainListHoldsAnsiEscapes_thenTheErrorShowsThemEscaped() {
        ConfigLoader loader = load("ipguard.url.partners", url(), "ipguard.url-timeout-seconds", "2");

        body = "192.0.2.1\n\u001b[2K\u001b[1Ginfo: all lists ok\u2028forged\n";
        etagVersion = 2;
        loader.reloadNow();

        String error = status(loader, 1).lastError().orElse("");
        assertFalse(error.chars().anyMatch(c -> c < 0x20 || c == 0x7f || c == 0x2028),
                "control characters from the list reach the log line raw: "
                        + error.replace("\u001b", "<ESC>").replace("\u2028", "<LS>"));
    }

    @Test
    void whenAListFileBecomesHuge_thenItIsRefusedAndLaterFixesApply() throws Exception {
        Path file = dir.resolve("blocked.txt");
        Files.writeString(file, "198.51.100.66\n");
        ConfigLoader loader = load("ipguard.file.blocked", file.toString(),
                "ipguard.group.admin", "198.51.100.0/24, !@blocked");
        ScheduledExecutorService executor = reloadThread();
        try {
            loader.schedule(executor, false, 100);
            // A 3 GiB (sparse) file: Files.readAllBytes throws OutOfMemoryError, which refresh() does not catch.
            Path huge = dir.resolve("huge.tmp");
            try (RandomAccessFile raf = new RandomAccessFile(huge.toFile(), "rw")) {
                raf.setLength(3L << 30);
            }
            Files.move(huge, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            assertTrue(eventually(() -> status(loader, 1).lastError().orElse("").endsWith("is larger than "
                    + FileListSource.MAX_BYTES + " bytes")), status(loader, 1).toString());

            // The operator fixes the file and blocks one more address.
            Path fixed = dir.resolve("fixed.tmp");
            Files.writeString(fixed, "198.51.100.66\n198.51.100.77\n");
            Files.move(fixed, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            eventually(() -> !in(loader, "admin", "198.51.100.77"));

            assertFalse(in(loader, "admin", "198.51.100.77"), "after an oversized file the list file must still be "
                    + "watched: the newly blocked 198.51.100.77 is still admitted 2 s after the fix; " + status(loader, 1));
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void whenAListFileIsReplacedByAFifo_thenItIsRefusedAndOtherListsStillUpdate() throws Exception {
        Path blocked = dir.resolve("blocked.txt");
        Path partners = dir.resolve("partners.txt");
        Files.writeString(blocked, "198.51.100.66\n");
        Files.writeString(partners, "192.0.2.1\n");
        ConfigLoader loader = load("ipguard.file.blocked", blocked.toString(), "ipguard.file.partners", partners.toString(),
                "ipguard.group.admin", "198.51.100.0/24, !@blocked");
        ScheduledExecutorService executor = reloadThread();
        Path fifo = dir.resolve("fifo");
        try {
            loader.schedule(executor, false, 100);
            Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
            assertTrue(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0, "setup: mkfifo");
            Files.move(fifo, blocked, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            eventually(() -> statusOf(loader, "blocked").lastError().isPresent());
            assertEquals(blocked + ": is not a regular file", statusOf(loader, "blocked").lastError().orElse(null));

            Path next = dir.resolve("partners.tmp");
            Files.writeString(next, "192.0.2.2\n");
            Files.move(next, partners, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            eventually(() -> in(loader, "partners", "192.0.2.2"));

            assertTrue(in(loader, "partners", "192.0.2.2"), "a list file replaced by a FIFO must not block the reload "
                    + "thread: 2 s later the change to another list file is still not applied; " + loader.status());
            assertFalse(in(loader, "admin", "198.51.100.66"), "the blocklist in force stays");
        } finally {
            // Unblock the reader (open the FIFO for writing, then close it).
            Thread unblock = new Thread(() -> {
                try (var out = Files.newOutputStream(blocked)) {
                    out.write("198.51.100.66\n".getBytes(StandardCharsets.UTF_8));
                } catch (IOException ignored) {
                    // nothing to unblock
                }
            });
            unblock.setDaemon(true);
            unblock.start();
            unblock.join(2_000);
            executor.shutdownNow();
        }
    }

    @Test
    void whenAnExclusionListIsNotLoadedYet_thenTheExplanationNamesIt() {
        stopServing(); // the blocklist server is down at start-up
        ConfigLoader loader = load("ipguard.url.blocked", url(), "ipguard.url-timeout-seconds", "1",
                "ipguard.group.admin", "198.51.100.0/24, !@blocked");
        io.ipguard.jaxrs.IpGuardInspector inspector = new io.ipguard.jaxrs.internal.observe.DefaultInspector(loader,
                new io.ipguard.jaxrs.internal.config.LiveWhitelistProvider(loader.live()));

        String why = inspector.explain("198.51.100.1", Map.of(), "admin").toString();

        assertFalse(in(loader, "admin", "198.51.100.1"), "refused while the blocklist is not loaded");
        assertEquals("refused: client 198.51.100.1 (the TCP peer) matched 198.51.100.0/24 but is excluded by !@blocked "
                + "(not loaded yet, so it excludes every client) in group \"admin\"", why);
    }

    @Test
    void whenAListFileIsEditedInPlaceKeepingSizeAndTime_thenTheChangeApplies() throws Exception {
        Path file = dir.resolve("blocked.txt");
        Files.writeString(file, "198.51.100.66\n");
        java.nio.file.attribute.FileTime time = Files.getLastModifiedTime(file);
        ConfigLoader loader = load("ipguard.file.blocked", file.toString(),
                "ipguard.group.admin", "198.51.100.0/24, !@blocked");
        ScheduledExecutorService executor = reloadThread();
        try {
            loader.schedule(executor, false, 100);
            Files.writeString(file, "198.51.100.77\n"); // same size, same inode
            Files.setLastModifiedTime(file, time);
            eventually(() -> !in(loader, "admin", "198.51.100.77"));
            // Polls see the change time, which cannot be set back.
            assertFalse(in(loader, "admin", "198.51.100.77"), "the blocklist now names 198.51.100.77, but after 2 s of "
                    + "polls it is still admitted; " + status(loader, 1));
        } finally {
            executor.shutdownNow();
        }
        // An explicit reload compares the bytes, wherever the platform keeps no change time.
        Files.writeString(file, "198.51.100.88\n");
        Files.setLastModifiedTime(file, time);
        loader.reloadNow();
        assertFalse(in(loader, "admin", "198.51.100.88"), status(loader, 1).toString());
        assertTrue(in(loader, "admin", "198.51.100.77"), status(loader, 1).toString());
        long version = status(loader, 1).version();
        loader.reloadNow();
        assertEquals(version, status(loader, 1).version(), "a reload of the same bytes changes nothing");
    }
}
