package io.ipguard.jaxrs.spring.boot;

import io.ipguard.jaxrs.IpGuardConfigurationException;
import io.ipguard.jaxrs.IpGuardProperties;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.OriginLookup;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * The {@code ipguard.*} settings of Spring's {@code Environment}, each under the library's own key,
 * with its value as Spring resolves it and the place it came from. Property sources are read in
 * Spring's order, so the first that sets a key wins, as everywhere in Spring. Environment variables
 * follow Boot's relaxed binding: {@code IPGUARD_GROUP_ADMIN} is {@code ipguard.group.admin}, and
 * {@code IPGUARD_URL_SELECT_AWS} or {@code IPGUARD_URLSELECT_AWS} is {@code ipguard.url-select.aws}.
 * A YAML list ({@code ipguard.group.admin[0]}, {@code [1]}, ...) is one comma-separated value.
 */
final class SpringSettings {

    /** One setting, ready for {@code IpGuardFeature.Builder.property(key, value, source)}. */
    record Found(String key, String value, String source) {
    }

    /** The starter's opt-out. Not a key of the library, which would reject it: never passed on. */
    static final String ENABLED = "ipguard.enabled";

    private static final List<String> KEYS = List.of(IpGuardProperties.DENY_STATUS, IpGuardProperties.REPORT_ONLY,
            IpGuardProperties.TRUSTED_PROXIES, IpGuardProperties.CLIENT_IP_HEADER, IpGuardProperties.TRUSTED_HOPS,
            IpGuardProperties.URL_REFRESH_SECONDS, IpGuardProperties.URL_TIMEOUT_SECONDS, IpGuardProperties.URL_MAX_BYTES,
            IpGuardProperties.PROVIDER_TIMEOUT_MILLIS, ENABLED);
    /** Longest first, so that {@code IPGUARD_URL_SELECT_X} is not taken for {@code ipguard.url.select_x}. */
    private static final List<String> PREFIXES = List.of(IpGuardProperties.URL_MAX_BYTES_PREFIX,
            IpGuardProperties.URL_SELECT_PREFIX, IpGuardProperties.GROUP_PREFIX, IpGuardProperties.FILE_PREFIX,
            IpGuardProperties.URL_PREFIX);
    private static final String VARIABLE_PREFIX = "IPGUARD_";
    private static final Pattern INDEXED = Pattern.compile("(.*)\\[(\\d+)]");

    private SpringSettings() {
    }

    /**
     * Reads every {@code ipguard.*} setting but the starter's own.
     *
     * @throws IpGuardConfigurationException naming every value whose placeholders cannot be resolved
     */
    static List<Found> read(ConfigurableEnvironment environment) {
        List<PropertySource<?>> sources = new ArrayList<>();
        environment.getPropertySources().forEach(source -> {
            if (source instanceof EnumerablePropertySource<?>
                    && !ConfigurationPropertySources.isAttachedConfigurationPropertySource(source)) {
                sources.add(source);
            }
        });
        Set<String> written = new LinkedHashSet<>();
        for (PropertySource<?> source : sources) {
            if (!(source instanceof SystemEnvironmentPropertySource)) {
                names(source, written).keySet().forEach(written::add);
            }
        }
        Map<String, Found> found = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (PropertySource<?> source : sources) {
            names(source, written).forEach((key, names) -> {
                if (!found.containsKey(key)) {
                    found.put(key, value(environment, source, key, names, problems));
                }
            });
        }
        if (!problems.isEmpty()) {
            throw new IpGuardConfigurationException(problems);
        }
        found.remove(ENABLED);
        return List.copyOf(found.values());
    }

    /** The keys one source sets, each with its property names: one, or a list's elements in index order. */
    private static Map<String, TreeMap<Integer, String>> names(PropertySource<?> source, Set<String> written) {
        Map<String, TreeMap<Integer, String>> keys = new LinkedHashMap<>();
        boolean variables = source instanceof SystemEnvironmentPropertySource;
        for (String name : ((EnumerablePropertySource<?>) source).getPropertyNames()) {
            String plain = name;
            int index = -1;
            Matcher indexed = INDEXED.matcher(name);
            if (indexed.matches()) {
                plain = indexed.group(1);
                index = Integer.parseInt(indexed.group(2));
            }
            String key = plain.startsWith(IpGuardProperties.PREFIX) ? plain
                    : variables ? variableKey(name, written) : null;
            if (key != null) {
                keys.computeIfAbsent(key, k -> new TreeMap<>()).put(key.equals(plain) ? index : -1, name);
            }
        }
        return keys;
    }

    private static Found value(ConfigurableEnvironment environment, PropertySource<?> source, String key,
                               TreeMap<Integer, String> names, List<String> problems) {
        // A plain value wins over list elements of the same key in one source.
        Map<Integer, String> chosen = names.containsKey(-1) ? Map.of(-1, names.get(-1)) : names;
        String first = chosen.values().iterator().next();
        Origin origin = OriginLookup.getOrigin(source, first);
        String where = origin != null ? origin.toString() : "property source '" + source.getName() + "'";
        List<String> values = new ArrayList<>();
        for (String name : chosen.values()) {
            Object raw = source.getProperty(name);
            String text = raw == null ? "" : raw.toString();
            try {
                values.add(environment.resolveRequiredPlaceholders(text));
            } catch (IllegalArgumentException e) {
                problems.add(where + ": " + key + ": " + e.getMessage());
            }
        }
        return new Found(key, String.join(", ", values), where);
    }

    /**
     * The key an environment variable stands for, by Boot's rules: non-alphanumerics as {@code _},
     * or dashes dropped, in upper case. Under a prefix, the variable overrides a key written in
     * another source when Boot would take it for that key ({@code IPGUARD_GROUP_MY_TEAM} for
     * {@code ipguard.group.my-team}); otherwise the name is its tail in lower case. Any other
     * {@code IPGUARD_*} variable is spelled as a key, so that the library names it and suggests the
     * key meant, as for a misspelt property.
     */
    static String variableKey(String variable, Set<String> written) {
        if (!variable.startsWith(VARIABLE_PREFIX) || !variable.equals(variable.toUpperCase(Locale.ROOT))) {
            return null;
        }
        for (String key : KEYS) {
            if (spellings(key).contains(variable)) {
                return key;
            }
        }
        for (String prefix : PREFIXES) {
            for (String spelling : spellings(prefix)) {
                if (variable.startsWith(spelling) && variable.length() > spelling.length()) {
                    for (String key : written) {
                        if (key.startsWith(prefix) && spellings(key).contains(variable)) {
                            return key;
                        }
                    }
                    return prefix + variable.substring(spelling.length()).toLowerCase(Locale.ROOT);
                }
            }
        }
        return IpGuardProperties.PREFIX
                + variable.substring(VARIABLE_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The environment variables Boot reads for a key: {@code .} and {@code -} as {@code _}, or {@code -} dropped. */
    private static List<String> spellings(String key) {
        String upper = key.toUpperCase(Locale.ROOT);
        return List.of(upper.replaceAll("[^A-Z0-9]", "_"), upper.replace("-", "").replaceAll("[^A-Z0-9]", "_"));
    }
}
