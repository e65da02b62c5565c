package io.ipguard.jaxrs.internal.config;

import io.ipguard.jaxrs.IpGuardProperties;
import java.util.ArrayList;
import java.util.List;

/** The known key (or group) an unknown one most likely misspells, when one stands out. */
public final class KeySuggestion {

    private KeySuggestion() {
    }

    /** {@code "; did you mean ipguard.group.admin?"}, or "" when no known key is close, or two are equally close. */
    static String of(String key, List<String> fixedKeys) {
        List<String> candidates = new ArrayList<>(fixedKeys);
        String[] parts = key.split("\\.", 3);
        if (parts.length == 3) {
            // ipguard.grup.admin: the family is misspelt, the name is the user's.
            candidates.add(IpGuardProperties.GROUP_PREFIX + parts[2]);
            candidates.add(IpGuardProperties.URL_PREFIX + parts[2]);
            candidates.add(IpGuardProperties.FILE_PREFIX + parts[2]);
        }
        String best = closest(key, candidates);
        return best == null ? "" : "; did you mean " + best + "?";
    }

    /**
     * The candidate {@code name} most likely misspells: the one nearest (ignoring case) within a few
     * edits; null when none is that near, or two are equally near.
     */
    public static String closest(String name, java.util.Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        boolean tie = false;
        for (String candidate : candidates) {
            int distance = distance(name, candidate);
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
                tie = false;
            } else if (distance == bestDistance) {
                tie = true;
            }
        }
        int allowed = Math.max(2, name.length() / 7);
        return best != null && !tie && bestDistance <= allowed ? best : null;
    }

    /** Levenshtein distance, ignoring case. */
    private static int distance(String a, String b) {
        String x = a.toLowerCase(java.util.Locale.ROOT);
        String y = b.toLowerCase(java.util.Locale.ROOT);
        int[] previous = new int[y.length() + 1];
        int[] current = new int[y.length() + 1];
        for (int j = 0; j <= y.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= x.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= y.length(); j++) {
                int substitution = previous[j - 1] + (x.charAt(i - 1) == y.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[y.length()];
    }
}
