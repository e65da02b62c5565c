package io.ipguard.jaxrs.internal.config;

import io.ipguard.jaxrs.IpSet;
import io.ipguard.jaxrs.WhitelistProvider;

/** The default provider: the groups of the configuration in force, which reloads replace. */
public final class LiveWhitelistProvider implements WhitelistProvider {

    private final LiveConfig live;

    public LiveWhitelistProvider(LiveConfig live) {
        this.live = live;
    }

    @Override
    public IpSet group(String name) {
        return live.group(name);
    }

    LiveConfig live() {
        return live;
    }

    @Override
    public String toString() {
        return "groups " + live.current().groups().keySet();
    }
}
