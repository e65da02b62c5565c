package io.ipguard.jaxrs.internal.config;

import io.ipguard.jaxrs.IpGuardProperties;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceConfigurationError;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.ConfigValue;

/**
 * The {@code ipguard.*} settings of MicroProfile Config, on hosts that have it (Helidon MP, Payara,
 * GlassFish, Open Liberty): from {@code META-INF/microprofile-config.properties}, system properties,
 * environment variables and any other source, each value as MicroProfile resolves it (the source of
 * highest ordinal wins), each naming its source for messages. An environment variable may stand
 * for a key ({@code IPGUARD_GROUP_ADMIN} for {@code ipguard.group.admin}). Loaded only when the API
 * is on the class path ({@link #API_CLASS}).
 */
public final class MicroProfileSettings {

    /** Present wherever MicroProfile Config is. */
    public static final String API_CLASS = "org.eclipse.microprofile.config.ConfigProvider";

    private static final List<String> KEYS = List.of(IpGuardProperties.DENY_STATUS, IpGuardProperties.REPORT_ONLY,
            IpGuardProperties.TRUSTED_PROXIES, IpGuardProperties.CLIENT_IP_HEADER, IpGuardProperties.TRUSTED_HOPS,
            IpGuardProperties.URL_REFRESH_SECONDS, IpGuardProperties.URL_TIMEOUT_SECONDS, IpGuardProperties.URL_MAX_BYTES,
            IpGuardProperties.PROVIDER_TIMEOUT_MILLIS, IpGuardProperties.LIST_MAX_SHARE);
    /** Longest first, so that {@code IPGUARD_URL_SELECT_X} is not taken for {@code ipguard.url.select_x}. */
    private static final List<String> PREFIXES = List.of(IpGuardProperties.URL_MAX_BYTES_PREFIX,
            IpGuardProperties.LIST_MAX_SHARE_PREFIX, IpGuardProperties.REPORT_ONLY_PREFIX,
            IpGuardProperties.URL_SELECT_PREFIX, IpGuardProperties.GROUP_PREFIX, IpGuardProperties.FILE_PREFIX,
            IpGuardProperties.URL_PREFIX);

    private MicroProfileSettings() {
    }

    /** The settings by key, empty when no MicroProfile Config is set up for {@code loader}. */
    public static Map<String, Setting> read(ClassLoader loader) {
        Config config;
        try {
            config = ConfigProvider.getConfig(loader);
        } catch (IllegalStateException | ServiceConfigurationError | LinkageError e) {
            // The API without an implementation: there is no such layer here.
            return Map.of();
        }
        Map<String, Setting> settings = new LinkedHashMap<>();
        for (String name : config.getPropertyNames()) {
            String key = keyOf(name);
            if (key == null || settings.containsKey(key)) {
                continue;
            }
            ConfigValue value = config.getConfigValue(key);
            if (value.getValue() != null) {
                settings.put(key, new Setting(key, value.getValue(), "MicroProfile Config " + value.getSourceName()));
            }
        }
        return settings;
    }

    /**
     * The key a property name stands for: itself for {@code ipguard.*}; for an environment-style
     * {@code IPGUARD_*} name, the key it spells (a group's name in lower case); null for others.
     */
    static String keyOf(String name) {
        if (name.startsWith(IpGuardProperties.PREFIX)) {
            return name;
        }
        if (!name.startsWith("IPGUARD_") || !name.equals(name.toUpperCase(Locale.ROOT))) {
            return null;
        }
        for (String key : KEYS) {
            if (environmentName(key).equals(name)) {
                return key;
            }
        }
        for (String prefix : PREFIXES) {
            String environment = environmentName(prefix);
            if (name.startsWith(environment) && name.length() > environment.length()) {
                return prefix + name.substring(environment.length()).toLowerCase(Locale.ROOT);
            }
        }
        // Not a key: spelled as one, so that validation names it and suggests the key meant.
        return IpGuardProperties.PREFIX + name.substring("IPGUARD_".length()).toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The environment variable MicroProfile Config reads for a key: non-alphanumerics as '_', upper case. */
    static String environmentName(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }
}
