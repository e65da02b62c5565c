package io.ipguard.jaxrs.internal.config;

import io.ipguard.jaxrs.IpGuardProperties;
import io.ipguard.jaxrs.IpSet;
import io.ipguard.jaxrs.internal.address.CompiledIpSet;
import io.ipguard.jaxrs.internal.address.IpLiteral;
import io.ipguard.jaxrs.internal.address.ListEntry;
import io.ipguard.jaxrs.internal.lists.NamedLists;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The changes that lock clients out, or hand the client's address to a proxy, without any error: a
 * group that admits nobody, a reload that drops the trusted proxies or the header, or empties a
 * group. They are safe (the guard refuses), but they are said aloud, naming the key.
 */
final class Lockouts {

    private Lockouts() {
    }

    /**
     * A warning for each written group that admits nobody (an empty value, say an unset template
     * variable, or exclusions that cancel every entry), unless a URL or file list it names may still
     * fill it when it loads.
     */
    static List<String> emptyGroups(Map<String, NamedLists.Written> written, Map<String, IpSet> groups,
                                    Set<String> sourced) {
        List<String> warnings = new ArrayList<>();
        written.forEach((name, group) -> {
            boolean waitsForAList = group.parsed().references().stream()
                    .anyMatch(reference -> !reference.exclusion() && sourced.contains(reference.name()));
            if (!waitsForAList && isEmpty(groups.get(name))) {
                warnings.add(group.where() + ": admits no address, so every request to a method it guards is refused"
                        + (group.parsed().entries().isEmpty() && group.parsed().references().isEmpty()
                        ? " (the value is empty)" : ""));
            }
        });
        return warnings;
    }

    /** What a reload from {@code before} to {@code after} takes away that decides who the client is or who gets in. */
    static List<String> reloadChanges(ConfigSnapshot before, ConfigSnapshot after) {
        List<String> warnings = new ArrayList<>();
        String oldHeader = before.forwarding().header();
        String newHeader = after.forwarding().header();
        if (oldHeader != null && !oldHeader.equalsIgnoreCase(newHeader == null ? "" : newHeader)) {
            warnings.add(IpGuardProperties.CLIENT_IP_HEADER + ": " + (newHeader == null
                    ? "removed (it was " + oldHeader + "): no forwarding header is believed any more, so behind a proxy "
                    + "every client is taken for the proxy" : "changed from " + oldHeader + " to " + newHeader));
        }
        CompiledIpSet oldProxies = before.lists().writtenTrustedProxies();
        CompiledIpSet newProxies = after.lists().writtenTrustedProxies();
        List<ListEntry> dropped = new ArrayList<>(oldProxies.asEntries(false));
        dropped.addAll(newProxies.asEntries(true));
        CompiledIpSet removed = CompiledIpSet.compile(dropped);
        if (!isEmpty(removed)) {
            warnings.add(IpGuardProperties.TRUSTED_PROXIES + ": " + (isEmpty(newProxies) ? "removed" : "no longer trusts "
                    + text(removed)) + ": forwarding headers from there are no longer believed, so clients behind it are taken "
                    + "for the proxy");
        }
        int oldHops = before.forwarding().trustedHops();
        if (oldHops > 0 && oldHops != after.forwarding().trustedHops()) {
            warnings.add(IpGuardProperties.TRUSTED_HOPS + ": " + (after.forwarding().trustedHops() == 0
                    ? "removed (it was " + oldHops + ")" : "changed from " + oldHops + " to " + after.forwarding().trustedHops()));
        }
        before.groups().forEach((name, set) -> {
            IpSet now = after.groups().get(name);
            if (now != null && !isEmpty(set) && isEmpty(now)) {
                warnings.add(IpGuardProperties.GROUP_PREFIX + name + ": admitted addresses before this reload and now admits "
                        + "none: every request to a method it guards is refused");
            }
        });
        return warnings;
    }

    /** The set's ranges as text, the first few. */
    private static String text(CompiledIpSet set) {
        List<String> ranges = new ArrayList<>();
        for (ListEntry entry : set.asEntries(false)) {
            if (ranges.size() == 3) {
                ranges.add("...");
                break;
            }
            String start = entry.ipv4() ? IpLiteral.formatIpv4((int) entry.startLow())
                    : IpLiteral.formatIpv6(entry.startHigh(), entry.startLow());
            String end = entry.ipv4() ? IpLiteral.formatIpv4((int) entry.endLow())
                    : IpLiteral.formatIpv6(entry.endHigh(), entry.endLow());
            ranges.add(start.equals(end) ? start : start + "-" + end);
        }
        return String.join(", ", ranges);
    }

    private static boolean isEmpty(IpSet set) {
        return set instanceof CompiledIpSet compiled && compiled.ipv4Count() == 0 && compiled.ipv6Count().signum() == 0;
    }
}
