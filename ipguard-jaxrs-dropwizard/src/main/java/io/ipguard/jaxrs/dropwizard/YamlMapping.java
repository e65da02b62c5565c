package io.ipguard.jaxrs.dropwizard;

import io.ipguard.jaxrs.IpGuardConfigurationException;
import io.ipguard.jaxrs.IpGuardFeature;
import io.ipguard.jaxrs.IpGuardProperties;
import jakarta.validation.ConstraintValidatorContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The YAML block's fields as the library's keys: each list item and value with its YAML path, for
 * checking one by one, and each key with its joined value, for the feature. All checks are the
 * library's own ({@link IpGuardFeature.Builder#property(String, String, String)}), so the YAML
 * block accepts exactly what the library's keys accept, with the same reasons.
 */
final class YamlMapping {

    /** One key as the feature gets it, and the YAML path it came from, relative to the block. */
    record Setting(String key, String value, String path) {
    }

    /** One bad item or value: where it is in the block ({@code names}, then an index), its key and why. */
    record Problem(List<String> names, Integer index, String key, String reason) {

        /** The path under {@code root}, such as {@code ipguard.groups.admin[1]}. */
        String path(String root) {
            return root + "." + String.join(".", names) + (index == null ? "" : "[" + index + "]");
        }

        /** The problem as the library words its own: {@code ipguard.groups.admin[1]: ipguard.group.admin: reason}. */
        String describe(String root) {
            return path(root) + ": " + key + ": " + reason;
        }

        /** Adds this problem to a Bean Validation context, at its path below the validated block. */
        void addTo(ConstraintValidatorContext context) {
            ConstraintValidatorContext.ConstraintViolationBuilder.NodeBuilderCustomizableContext node =
                    context.buildConstraintViolationWithTemplate(literal(reason)).addPropertyNode(names.get(0));
            for (String name : names.subList(1, names.size())) {
                node = node.addPropertyNode(name);
            }
            if (index == null) {
                node.addConstraintViolation();
            } else {
                node.addBeanNode().inIterable().atIndex(index).addConstraintViolation();
            }
        }
    }

    /** One item or value: the key it belongs to and its path. */
    private record Item(String key, String value, List<String> names, Integer index) {
    }

    static final String EMPTY_ITEM = "is empty; quote an entry that starts with ! or @ (\"!10.9.9.9\"), which YAML "
            + "otherwise reads as a tag or refuses";

    private static final Pattern TEMPLATE_CHARACTERS = Pattern.compile("[\\\\{}$]");

    private YamlMapping() {
    }

    /** The keys the block sets, each with its items joined by commas, in the block's order. */
    static List<Setting> settings(IpGuardFactory block) {
        Map<String, Setting> settings = new LinkedHashMap<>();
        for (Item item : items(block)) {
            String path = String.join(".", item.names());
            settings.merge(item.key(), new Setting(item.key(), item.value(), path), (joined, next) ->
                    new Setting(joined.key(), joined.value() + ", " + next.value(), joined.path()));
        }
        return List.copyOf(settings.values());
    }

    /** Every item and value the library refuses, and every key set twice, in the block's order. */
    static List<Problem> problems(IpGuardFactory block) {
        List<Problem> problems = new ArrayList<>();
        Map<String, String> typed = new LinkedHashMap<>();
        Set<String> badNames = new HashSet<>();
        for (String name : block.getGroups().keySet()) {
            // A bad name once, at the group, rather than at each of its entries.
            Item group = new Item(IpGuardProperties.GROUP_PREFIX + name, "", List.of("groups", String.valueOf(name)), null);
            if (check(group, problems)) {
                badNames.add(group.key());
            }
        }
        for (Item item : items(block)) {
            boolean fromProperties = item.names().get(0).equals("properties");
            if (fromProperties && typed.containsKey(item.key())) {
                problems.add(new Problem(item.names(), item.index(), item.key(), "is also set by " + typed.get(item.key())
                        + "; set it once"));
                continue;
            }
            if (!fromProperties) {
                typed.putIfAbsent(item.key(), String.join(".", item.names()));
            }
            if (item.index() != null && item.value().isBlank()) {
                // YAML reads an unquoted "- !10.9.9.9" as a tag on an empty value: dropping it would drop an exclusion.
                problems.add(new Problem(item.names(), item.index(), item.key(), EMPTY_ITEM));
            } else if (!badNames.contains(item.key())) {
                check(item, problems);
            }
        }
        return problems;
    }

