package io.ipguard.jaxrs.internal.config;

import io.ipguard.jaxrs.IpGuardProperties;
import io.ipguard.jaxrs.IpSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Compiles the {@code ipguard.group.*} entries of a property map, ignoring other keys. */
public final class GroupPropertiesParser {

    private GroupPropertiesParser() {
    }

    public static Map<String, IpSet> parse(Map<String, ?> properties) {
        List<Setting> settings = new ArrayList<>();
        properties.forEach((key, value) -> {
            if (key.startsWith(IpGuardProperties.GROUP_PREFIX) && value != null) {
                settings.add(new Setting(key, value.toString(), null));
            }
        });
        return ConfigSnapshot.parse(settings).groups();
    }
}
