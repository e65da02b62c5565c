package io.ipguard.jaxrs.internal.config;

import io.ipguard.jaxrs.IpGuardConfigurationException;
import io.ipguard.jaxrs.IpGuardProperties;
import io.ipguard.jaxrs.ListStatus;
import io.ipguard.jaxrs.internal.io.FileStamp;
import io.ipguard.jaxrs.internal.io.IoProblems;
import io.ipguard.jaxrs.internal.io.Logs;
import io.ipguard.jaxrs.internal.io.RegularFile;
import io.ipguard.jaxrs.internal.lists.FileListSource;
import io.ipguard.jaxrs.internal.lists.ListSource;
import io.ipguard.jaxrs.internal.lists.ProxyBreadth;
import io.ipguard.jaxrs.internal.lists.SourceHealth;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Builds the configuration from its layers ({@link SettingLayers}: application properties, then a
 * configuration file, then settings made in code) plus the groups kept at URLs and in list files, and rebuilds it when
 * the configuration file or one of those lists changes.
 *
 * <p>A file change is noticed whether the file is edited in place, replaced by an atomic rename,
 * or swapped through a symbolic link (a Kubernetes ConfigMap's {@code ..data}): checks follow
 * links and compare the file's identity, size and time, and then its bytes. A change that does
 * not parse, or that would drop a group a resource uses, keeps the configuration in force.
 */
public final class ConfigLoader {

    private static final System.Logger LOG = Logs.LOG;

    /** The largest configuration file read. */
    static final long MAX_BYTES = 16L << 20;

    /** Quiet polls between two byte comparisons of the watched file. */
    static final int FULL_CHECK_EVERY = 10;

    private final SettingLayers layers;
    private final Path file;
    private volatile List<String> layerWarnings = List.of();
    private final SourceHealth health;
    private final ListSources sources;
    private final LiveConfig live;
    private ConfigSnapshot base;
    private Object fileStamp;
    private byte[] fileBytes;
    private Object pendingStamp;
    private final Settling settling;
    private int quietPolls;
    /** Whether the configuration file's latest content was refused as invalid (not unreadable). */
    private boolean refusedContent;
    /** Told the sources' health whenever a reload changes which sources there are (metrics). */
    private volatile Consumer<List<SourceHealth>> sourcesWatcher = all -> {
    };

    private ConfigLoader(Map<String, Setting> properties, Path file, List<Setting> code, Clock clock) {
        this.layers = new SettingLayers(properties, code);
        this.file = file;
        this.settling = new Settling(clock, String.valueOf(file));
        this.health = new SourceHealth(file == null ? "configuration" : "file " + file,
                file == null ? "configuration" : "file", clock);
        SettingLayers.Composed composed = layers.with(file == null ? Map.of() : readFile());
        this.base = ConfigSnapshot.parse(composed.settings());
        this.layerWarnings = composed.warnings();
        this.sources = new ListSources(clock);
        ListSources.Plan plan = sources.plan(base.urls());
        ConfigSnapshot first = ListSources.applyTo(base, plan);
        sources.commit(plan);
        this.live = new LiveConfig(first);
        plan.toFetch().forEach(this::refresh);
        health.loaded(entryCount(base));
    }

    /**
     * Loads the configuration once, fetching URL groups (a URL that fails leaves its group empty).
     *
     * @param file the configuration file, or null
     * @throws IpGuardConfigurationException if it is invalid
     */
    public static ConfigLoader load(Map<String, Setting> properties, Path file, List<Setting> code, Clock clock) {
        return new ConfigLoader(properties, file, code, clock);
    }

    public LiveConfig live() {
        return live;
    }

    /** The groups kept at URLs and in list files, as now configured. */
    public List<ListSource> sources() {
        return sources.all();
    }

    /**
     * Hands {@code watcher} the health of every source now, and again whenever a reload adds,
     * replaces or drops a URL or file list.
     */
    public synchronized void watchSources(Consumer<List<SourceHealth>> watcher) {
        sourcesWatcher = watcher;
        watcher.accept(healths());
    }

    private void tellWatcher() {
        try {
            sourcesWatcher.accept(healths());
        } catch (RuntimeException | LinkageError e) {
            // The reload is in force; only what reports on it failed.
            LOG.log(System.Logger.Level.WARNING, "ipguard: could not update the list meters: " + e);
        }
    }

    /** The health of the configuration, then of each group kept at a URL or in a file, for metrics. */
    public List<SourceHealth> healths() {
        List<SourceHealth> all = new ArrayList<>();
        all.add(health);
        sources.all().forEach(source -> all.add(source.health()));
        return all;
    }

    /** Entries of the configuration's own groups (URL groups count for their sources). */
    private static int entryCount(ConfigSnapshot config) {
        int count = 0;
        for (String entries : config.groupEntries().values()) {
            for (String entry : entries.split(",")) {
                count += entry.isBlank() ? 0 : 1;
            }
        }
        return count;
    }

    /** The status of the configuration, then of each group kept at a URL or in a file. */
    public List<ListStatus> status() {
        List<ListStatus> all = new ArrayList<>();
        all.add(health.status());
        sources.all().forEach(source -> all.add(source.status()));
        return all;
    }

    /** Checks the configuration file (if any) and loads every list kept at a URL or in a file now. */
    public synchronized void reloadNow() {
        if (file != null) {
            check();
        }
        sources.all().forEach(source -> refresh(source, true));
        if (file != null && refusedContent && fileBytes == null) {
            check(); // refused before, perhaps for a list just changed: an explicit reload tries it now
        }
    }

    /** Schedules the file polls (when {@code watchFile}), the list files' polls and the URL fetches on {@code executor}. */
    public void schedule(ScheduledExecutorService executor, boolean watchFile, long filePeriodMillis) {
        if (watchFile && file != null) {
            executor.scheduleWithFixedDelay(this::poll, filePeriodMillis, filePeriodMillis, TimeUnit.MILLISECONDS);
        }
        sources.schedule(executor, filePeriodMillis, this::refresh);
    }

    /**
     * Whether {@link #schedule} has anything to do, now or later: with a configuration file, a
     * reload may add URL or list-file groups to look after.
     */
    public boolean hasScheduledWork() {
        return file != null || !sources.all().isEmpty();
    }

    private void refresh(ListSource source) {
        refresh(source, false);
    }

    /**
     * Loads one source and, if it changed, puts every list naming it in force, or refuses the change.
     * Whole under the loader's lock: two refreshes interleaved would compile one source's new list
     * with another's, and blame the wrong one for the result.
     */
    private synchronized void refresh(ListSource source, boolean now) {
        if (!(now ? source.refreshNow() : source.refresh())) {
            return;
        }
        ConfigSnapshot next;
        try {
            next = sources.applyTo(base);
        } catch (IpGuardConfigurationException e) {
            // A list file that now names a group the configuration lacks, or itself: keep the list in force.
            source.refuseLatest("not applied: " + String.join("; ", e.problems()));
            return;
        }
        String harm = ListSources.trustsTooMany(next);
        if (harm != null) {
            // A list server must not be able to make nearly every client a proxy that names its own address.
            source.refuseLatest("not applied: it would make " + IpGuardProperties.TRUSTED_PROXIES + " "
                    + ProxyBreadth.refusal(harm));
            return;
        }
        String wide = ProxyBreadth.admitsTooMany(source.set(), base.urls().maxShare(source.group()));
        if (wide != null) {
            // Only the configuration itself may open a group that wide: a list from elsewhere is held back.
            source.refuseLatest("not applied: it would admit " + wide + "; a list from a URL or a file may admit at most "
                    + base.urls().maxShare(source.group()) + "% (" + IpGuardProperties.LIST_MAX_SHARE + ")");
            return;
        }
        live.replace(next);
        source.health().applied();
        if (refusedContent) {
            // The configuration file was refused, perhaps for what this list held (a group it named): the next
            // quiet poll reads it again (still waiting, as polls do, for a file being written to hold still).
            fileBytes = null;
            quietPolls = FULL_CHECK_EVERY - 1;
        }
    }

    /**
     * The scheduled check: applies a change only once the file has looked the same for two polls
     * in a row, so that a file being written in place is not read half-written. Every
     * {@value #FULL_CHECK_EVERY} quiet polls it compares the bytes too, for an edit that kept the
     * size and landed within the file system's timestamp granularity.
     */
    public synchronized void poll() {
        try {
            Object stamp = stamp();
            if (stamp.equals(fileStamp)) {
                pendingStamp = null;
                settling.settled();
                if (++quietPolls >= FULL_CHECK_EVERY) {
                    quietPolls = 0;
                    check();
                }
                return;
            }
            if (!stamp.equals(pendingStamp)) {
                pendingStamp = stamp;
                settling.changed();
                return;
            }
        } catch (IOException | RuntimeException e) {
            // check() reports it.
        }
        pendingStamp = null;
        settling.settled();
        check();
    }

    /** Reloads the file now if its content changed; never throws. */
    public synchronized void check() {
        try {
            Object stamp = stamp();
            byte[] bytes = RegularFile.read(file, MAX_BYTES);
            if (Arrays.equals(bytes, fileBytes)) {
                fileStamp = stamp;
                if (!refusedContent) {
                    // Readable again after a failure (a file moved away and back): the lists in force are current.
                    health.checked();
                }
                return;
            }
            SettingLayers.Composed composed = layers.with(PropertiesFile.parse(file.toString(), bytes));
            ConfigSnapshot next = ConfigSnapshot.parse(composed.settings());
            // New list files are read here, and a bad one refuses the change; new URLs are fetched once it applies.
            ListSources.Plan plan = sources.plan(next.urls());
            if (ListSources.trustsTooMany(ListSources.applyTo(next, plan.sources())) != null) {
                // A URL list the old configuration let be wide, the new one does not: fetch it again under the
                // new one, as a restart would, rather than refuse the change or keep the width.
                plan = sources.plan(next.urls(), true);
            }
            ConfigSnapshot previous = live.current();
            ConfigSnapshot applied = ListSources.applyTo(next, plan);
            live.replace(applied);
            warnAboutReload(previous, applied);
            List<ListSource> before = sources.all();
            sources.commit(plan);
            base = next;
            layerWarnings = composed.warnings();
            if (!before.equals(sources.all())) {
                tellWatcher();
            }
            fileStamp = stamp;
            fileBytes = bytes;
            refusedContent = false;
            health.loaded(entryCount(next));
            health.applied();
            plan.toFetch().forEach(this::refresh);
            // A list file refused because it named a group the configuration lacked may fit this one.
            List<ListSource> started = plan.started();
            sources.all().stream().filter(s -> s instanceof FileListSource && !started.contains(s)
                    && s.status().lastError().isPresent()).forEach(s -> refresh(s, true));
        } catch (IpGuardConfigurationException e) {
            rememberFailedContent();
            refusedContent = true;
            health.failed(e.getMessage());
        } catch (IOException | RuntimeException e) {
            health.failed(file + ": " + (e instanceof IOException io ? IoProblems.describe(io) : "cannot be read: " + e.getMessage()));
        }
    }

    /** Says what a reload took away that decides who the client is or who gets in, and what it newly warns about. */
    private void warnAboutReload(ConfigSnapshot previous, ConfigSnapshot applied) {
        List<String> warnings = new ArrayList<>(Lockouts.reloadChanges(previous, applied));
        applied.warnings().stream().filter(w -> !previous.warnings().contains(w)).forEach(warnings::add);
        warnings.forEach(w -> LOG.log(System.Logger.Level.WARNING, "ipguard: reloading " + file + ": " + w));
    }

    /** Remembers the failed file so the same bad content is reported once, not on every check. */
    private void rememberFailedContent() {
        try {
            fileStamp = stamp();
            fileBytes = RegularFile.read(file, MAX_BYTES);
        } catch (IOException e) {
            fileStamp = null;
        }
    }

    private Map<String, Setting> readFile() {
        try {
            fileStamp = stamp();
            fileBytes = RegularFile.read(file, MAX_BYTES);
        } catch (IOException e) {
            throw new IpGuardConfigurationException(List.of(file + ": " + IoProblems.describe(e)));
        }
        return PropertiesFile.parse(file.toString(), fileBytes);
    }

    private Object stamp() throws IOException {
        return FileStamp.of(file);
    }

    /** Start-up warnings: the configuration's own, and empty values that undo a lower layer's. */
    public List<String> warnings() {
        List<String> all = new ArrayList<>(layerWarnings);
        all.addAll(live.current().warnings());
        return all;
    }
}
