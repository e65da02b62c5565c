package io.ipguard.jaxrs.internal;

import io.ipguard.jaxrs.IpGuardInspector;
import io.ipguard.jaxrs.ListStatus;
import java.util.List;

/** The inspector of one deployed feature. */
final class DefaultInspector implements IpGuardInspector {

    private final ConfigLoader loader;

    DefaultInspector(ConfigLoader loader) {
        this.loader = loader;
    }

    @Override
    public List<ListStatus> status() {
        return List.of(loader.status());
    }

    @Override
    public List<ListStatus> reload() {
        if (loader.hasFile()) {
            loader.check();
        }
        return status();
    }
}
