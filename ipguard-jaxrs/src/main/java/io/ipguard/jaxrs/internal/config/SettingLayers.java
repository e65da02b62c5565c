package io.ipguard.jaxrs.internal.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The layers of settings, lowest first: the application's properties, a configuration file, and
 * settings made in code. An upper layer's value replaces a lower one's. Immutable.
 */
final class SettingLayers {

    /** The settings in force, and warnings about upper layers that emptied a lower one's value. */
    record Composed(List<Setting> settings, List<String> warnings) {
    }

    private final Map<String, Setting> properties;
    private final List<Setting> code;

    SettingLayers(Map<String, Setting> properties, List<Setting> code) {
        this.properties = Map.copyOf(properties);
        this.code = List.copyOf(code);
    }

    /** The layers with {@code fileSettings} as the configuration file's. */
    Composed with(Map<String, Setting> fileSettings) {
        Map<String, Setting> merged = new LinkedHashMap<>(properties);
        List<String> emptied = new ArrayList<>();
        fileSettings.values().forEach(s -> layer(merged, s, emptied));
        code.forEach(s -> layer(merged, s, emptied));
        return new Composed(List.copyOf(merged.values()), List.copyOf(emptied));
    }

    /**
     * Puts {@code upper} over what a lower layer set. An empty value means the default, which is
     * right for a template's unset variable but may undo a lower layer's deliberate choice: say so.
     */
    private static void layer(Map<String, Setting> merged, Setting upper, List<String> warnings) {
        Setting lower = merged.put(upper.key(), upper);
        if (lower != null && upper.value().isBlank() && !lower.value().isBlank()
                && ConfigSnapshot.emptyMeansDefault(upper.key())) {
            warnings.add(upper.where() + ": is empty, so the default applies, not \"" + lower.value().strip()
                    + "\" from " + (lower.origin() == null ? "the application's properties" : lower.origin()));
        }
    }
}
