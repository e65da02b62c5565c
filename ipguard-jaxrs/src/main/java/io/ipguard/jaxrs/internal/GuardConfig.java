package io.ipguard.jaxrs.internal;

import io.ipguard.jaxrs.IpGuardConfigurationException;
import io.ipguard.jaxrs.IpGuardProperties;
import io.ipguard.jaxrs.IpSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The validated configuration: refusal behaviour and the compiled groups. Immutable. */
public record GuardConfig(int denyStatus, boolean reportOnly, Map<String, IpSet> groups) {

    private static final Pattern GROUP_NAME = Pattern.compile("[A-Za-z0-9._-]+");

    public GuardConfig {
        groups = Map.copyOf(groups);
    }

    /**
     * Validates every setting and compiles the groups.
     *
     * @throws IpGuardConfigurationException listing every problem found
     */
    public static GuardConfig parse(Collection<Setting> settings) {
        List<String> problems = new ArrayList<>();
        int denyStatus = 403;
        boolean reportOnly = false;
        Map<String, IpSet> groups = new LinkedHashMap<>();
        for (Setting s : settings) {
            String key = s.key();
            String value = s.value().strip();
            if (key.startsWith(IpGuardProperties.GROUP_PREFIX)) {
                String name = key.substring(IpGuardProperties.GROUP_PREFIX.length());
                if (!GROUP_NAME.matcher(name).matches()) {
                    problems.add(s.where() + ": invalid group name \"" + name
                            + "\"; use letters, digits, '.', '_' and '-'");
                } else {
                    groups.put(name, EntryListParser.parse(s.value(), s.where(), problems));
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
            } else {
                problems.add(s.where() + ": unknown key");
            }
        }
        if (!problems.isEmpty()) {
            throw new IpGuardConfigurationException(problems);
        }
        return new GuardConfig(denyStatus, reportOnly, groups);
    }
}