    /** Checks one item with the library's rules; tells whether it found a problem. */
    private static boolean check(Item item, List<Problem> problems) {
        String source = String.join(".", item.names()) + (item.index() == null ? "" : "[" + item.index() + "]");
        try {
            IpGuardFeature.builder().property(item.key(), item.value(), source);
            return false;
        } catch (IpGuardConfigurationException e) {
            for (String problem : e.problems()) {
                problems.add(new Problem(item.names(), item.index(), item.key(), reason(problem, source, item.key())));
            }
            return true;
        }
    }

    /** The library's reason, without the source and key it starts with (the YAML path stands for both). */
    private static String reason(String problem, String source, String key) {
        for (String prefix : new String[] {source + ": " + key + ": ", source + ": "}) {
            if (problem.startsWith(prefix)) {
                return problem.substring(prefix.length());
            }
        }
        return problem;
    }

    private static List<Item> items(IpGuardFactory block) {
        List<Item> items = new ArrayList<>();
        block.getGroups().forEach((name, entries) -> {
            List<String> names = List.of("groups", String.valueOf(name));
            String key = IpGuardProperties.GROUP_PREFIX + name;
            if (entries == null || entries.isEmpty()) {
                items.add(new Item(key, "", names, null)); // a group without entries, which refuses everyone
            }
            list(items, key, entries, names);
        });
        list(items, IpGuardProperties.TRUSTED_PROXIES, block.getTrustedProxies(), List.of("trustedProxies"));
        value(items, IpGuardProperties.CLIENT_IP_HEADER, block.getClientIpHeader(), "clientIpHeader");
        value(items, IpGuardProperties.TRUSTED_HOPS, block.getTrustedHops(), "trustedHops");
        value(items, IpGuardProperties.DENY_STATUS, block.getDenyStatus(), "denyStatus");
        value(items, IpGuardProperties.REPORT_ONLY, block.getReportOnly(), "reportOnly");
        map(items, IpGuardProperties.URL_PREFIX, block.getUrls(), "urls");
        map(items, IpGuardProperties.URL_SELECT_PREFIX, block.getUrlSelect(), "urlSelect");
        map(items, IpGuardProperties.FILE_PREFIX, block.getFiles(), "files");
        value(items, IpGuardProperties.URL_REFRESH_SECONDS, block.getUrlRefreshSeconds(), "urlRefreshSeconds");
        value(items, IpGuardProperties.URL_TIMEOUT_SECONDS, block.getUrlTimeoutSeconds(), "urlTimeoutSeconds");
        value(items, IpGuardProperties.URL_MAX_BYTES, block.getUrlMaxBytes(), "urlMaxBytes");
        value(items, IpGuardProperties.PROVIDER_TIMEOUT_MILLIS, block.getProviderTimeoutMillis(), "providerTimeoutMillis");
        map(items, "", block.getProperties(), "properties");
        return items;
    }

    private static void list(List<Item> items, String key, List<String> entries, List<String> names) {
        if (entries == null) {
            return;
        }
        for (int i = 0; i < entries.size(); i++) {
            String entry = entries.get(i);
            items.add(new Item(key, entry == null ? "" : entry, names, i));
        }
    }

    private static void value(List<Item> items, String key, Object value, String name) {
        if (value != null) {
            items.add(new Item(key, value.toString(), List.of(name), null));
        }
    }

    private static void map(List<Item> items, String prefix, Map<String, String> values, String name) {
        values.forEach((suffix, value) -> items.add(new Item(prefix + suffix, value == null ? "" : value,
                List.of(name, String.valueOf(suffix)), null)));
    }

    /** {@code text} as a Bean Validation message template that stands for itself. */
    private static String literal(String text) {
        return TEMPLATE_CHARACTERS.matcher(text).replaceAll(m -> Matcher.quoteReplacement("\\" + m.group()));
    }
}
