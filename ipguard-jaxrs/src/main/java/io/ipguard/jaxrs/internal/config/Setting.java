package io.ipguard.jaxrs.internal.config;

/**
 * One configuration value and where it came from: {@code origin} is {@code file:line} for a
 * file, or null for a JAX-RS property or a builder call, which the key alone names.
 */
public record Setting(String key, String value, String origin) {

    /** Names the setting in messages: {@code file:line: key} or {@code key}. */
    public String where() {
        return origin == null ? key : origin + ": " + key;
    }
}
