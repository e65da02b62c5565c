package io.ipguard.jaxrs.internal.lists;

import io.ipguard.jaxrs.IpGuardConfigurationException;
import io.ipguard.jaxrs.internal.address.CompiledIpSet;
import io.ipguard.jaxrs.internal.address.EntryListParser;
import io.ipguard.jaxrs.internal.address.ListEntry;
import io.ipguard.jaxrs.internal.io.FileStamp;
import io.ipguard.jaxrs.internal.io.IoProblems;
import io.ipguard.jaxrs.internal.io.RegularFile;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * One group kept in a local file, for lists too long for a property line. Read at start-up, where
 * a file that cannot be read or does not parse stops start-up; then checked on each poll, and read
 * again once a change has held still for one poll (so that a file being written is not read half
 * written). A change that cannot be read or does not parse keeps the list in force. A file is
 * configuration, so it may name groups; the configuration resolves them. Entries as written are not
 * kept for explanations: a file may hold millions.
 */
public final class FileListSource implements ListSource {

    private final String group;
    private final Path path;
    private final SourceHealth health;
    /** The list in force and the groups it names, swapped together; null until read. */
    private volatile Content content;
    private Content previous;
    private SourceHealth.Before healthBefore;
    private Object stamp;
    private Object pendingStamp;
    private Object failedStamp;
    /** The SHA-256 of the bytes the list in force was read from. */
    private byte[] digest;

    /** The largest list file read: 10^6 entries take about 16 MB. */
    static final long MAX_BYTES = 256L << 20;

    public FileListSource(String group, Path path, Clock clock) {
        this.group = group;
        this.path = path;
        this.health = new SourceHealth("file " + path + " (group \"" + group + "\")", "file:" + group, clock);
    }

    @Override
    public String group() {
        return group;
    }

    @Override
    public String origin() {
        return path.toString();
    }

    @Override
    public CompiledIpSet set() {
        Content now = content;
        return now == null ? null : now.set();
    }

    @Override
    public Content content() {
        Content now = content;
        return now == null ? new Content(null, null, null, List.of()) : now;
    }

    @Override
    public String entries() {
        return null;
    }

    @Override
    public SourceHealth health() {
        return health;
    }

    /**
     * Reads the file at start-up.
     *
     * @throws IpGuardConfigurationException naming the file, or {@code file:line} for each bad entry
     */
    public synchronized void load() {
        try {
            Object before = FileStamp.of(path);
            read();
            stamp = before;
        } catch (Failure e) {
            throw new IpGuardConfigurationException(e.problems);
        } catch (IOException e) {
            throw new IpGuardConfigurationException(List.of(describe(e)));
        }
    }

    @Override
    public boolean refresh() {
        return refresh(false);
    }

    @Override
    public boolean refreshNow() {
        return refresh(true);
    }

    private synchronized boolean refresh(boolean atOnce) {
        try {
            Object now = FileStamp.of(path);
            if (atOnce) {
                // An explicit reload reads the file even if it looks the same: an edit that kept its size
                // and times (cp -p, rsync -t) shows only in its bytes.
                pendingStamp = null;
                boolean changed = read();
                stamp = now;
                failedStamp = null;
                return changed;
            }
            if (now.equals(stamp) || now.equals(failedStamp)) {
                pendingStamp = null;
                return false;
            }
            if (!now.equals(pendingStamp)) {
                // Changed since the last poll: wait until it holds still.
                pendingStamp = now;
                return false;
            }
            pendingStamp = null;
            boolean changed = read();
            stamp = now;
            failedStamp = null;
            return changed;
        } catch (Failure e) {
            failedStamp = pendingStampOrNull();
            health.failed(String.join("; ", e.problems));
        } catch (IOException | RuntimeException e) {
            String problem = e instanceof IOException io ? describe(io) : path + ": " + e;
            if (!problem.equals(health.status().lastError().orElse(null))) {
                // A file that stays missing is said once, not on every poll.
                health.failed(problem);
            }
        }
        return false;
    }

    private Object pendingStampOrNull() {
        try {
            return FileStamp.of(path);
        } catch (IOException e) {
            return null;
        }
    }

    /** Reads the file; true if its bytes changed and the new list is in place. */
    private boolean read() throws IOException, Failure {
        byte[] bytes = RegularFile.read(path, MAX_BYTES);
        byte[] digest = digest(bytes);
        if (content != null && java.util.Arrays.equals(digest, this.digest)) {
            health.checked();
            return false;
        }
        String text;
        try {
            text = ListText.decode(bytes);
        } catch (CharacterCodingException e) {
            throw new Failure(List.of(path + ": is not UTF-8 text"));
        }
        List<ListEntry> entries = new ArrayList<>();
        List<EntryListParser.Located> references = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        // A file is configuration, so it may name groups; the configuration resolves them.
        ListText.parse(text, path.toString(), entries, references, problems, false);
        if (!problems.isEmpty()) {
            throw new Failure(problems.size() > 20 ? merge(problems) : problems);
        }
        if (ListText.emptyUnlessSaid(text, entries.size() + references.size())) {
            // Truncated by a writer that has not written yet, more often than emptied on purpose.
            throw new Failure(List.of(path + ": " + ListText.EMPTY));
        }
        previous = content;
        healthBefore = health.before();
        content = new Content(CompiledIpSet.compile(entries), null, references.isEmpty() ? null : entries,
                List.copyOf(references));
        this.digest = digest;
        health.loaded(entries.size() + references.size());
        return true;
    }

    private static byte[] digest(byte[] bytes) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** The first 20 problems and how many more: a file with a million bad lines must not make a million-line message. */
    private static List<String> merge(List<String> problems) {
        List<String> shown = new ArrayList<>(problems.subList(0, 20));
        shown.add("... and " + (problems.size() - 20) + " more");
        return shown;
    }

    private String describe(IOException e) {
        return path + ": " + IoProblems.describe(e);
    }

    @Override
    public synchronized void refuseLatest(String why) {
        content = previous;
        digest = null; // so that an explicit reload of the same bytes is refused again, not taken as unchanged
        failedStamp = stamp;
        health.refused(healthBefore, path + ": " + why);
    }

    /** A file that was read but cannot be used. */
    private static final class Failure extends Exception {
        private final List<String> problems;

        Failure(List<String> problems) {
            super(null, null, false, false);
            this.problems = problems;
        }
    }
}
