package io.ipguard.jaxrs.internal.config;

import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Loads a configuration the way an application does, from key-value pairs as application properties. */
public final class Loaders {

    private Loaders() {
    }

    /** The configuration of {@code keyValues} (key, value, key, value, ...), with {@code configFile} over it if not null. */
    public static ConfigLoader load(Path configFile, String... keyValues) {
        Map<String, Setting> settings = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            settings.put(keyValues[i], new Setting(keyValues[i], keyValues[i + 1], null));
        }
        return ConfigLoader.load(settings, configFile, List.of(), Clock.systemUTC());
    }
}
