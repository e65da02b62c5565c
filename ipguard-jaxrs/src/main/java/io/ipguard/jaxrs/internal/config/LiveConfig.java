package io.ipguard.jaxrs.internal.config;

import io.ipguard.jaxrs.IpGuardConfigurationException;
import io.ipguard.jaxrs.IpSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The configuration in force. Readers take one immutable {@link ConfigSnapshot} per request and never
 * lock; a reload replaces it in one volatile write, so no request sees half a list. Thread-safe.
 */
public final class LiveConfig {

    private final Map<String, String> requiredGroups = new ConcurrentHashMap<>();
    private volatile ConfigSnapshot current;

    public LiveConfig(ConfigSnapshot initial) {
        this.current = initial;
    }

    public ConfigSnapshot current() {
        return current;
    }

    /** Records that a guarded resource uses {@code group}, so a reload may not remove it. */
    public void require(String group, String resource) {
        requiredGroups.putIfAbsent(group, resource);
    }

    /**
     * Puts {@code next} in force.
     *
     * @throws IpGuardConfigurationException if it lacks a group that a guarded resource uses
     */
    synchronized void replace(ConfigSnapshot next) {
        List<String> problems = new ArrayList<>();
        Set<String> defined = next.groups().keySet();
        requiredGroups.forEach((group, resource) -> {
            if (!defined.contains(group)) {
                problems.add(resource + ": @Whitelisted group \"" + group + "\" would no longer be configured");
            }
        });
        if (!problems.isEmpty()) {
            throw new IpGuardConfigurationException(problems);
        }
        current = next;
    }

    /** The current set of a group, or null. */
    public IpSet group(String name) {
        return current.groups().get(name);
    }
}
