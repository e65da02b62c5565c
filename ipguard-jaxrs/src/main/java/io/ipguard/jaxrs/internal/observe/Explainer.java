package io.ipguard.jaxrs.internal.observe;

import io.ipguard.jaxrs.ClientAddress;
import io.ipguard.jaxrs.Explanation;
import io.ipguard.jaxrs.IpGuardProperties;
import io.ipguard.jaxrs.IpSet;
import io.ipguard.jaxrs.ListStatus;
import io.ipguard.jaxrs.WhitelistProvider;
import io.ipguard.jaxrs.internal.address.BuiltInLists;
import io.ipguard.jaxrs.internal.address.CompiledIpSet;
import io.ipguard.jaxrs.internal.address.ListEntry;
import io.ipguard.jaxrs.internal.client.DefaultClientIpResolver;
import io.ipguard.jaxrs.internal.client.ForwardedClient;
import io.ipguard.jaxrs.internal.client.UntrustedForwarding;
import io.ipguard.jaxrs.internal.config.ConfigSnapshot;
import io.ipguard.jaxrs.internal.config.Forwarding;
import io.ipguard.jaxrs.internal.config.KeySuggestion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Explains a decision in words: how the client was found and which entries of the group it
 * matched. Slow by design (it re-reads the group's entries), so it runs only for explanations
 * and for refusal lines that are actually logged.
 */
public final class Explainer {

    private Explainer() {
    }

    public static Explanation explain(ConfigSnapshot config, WhitelistProvider provider, ClientAddress peer,
                               Map<String, List<String>> headers, String group) {
        StringBuilder how = new StringBuilder();
        ClientAddress client = resolve(config.forwarding(), peer, byName(headers), how);
        try {
            return decide(config, provider, client, how, group);
        } catch (RuntimeException e) {
            // An application's provider or set that throws or hangs: the guard refuses, and says why.
            return new ExplanationValue(false, client, "refused: the lists of group \"" + group + "\" could not be read ("
                    + e.getMessage() + "), so the guard refuses everyone it meets for it");
        }
    }

    /** The header lines by name, case-insensitive, lines of names differing only in case kept in order, as a request has them. */
    private static Map<String, List<String>> byName(Map<String, List<String>> headers) {
        Map<String, List<String>> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, lines) -> byName.computeIfAbsent(name, k -> new ArrayList<>()).addAll(lines));
        return byName;
    }

    private static Explanation decide(ConfigSnapshot config, WhitelistProvider provider, ClientAddress client,
                                      StringBuilder how, String group) {
        IpSet set = provider.group(group);
        if (set == null) {
            return new ExplanationValue(false, client, "refused: group \"" + group + "\" is not defined"
                    + didYouMean(group, config));
        }
        if (!client.isKnown()) {
            return new ExplanationValue(false, client, "refused: the client is unknown (" + how + "); " + groupNamed(config, group)
                    + notLoaded(config, config.sourced().sourcesOfTrustedProxies()));
        }
        String subject = "client " + client + " (" + how + ")";
        boolean allowed = set.contains(client);
        String entries = config.groupEntries().get(group);
        if (entries == null || !(set instanceof CompiledIpSet)) {
            // A group from an application's own provider: we can say whether, not which entry.
            return new ExplanationValue(allowed, client, (allowed ? "allowed: " : "refused: ") + subject
                    + (allowed ? " is in" : " is not in") + " " + groupNamed(config, group));
        }
        List<String> included = matching(config, entries, client, false);
        List<String> excluded = matching(config, entries, client, true);
        if (allowed) {
            return new ExplanationValue(true, client, "allowed: " + subject + " matched " + String.join(", ", included)
                    + " in " + groupNamed(config, group));
        }
        if (!included.isEmpty() && !excluded.isEmpty()) {
            return new ExplanationValue(false, client, "refused: " + subject + " matched " + String.join(", ", included)
                    + " but is excluded by " + String.join(", ", excluded) + " in " + groupNamed(config, group));
        }
        List<String> drawnOn = new ArrayList<>(config.sourced().sourcesOf(group));
        if (config.forwarding().kind() != Forwarding.Kind.NONE) {
            // Trusted proxies from a list not loaded yet: the proxy was taken for the client.
            config.sourced().sourcesOfTrustedProxies().stream().filter(name -> !drawnOn.contains(name)).forEach(drawnOn::add);
        }
        return new ExplanationValue(false, client, "refused: " + subject + " is not in " + groupNamed(config, group)
                + notLoaded(config, drawnOn));
    }

    /** {@code (did you mean "admin"?)} for a group name near one the configuration defines; else "". */
    private static String didYouMean(String group, ConfigSnapshot config) {
        String near = KeySuggestion.closest(group, config.groups().keySet());
        return near == null ? "" : " (did you mean \"" + near + "\"?)";
    }

    /**
     * {@code "; @github not loaded: <why>"} for each of {@code names} (URL and file lists) never loaded:
     * a refusal that a list not loaded yet may explain says so, with the source's last error.
     */
    private static String notLoaded(ConfigSnapshot config, List<String> names) {
        StringBuilder notes = new StringBuilder();
        for (String name : config.sourced().notLoaded(names)) {
            ListStatus status = config.sourced().status(name);
            notes.append("; @").append(name).append(" not loaded: ")
                    .append(status.lastError().orElse(status.source() + " not fetched yet"));
        }
        return notes.toString();
    }

    /**
     * Resolves the client as {@link DefaultClientIpResolver} does, describing the path in {@code how};
     * {@code headers} by name, case-insensitive.
     */
    static ClientAddress resolve(Forwarding forwarding, ClientAddress peer, Map<String, List<String>> headers,
                                 StringBuilder how) {
        if (!peer.isKnown()) {
            how.append("the TCP peer address is not an IP address");
            return peer;
        }
        if (forwarding.kind() == Forwarding.Kind.NONE) {
            how.append("the TCP peer");
            for (String name : UntrustedForwarding.USUAL_HEADERS) {
                if (headers.containsKey(name)) {
                    // A proxy in front that the configuration does not name is the commonest mistake: say so.
                    how.append("; ").append(name).append(" ignored: ").append(IpGuardProperties.CLIENT_IP_HEADER)
                            .append(" is not set (a proxy in front needs it, and ").append(IpGuardProperties.TRUSTED_PROXIES)
                            .append(')');
                    break;
                }
            }
            return peer;
        }
        List<String> lines = headers.get(forwarding.header());
        if (forwarding.trustedHops() == 0 && !forwarding.trustedProxies().contains(peer)) {
            how.append("the TCP peer");
            if (lines != null) {
                how.append("; ").append(forwarding.header()).append(" ignored: ").append(peer).append(" is not a trusted proxy")
                        .append(" (if it is your proxy, add it to ").append(IpGuardProperties.TRUSTED_PROXIES).append(')');
            }
            return peer;
        }
        return ForwardedClient.resolve(lines, forwarding, peer, how);
    }

    /** {@code group "webhooks"}, and where a group kept at a URL or in a file came from, and when. */
    private static String groupNamed(ConfigSnapshot config, String group) {
        String note = config.sourced().note(group);
        return "group \"" + group + "\"" + (note == null ? "" : " (" + note + ")");
    }

    /** The entries (inclusions, or exclusions with their {@code !}) that contain the client. */
    private static List<String> matching(ConfigSnapshot config, String entries, ClientAddress client, boolean exclusions) {
        List<String> found = new ArrayList<>();
        for (String raw : entries.split(",")) {
            String entry = raw.strip();
            if (entry.isEmpty() || entry.startsWith("!") != exclusions) {
                continue;
            }
            String bare = exclusions ? entry.substring(1) : entry;
            if (bare.startsWith("@")) {
                // A reference: the named list as compiled in this same configuration.
                String name = bare.substring(1);
                if (config.urls().keys().containsKey(name) && config.sourced().note(name) == null) {
                    // A URL list not fetched yet counts against the client: excluded, it excludes everyone.
                    if (exclusions) {
                        found.add(entry + " (not loaded yet, so it excludes every client)");
                    }
                    continue;
                }
                IpSet named = BuiltInLists.isBuiltIn(name) ? BuiltInLists.set(name) : config.groups().get(name);
                if (named != null && named.contains(client)) {
                    String note = config.sourced().note(name);
                    found.add(note == null ? entry : entry + " (" + note + ")");
                }
                continue;
            }
            try {
                if (CompiledIpSet.compile(List.of(ListEntry.parse(bare))).contains(client)) {
                    found.add(entry);
                }
            } catch (ListEntry.InvalidEntryException impossible) {
                // The group compiled, so every entry parses.
            }
        }
        return found;
    }
}
