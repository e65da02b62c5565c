package io.ipguard.jaxrs.internal.config;

import io.ipguard.jaxrs.IpGuardConfigurationException;
import io.ipguard.jaxrs.IpGuardProperties;
import io.ipguard.jaxrs.IpSet;
import io.ipguard.jaxrs.internal.address.CompiledIpSet;
import io.ipguard.jaxrs.internal.address.EntryListParser;
import io.ipguard.jaxrs.internal.lists.ListSource;
import io.ipguard.jaxrs.internal.lists.NamedLists;
import io.ipguard.jaxrs.internal.lists.SourceHealth;
import io.ipguard.jaxrs.internal.lists.SourceSettings;
import io.ipguard.jaxrs.internal.lists.SourcedLists;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The validated configuration: refusal behaviour, the compiled groups, how the client is found,
 * and the warnings to log at start-up. Immutable.
 */
public record ConfigSnapshot(int denyStatus, boolean reportOnly, Set<String> reportOnlyGroups, Map<String, IpSet> groups,
                          Map<String, String> groupEntries, Forwarding forwarding, SourceSettings urls,
                          int providerTimeoutMillis, List<String> warnings, NamedLists lists,
                          SourcedLists sourced) {

    private static final Pattern GROUP_NAME = Pattern.compile("[A-Za-z0-9._-]+");
    private static final Pattern HEADER_NAME = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]+");
    private static final Pattern HOPS = Pattern.compile("[1-9][0-9]?");
    /** Keys whose default is "unset" or a single value: an empty value sets them to that default. */
    private static final List<String> SCALAR_KEYS = List.of(IpGuardProperties.DENY_STATUS, IpGuardProperties.REPORT_ONLY,
            IpGuardProperties.PROVIDER_TIMEOUT_MILLIS, IpGuardProperties.TRUSTED_PROXIES,
            IpGuardProperties.CLIENT_IP_HEADER, IpGuardProperties.TRUSTED_HOPS, IpGuardProperties.URL_REFRESH_SECONDS,
            IpGuardProperties.URL_TIMEOUT_SECONDS, IpGuardProperties.URL_MAX_BYTES, IpGuardProperties.LIST_MAX_SHARE);

    /** The group name in an {@code ipguard.url.<name>} or {@code ipguard.file.<name>} key, else null. */
    private static String sourcedName(String key) {
        for (String prefix : new String[] {IpGuardProperties.URL_PREFIX, IpGuardProperties.FILE_PREFIX}) {
            if (key.startsWith(prefix)) {
                return key.substring(prefix.length());
            }
        }
        return null;
    }

    /** Whether an empty value for {@code key} sets it to its default (scalar and URL keys; not groups). */
    static boolean emptyMeansDefault(String key) {
        return SCALAR_KEYS.contains(key) || sourcedName(key) != null || key.startsWith(IpGuardProperties.URL_SELECT_PREFIX)
                || key.startsWith(IpGuardProperties.URL_MAX_BYTES_PREFIX) || key.startsWith(IpGuardProperties.LIST_MAX_SHARE_PREFIX)
                || key.startsWith(IpGuardProperties.REPORT_ONLY_PREFIX);
    }

    public ConfigSnapshot {
        reportOnlyGroups = Set.copyOf(reportOnlyGroups);
        groups = Map.copyOf(groups);
        groupEntries = Map.copyOf(groupEntries);
        warnings = List.copyOf(warnings);
    }

    /** Whether refusals of {@code group} are only reported: report-only mode for all, or for that group. */
    public boolean reportOnly(String group) {
        return reportOnly || reportOnlyGroups.contains(group);
    }

    /**
     * Validates every setting and compiles the groups.
     *
     * @throws IpGuardConfigurationException listing every problem found
     */
    public static ConfigSnapshot parse(Collection<Setting> settings) {
        return parse(settings, true);
    }

    /**
     * Validates each value on its own, leaving out the checks that need other keys (such as a
     * trusted-proxy list without a header), which a later setting may still satisfy.
     *
     * @throws IpGuardConfigurationException listing every problem found
     */
    public static void checkValues(Collection<Setting> settings) {
        parse(settings, false);
    }

    private static ConfigSnapshot parse(Collection<Setting> settings, boolean complete) {
        List<String> problems = new ArrayList<>();
        int denyStatus = 403;
        boolean reportOnly = false;
        Set<String> reportOnlyGroups = new LinkedHashSet<>();
        List<String> warnings = new ArrayList<>();
        int providerTimeoutMillis = 1000;
        Map<String, NamedLists.Written> written = new LinkedHashMap<>();
        Map<String, String> groupEntries = new LinkedHashMap<>();
        Setting proxies = null;
        Setting header = null;
        Setting hops = null;
        SourceSettingsParser urls = new SourceSettingsParser();
        for (Setting s : settings) {
            String key = s.key();
            String value = s.value().strip();
            if (value.isEmpty() && emptyMeansDefault(key)) {
                // Set to its default: configuration templates write every key, often empty.
                continue;
            }
            if (key.startsWith(IpGuardProperties.GROUP_PREFIX)) {
                String name = key.substring(IpGuardProperties.GROUP_PREFIX.length());
                if (!GROUP_NAME.matcher(name).matches()) {
                    problems.add(s.where() + ": invalid group name \"" + name
                            + "\"; use letters, digits, '.', '_' and '-'");
                } else {
                    written.put(name, new NamedLists.Written(key, s.where(), s.value(),
                            EntryListParser.parseWithReferences(s.value(), s.where(), problems)));
                    groupEntries.put(name, s.value());
                }
            } else if (key.equals(IpGuardProperties.DENY_STATUS)) {
                if (value.equals("403") || value.equals("404")) {
                    denyStatus = Integer.parseInt(value);
                } else {
                    problems.add(s.where() + ": must be 403 or 404, not \"" + value + "\"");
                }
            } else if (key.equals(IpGuardProperties.REPORT_ONLY)) {
                if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
                    reportOnly = Boolean.parseBoolean(value);
                } else {
                    problems.add(s.where() + ": must be true or false, not \"" + value + "\"");
                }
            } else if (key.startsWith(IpGuardProperties.REPORT_ONLY_PREFIX)) {
                String name = key.substring(IpGuardProperties.REPORT_ONLY_PREFIX.length());
                if (!GROUP_NAME.matcher(name).matches()) {
                    problems.add(s.where() + ": invalid group name \"" + name + "\"; use letters, digits, '.', '_' and '-'");
                } else if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
                    if (Boolean.parseBoolean(value)) {
                        reportOnlyGroups.add(name);
                        warnings.add(s.where() + ": report-only for group \"" + name + "\": requests outside it are logged "
                                + "and let through, not refused");
                    }
                } else {
                    problems.add(s.where() + ": must be true or false, not \"" + value + "\"");
                }
            } else if (key.equals(IpGuardProperties.PROVIDER_TIMEOUT_MILLIS)) {
                if (value.matches("0|[1-9][0-9]{0,4}") && Integer.parseInt(value) <= 60_000) {
                    providerTimeoutMillis = Integer.parseInt(value);
                } else {
                    problems.add(s.where() + ": must be a number from 0 to 60000, not \"" + value + "\"");
                }
            } else if (key.equals(IpGuardProperties.TRUSTED_PROXIES)) {
                proxies = s;
            } else if (key.equals(IpGuardProperties.CLIENT_IP_HEADER)) {
                header = s;
            } else if (key.equals(IpGuardProperties.TRUSTED_HOPS)) {
                hops = s;
            } else if (sourcedName(key) != null && !GROUP_NAME.matcher(sourcedName(key)).matches()) {
                problems.add(s.where() + ": invalid group name \"" + sourcedName(key)
                        + "\"; use letters, digits, '.', '_' and '-'");
            } else if (urls.accept(s, sourcedName(key), problems)) {
                continue;
            } else {
                problems.add(s.where() + ": unknown key" + KeySuggestion.of(key, SCALAR_KEYS));
            }
        }
        SourceSettings urlSettings = urls.build(complete ? problems : new ArrayList<>());
        for (Setting s : settings) {
            String name = sourcedName(s.key());
            if (name == null || !urlSettings.keys().containsKey(name)) {
                continue;
            }
            String other = written.containsKey(name) ? IpGuardProperties.GROUP_PREFIX + name
                    : s.key().startsWith(IpGuardProperties.FILE_PREFIX) && urlSettings.groups().containsKey(name)
                    ? IpGuardProperties.URL_PREFIX + name : null;
            if (other != null) {
                problems.add(s.where() + ": group \"" + name + "\" is also defined by " + other + "; define it once");
            }
        }
        NamedLists.Written proxyList = proxies == null ? null : new NamedLists.Written(proxies.key(), proxies.where(), proxies.value(),
                EntryListParser.parseWithReferences(proxies.value(), proxies.where(), problems));
        NamedLists lists = new NamedLists(written, proxyList, urlSettings.keys());
        lists.checkNames(problems);
        // References resolve only against the whole configuration: a single value cannot be checked for them.
        NamedLists.Compiled compiled = complete ? lists.compile(Map.of(), problems)
                : new NamedLists.Compiled(Map.of(), CompiledIpSet.compile(List.of()));
        if (complete) {
            warnings.addAll(Lockouts.emptyGroups(written, compiled.groups(), urlSettings.keys().keySet()));
        }
        Forwarding forwarding = forwarding(proxies, compiled.trustedProxies(), header, hops, problems, warnings, complete);
        if (!problems.isEmpty()) {
            throw new IpGuardConfigurationException(problems);
        }
        return new ConfigSnapshot(denyStatus, reportOnly, reportOnlyGroups, compiled.groups(), groupEntries, forwarding, urlSettings,
                providerTimeoutMillis, warnings, lists, SourcedLists.NONE);
    }

    /**
     * Returns this configuration with what the URL and file lists now hold, every list that names one
     * compiled again, so that all of them change together.
     *
     * @param loaded each URL or file list's content, by the group it serves
     * @param notes where each loaded list came from and when, for explanations
     * @param health each source's health, for decision listeners
     * @throws IpGuardConfigurationException if a list file names a group that does not exist, or itself
     */
    public ConfigSnapshot withSourceLists(Map<String, ListSource.Content> loaded, Map<String, String> notes,
                                Map<String, SourceHealth> health) {
        List<String> problems = new ArrayList<>();
        NamedLists.Compiled compiled = lists.compile(loaded, problems);
        if (!problems.isEmpty()) {
            throw new IpGuardConfigurationException(problems);
        }
        Map<String, String> allEntries = new LinkedHashMap<>(groupEntries);
        loaded.forEach((name, content) -> {
            if (content.entries() != null) {
                allEntries.put(name, content.entries());
            }
        });
        Forwarding recompiled = forwarding.kind() == Forwarding.Kind.NONE ? forwarding
                : new Forwarding(forwarding.kind(), forwarding.header(), compiled.trustedProxies(), forwarding.trustedHops());
        return new ConfigSnapshot(denyStatus, reportOnly, reportOnlyGroups, compiled.groups(), allEntries, recompiled, urls,
                providerTimeoutMillis, warnings, lists, SourcedLists.of(lists, loaded, notes, health));
    }

    private static Forwarding forwarding(Setting proxies, CompiledIpSet trusted, Setting header, Setting hops,
                                         List<String> problems, List<String> warnings, boolean complete) {
        int problemsBefore = problems.size();
        int hopCount = 0;
        if (hops != null) {
            String value = hops.value().strip();
            if (HOPS.matcher(value).matches() && Integer.parseInt(value) <= Forwarding.MAX_HOPS) {
                hopCount = Integer.parseInt(value);
            } else {
                problems.add(hops.where() + ": must be a number from 1 to " + Forwarding.MAX_HOPS + ", not \"" + value + "\"");
            }
        }
        String name = header == null ? null : header.value().strip();
        if (header != null && !HEADER_NAME.matcher(name).matches()) {
            problems.add(header.where() + ": \"" + name + "\" is not a header name");
        }
        if (!complete) {
            return Forwarding.PEER_ONLY;
        }
        if (proxies != null && hops != null) {
            problems.add(hops.where() + ": cannot be combined with " + IpGuardProperties.TRUSTED_PROXIES
                    + "; trust either known proxy addresses or a number of hops");
        }
        for (Setting needsHeader : new Setting[] {proxies, hops}) {
            if (needsHeader != null && header == null) {
                problems.add(needsHeader.where() + ": has no effect without " + IpGuardProperties.CLIENT_IP_HEADER);
            }
        }
        if (problems.size() > problemsBefore || header == null) {
            return Forwarding.PEER_ONLY;
        }
        Forwarding.Kind kind = Forwarding.kindOf(name);
        if (hops != null && kind == Forwarding.Kind.SINGLE) {
            problems.add(hops.where() + ": counts elements of a list header, and " + name
                    + " carries one address; use X-Forwarded-For or Forwarded");
            return Forwarding.PEER_ONLY;
        }
        if (proxies == null && hops == null) {
            warnings.add(header.where() + ": " + name + " is never believed, because neither "
                    + IpGuardProperties.TRUSTED_PROXIES + " nor " + IpGuardProperties.TRUSTED_HOPS + " is set");
        }
        if (trusted.coversAllIpv4() || trusted.coversAllIpv6()) {
            warnings.add(proxies.where() + ": trusts every " + (trusted.coversAllIpv4() ? "IPv4" : "IPv6")
                    + " address, so any client can choose its own address with " + name);
        }
        return new Forwarding(kind, name, trusted, hopCount);
    }
}
