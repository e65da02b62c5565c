package io.ipguard.jaxrs.internal;

import io.ipguard.jaxrs.IpSet;
import io.ipguard.jaxrs.WhitelistProvider;
import java.util.Map;

/** Fixed groups, looked up in an immutable map. */
public final class StaticWhitelistProvider implements WhitelistProvider {

    private final Map<String, IpSet> groups;

    public StaticWhitelistProvider(Map<String, IpSet> groups) {
        this.groups = Map.copyOf(groups);
    }

    @Override
    public IpSet group(String name) {
        return groups.get(name);
    }

    @Override
    public String toString() {
        return "groups " + groups.keySet();
    }
}
