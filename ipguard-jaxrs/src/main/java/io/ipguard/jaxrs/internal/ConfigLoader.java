package io.ipguard.jaxrs.internal;

import io.ipguard.jaxrs.IpGuardConfigurationException;
import io.ipguard.jaxrs.ListStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Builds the configuration from its layers (application properties, then a configuration file,
 * then settings made in code) and, when the file is watched, rebuilds it when the file changes.
 *
 * <p>A change is noticed whether the file is edited in place, replaced by an atomic rename, or
 * swapped through a symbolic link (a Kubernetes ConfigMap's {@code ..data}): {@link #check()}
 * follows links and compares the file's identity, size and time, and then its bytes. A change that
 * does not parse, or that would drop a group a resource uses, keeps the configuration in force.
 */
public final class ConfigLoader {

    private final Map<String, Setting> properties;
    private final Path file;
    private final List<Setting> code;
    private final LiveConfig live;
    private final SourceHealth health;
    private Object fileStamp;
    private byte[] fileBytes;
    private Object pendingStamp;

    private ConfigLoader(Map<String, Setting> properties, Path file, List<Setting> code, Clock clock) {
        this.properties = Map.copyOf(properties);
        this.file = file;
        this.code = List.copyOf(code);
        this.health = new SourceHealth(file == null ? "configuration" : "file " + file, clock);
        GuardConfig initial = GuardConfig.parse(compose(file == null ? Map.of() : readFile()));
        this.live = new LiveConfig(initial);
        health.loaded();
    }

    /**
     * Loads the configuration once.
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

    public ListStatus status() {
        return health.status();
    }

    /** Whether there is a file to watch. */
    public boolean hasFile() {
        return file != null;
    }

    /**
     * The scheduled check: applies a change only once the file has looked the same for two polls
     * in a row, so that a file being written in place is not read half-written.
     */
    public synchronized void poll() {
        try {
            Object stamp = stamp();
            if (stamp.equals(fileStamp)) {
                pendingStamp = null;
                return;
            }
            if (!stamp.equals(pendingStamp)) {
                pendingStamp = stamp;
                return;
            }
        } catch (IOException | RuntimeException e) {
            // check() reports it.
        }
        pendingStamp = null;
        check();
    }

    /** Reloads the file now if it changed; never throws. */
    public synchronized void check() {
        try {
            Object stamp = stamp();
            if (stamp.equals(fileStamp)) {
                return;
            }
            byte[] bytes = Files.readAllBytes(file);
            if (Arrays.equals(bytes, fileBytes)) {
                fileStamp = stamp;
                return;
            }
            Map<String, Setting> settings = PropertiesFile.parse(file.toString(), bytes);
            live.replace(GuardConfig.parse(compose(settings)));
            fileStamp = stamp;
            fileBytes = bytes;
            health.loaded();
        } catch (IpGuardConfigurationException e) {
            rememberFailedContent();
            health.failed(e.getMessage());
        } catch (IOException | RuntimeException e) {
            health.failed(file + ": cannot be read: " + e);
        }
    }

    /** Remembers the failed file so the same bad content is reported once, not on every check. */
    private void rememberFailedContent() {
        try {
            fileStamp = stamp();
            fileBytes = Files.readAllBytes(file);
        } catch (IOException e) {
            fileStamp = null;
        }
    }

    private Map<String, Setting> readFile() {
        try {
            fileStamp = stamp();
            fileBytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IpGuardConfigurationException(List.of(file + ": cannot be read: " + e));
        }
        return PropertiesFile.parse(file.toString(), fileBytes);
    }

    /** Identity, size and modification time of the file a path leads to, following links. */
    private Object stamp() throws IOException {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        Path target = file.toRealPath();
        return List.of(target.toString(), Objects.toString(a.fileKey()), a.size(), a.lastModifiedTime().toMillis(),
                Files.getLastModifiedTime(target, LinkOption.NOFOLLOW_LINKS).toMillis());
    }

    private List<Setting> compose(Map<String, Setting> fileSettings) {
        Map<String, Setting> merged = new LinkedHashMap<>(properties);
        merged.putAll(fileSettings);
        code.forEach(s -> merged.put(s.key(), s));
        return List.copyOf(merged.values());
    }
}
