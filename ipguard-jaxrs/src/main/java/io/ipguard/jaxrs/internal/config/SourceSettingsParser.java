package io.ipguard.jaxrs.internal.config;

import io.ipguard.jaxrs.IpGuardProperties;
import io.ipguard.jaxrs.internal.address.Addresses;
import io.ipguard.jaxrs.internal.lists.ListSelection;
import io.ipguard.jaxrs.internal.lists.SourceSettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Collects the {@code ipguard.url*} and {@code ipguard.file.*} settings into {@link SourceSettings}. */
final class SourceSettingsParser {
    private final Map<String, URI> groups = new LinkedHashMap<>();
    private final Map<String, Path> files = new LinkedHashMap<>();
    private final Map<String, ListSelection> selections = new LinkedHashMap<>();
    private final Map<String, Integer> maxBytesByGroup = new LinkedHashMap<>();
    private final Map<String, Setting> perGroup = new LinkedHashMap<>();
    private Duration refresh = SourceSettings.NONE.refresh();
    private Duration timeout = SourceSettings.NONE.timeout();
    private int maxBytes = SourceSettings.NONE.maxBytes();
    private int maxShare = SourceSettings.NONE.maxShare();
    private final Map<String, Integer> maxShareByGroup = new LinkedHashMap<>();

    boolean accept(Setting s, String name, List<String> problems) {
        String key = s.key();
        String value = s.value().strip();
        if (key.startsWith(IpGuardProperties.URL_PREFIX)) {
            URI uri = uri(value, s, problems);
            if (uri != null) {
                groups.put(name, uri);
            }
        } else if (key.startsWith(IpGuardProperties.FILE_PREFIX)) {
            try {
                files.put(name, Path.of(value));
            } catch (InvalidPathException e) {
                problems.add(s.where() + ": \"" + value + "\" is not a file path: " + e.getReason());
            }
        } else if (key.startsWith(IpGuardProperties.URL_SELECT_PREFIX)) {
            perGroup.put(key, s);
            try {
                selections.put(key.substring(IpGuardProperties.URL_SELECT_PREFIX.length()), ListSelection.parse(value));
            } catch (IllegalArgumentException e) {
                problems.add(s.where() + ": " + e.getMessage());
            }
        } else if (key.startsWith(IpGuardProperties.URL_MAX_BYTES_PREFIX)) {
            perGroup.put(key, s);
            maxBytesByGroup.put(key.substring(IpGuardProperties.URL_MAX_BYTES_PREFIX.length()),
                    (int) number(s, value, 1, 64L << 20, problems, maxBytes));
        } else if (key.startsWith(IpGuardProperties.LIST_MAX_SHARE_PREFIX)) {
            perGroup.put(key, s);
            maxShareByGroup.put(key.substring(IpGuardProperties.LIST_MAX_SHARE_PREFIX.length()),
                    (int) number(s, value, 1, 50, problems, maxShare));
        } else if (key.equals(IpGuardProperties.LIST_MAX_SHARE)) {
            maxShare = (int) number(s, value, 1, 50, problems, maxShare);
        } else if (key.equals(IpGuardProperties.URL_REFRESH_SECONDS)) {
            refresh = Duration.ofSeconds(number(s, value, 1, 86_400, problems, refresh.toSeconds()));
        } else if (key.equals(IpGuardProperties.URL_TIMEOUT_SECONDS)) {
            timeout = Duration.ofSeconds(number(s, value, 1, 300, problems, timeout.toSeconds()));
        } else if (key.equals(IpGuardProperties.URL_MAX_BYTES)) {
            maxBytes = (int) number(s, value, 1, 64L << 20, problems, maxBytes);
        } else {
            return false;
        }
        return true;
    }

    SourceSettings build(List<String> problems) {
        perGroup.forEach((key, s) -> {
            if (key.startsWith(IpGuardProperties.LIST_MAX_SHARE_PREFIX)) {
                String name = key.substring(IpGuardProperties.LIST_MAX_SHARE_PREFIX.length());
                if (!groups.containsKey(name) && !files.containsKey(name)) {
                    problems.add(s.where() + ": there is no " + IpGuardProperties.URL_PREFIX + name + " or "
                            + IpGuardProperties.FILE_PREFIX + name + " for it to apply to");
                }
                return;
            }
            String name = key.substring((key.startsWith(IpGuardProperties.URL_SELECT_PREFIX)
                    ? IpGuardProperties.URL_SELECT_PREFIX : IpGuardProperties.URL_MAX_BYTES_PREFIX).length());
            if (!groups.containsKey(name)) {
                problems.add(s.where() + ": there is no " + IpGuardProperties.URL_PREFIX + name + " for it to apply to");
            }
        });
        return new SourceSettings(groups, refresh, timeout, maxBytes, files, selections, maxBytesByGroup, maxShare,
                maxShareByGroup);
    }

    private static long number(Setting s, String value, long min, long max, List<String> problems, long fallback) {
        if (value.matches("[1-9][0-9]{0,9}") && Long.parseLong(value) <= max && Long.parseLong(value) >= min) {
            return Long.parseLong(value);
        }
        problems.add(s.where() + ": must be a number from " + min + " to " + max + ", not \"" + value + "\"");
        return fallback;
    }

    private static URI uri(String value, Setting s, List<String> problems) {
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            problems.add(s.where() + ": \"" + value + "\" is not a URL");
            return null;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            problems.add(s.where() + ": \"" + value + "\" is not an http or https URL");
            return null;
        }
        if (scheme.equals("http") && !isLoopback(uri.getHost())) {
            // A list fetched in clear text can be rewritten on the way: only a local sidecar may use http.
            problems.add(s.where() + ": \"" + value + "\" must use https; http is accepted only for loopback hosts");
            return null;
        }
        return uri;
    }

    private static boolean isLoopback(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        String literal = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        var address = Addresses.parse(literal, 0, literal.length(), false);
        return address != null && (address.isIpv4() ? (Addresses.low(address) >>> 24) == 127
                : Addresses.high(address) == 0 && Addresses.low(address) == 1);
    }
}
