package io.ipguard.jaxrs.spring.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ipguard.jaxrs.IpGuardConfigurationException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.OriginLookup;
import org.springframework.boot.origin.SystemEnvironmentOrigin;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;

/** Spring's Environment read under the library's keys: sources, precedence, environment variables, YAML lists. */
class SpringSettingsTest {

    /** The environment variables of a real process, which a test cannot set: Boot's source type, with its origins. */
    static final class Variables extends SystemEnvironmentPropertySource implements OriginLookup<String> {
        Variables(Map<String, Object> variables) {
            super(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables);
        }

        @Override
        public Origin getOrigin(String key) {
            return new SystemEnvironmentOrigin(key);
        }
    }

    /** An environment as Boot lays it out: system properties, then variables, then application.properties and .yml. */
    static StandardEnvironment environment(Map<String, Object> systemProperties, Map<String, Object> variables)
            throws Exception {
        StandardEnvironment environment = new StandardEnvironment();
        var sources = environment.getPropertySources();
        sources.replace(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME,
                new MapPropertySource(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME, systemProperties));
        sources.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new Variables(variables));
        new PropertiesPropertySourceLoader().load("application.properties", new ClassPathResource("settings/application.properties"))
                .forEach(sources::addLast);
        new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("settings/application.yml"))
                .forEach(sources::addLast);
        return environment;
    }

    private static final String FILE = "class path resource [settings/application.properties]";

    @Test
    void whenApplicationFilesSetKeys_thenEachIsReadWithItsFileAndLine() throws Exception {
        List<SpringSettings.Found> found = SpringSettings.read(environment(Map.of(), Map.of()));

        assertEquals(List.of(
                new SpringSettings.Found("ipguard.deny-status", "404", FILE + " - 2:21"),
                new SpringSettings.Found("ipguard.group.admin", "10.0.0.0/8, 192.0.2.1", FILE + " - 3:21"),
                new SpringSettings.Found("ipguard.group.my-team", "198.51.100.0/24", FILE + " - 4:23"),
                new SpringSettings.Found("ipguard.trusted-proxies", "10.0.0.5", FILE + " - 5:25"),
                // A YAML list is one value, named by its first element's place.
                new SpringSettings.Found("ipguard.group.office", "192.0.2.0/24, 2001:db8::/32, !192.0.2.66",
                        "class path resource [settings/application.yml] - 4:9"),
                new SpringSettings.Found("ipguard.report-only", "true", "class path resource [settings/application.yml] - 7:16")),
                found);
    }

    @Test
    void whenSystemPropertiesAndVariablesSetAKey_thenTheyOverrideTheFilesInSpringsOrder() throws Exception {
        var environment = environment(Map.of("ipguard.deny-status", "403", "proxies", "10.0.0.6"),
                Map.of("IPGUARD_DENY_STATUS", "404", "IPGUARD_GROUP_ADMIN", "127.0.0.1", "IPGUARD_GROUP_MY_TEAM", "127.0.0.2",
                        "IPGUARD_ENABLED", "true", "PATH", "/usr/bin"));

        Map<String, SpringSettings.Found> found = byKey(SpringSettings.read(environment));

        assertEquals(new SpringSettings.Found("ipguard.deny-status", "403", "property source 'systemProperties'"),
                found.get("ipguard.deny-status"));
        assertEquals(new SpringSettings.Found("ipguard.group.admin", "127.0.0.1",
                "System Environment Property \"IPGUARD_GROUP_ADMIN\""), found.get("ipguard.group.admin"));
        // Boot's relaxed binding: the variable overrides the group the file names with a dash.
        assertEquals(new SpringSettings.Found("ipguard.group.my-team", "127.0.0.2",
                "System Environment Property \"IPGUARD_GROUP_MY_TEAM\""), found.get("ipguard.group.my-team"));
        // Placeholders resolve against the whole environment.
        assertEquals("10.0.0.6", found.get("ipguard.trusted-proxies").value());
        // The starter's own switch is never passed to the library, which knows no such key.
        assertEquals(Set.of("ipguard.deny-status", "ipguard.group.admin", "ipguard.group.my-team", "ipguard.trusted-proxies",
                "ipguard.group.office", "ipguard.report-only"), found.keySet());
    }

    @Test
    void whenAPlaceholderCannotBeResolved_thenTheErrorNamesTheKeyAndItsPlace() throws Exception {
        var environment = environment(Map.of(), Map.of());
        environment.getPropertySources().addFirst(new MapPropertySource("test",
                Map.of("ipguard.client-ip-header", "${HEADER}")));

        IpGuardConfigurationException e = assertThrows(IpGuardConfigurationException.class,
                () -> SpringSettings.read(environment));

        assertEquals("invalid ipguard configuration: property source 'test': ipguard.client-ip-header: "
                + "Could not resolve placeholder 'HEADER' in value \"${HEADER}\"", e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
        "IPGUARD_GROUP_ADMIN, ipguard.group.admin",
        "IPGUARD_GROUP_MY_TEAM, ipguard.group.my-team",
        "IPGUARD_GROUP_MYTEAM, ipguard.group.my-team",
        "IPGUARD_GROUP_OPS_EU, ipguard.group.ops_eu",
        "IPGUARD_DENY_STATUS, ipguard.deny-status",
        "IPGUARD_DENYSTATUS, ipguard.deny-status",
        "IPGUARD_TRUSTED_PROXIES, ipguard.trusted-proxies",
        "IPGUARD_URL_MAX_BYTES, ipguard.url-max-bytes",
        "IPGUARD_URL_MAX_BYTES_AWS, ipguard.url-max-bytes.aws",
        "IPGUARD_URLMAXBYTES_AWS, ipguard.url-max-bytes.aws",
        "IPGUARD_URL_SELECT_AWS, ipguard.url-select.aws",
        "IPGUARD_URLSELECT_AWS, ipguard.url-select.aws",
        "IPGUARD_URL_AWS, ipguard.url.aws",
        "IPGUARD_FILE_PARTNERS, ipguard.file.partners",
        "IPGUARD_ENABLED, ipguard.enabled",
        "IPGUARD_GRUP_ADMIN, ipguard.grup-admin",
        "IPGUARD_GROUP_, ipguard.group-",
        "ipguard_group_admin, null",
        "PATH, null",
    })
    void whenAVariableIsRead_thenItStandsForTheKeyBootWouldBindItTo(String variable, String key) {
        assertEquals(key, SpringSettings.variableKey(variable, Set.of("ipguard.group.my-team", "ipguard.group.admin")));
    }

    private static Map<String, SpringSettings.Found> byKey(List<SpringSettings.Found> found) {
        Map<String, SpringSettings.Found> byKey = new java.util.LinkedHashMap<>();
        found.forEach(f -> byKey.put(f.key(), f));
        return byKey;
    }
}
