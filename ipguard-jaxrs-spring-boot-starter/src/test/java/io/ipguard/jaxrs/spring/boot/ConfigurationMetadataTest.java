package io.ipguard.jaxrs.spring.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.ipguard.jaxrs.IpGuardProperties;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The configuration metadata IDEs complete {@code application.properties} from lists exactly the
 * library's keys, each constant and prefix of {@link IpGuardProperties} (a prefix as a map of names),
 * and the starter's own two switches, each with a description.
 */
class ConfigurationMetadataTest {

    private static final Set<String> STARTERS_OWN = Set.of("ipguard.enabled", "management.health.ipguard.enabled");

    @Test
    void whenAnIdeReadsTheMetadata_thenItOffersEveryKeyOfTheLibraryAndNoOther() throws Exception {
        TreeMap<String, JsonObject> properties = new TreeMap<>();
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            Json.createReader(in).readObject().getJsonArray("properties").getValuesAs(JsonObject.class)
                    .forEach(p -> properties.put(p.getString("name"), p));
        }
        TreeSet<String> expected = new TreeSet<>(STARTERS_OWN);
        List<String> problems = new ArrayList<>();
        for (Field field : IpGuardProperties.class.getFields()) {
            String value = (String) field.get(null);
            if (!Modifier.isStatic(field.getModifiers()) || !value.startsWith(IpGuardProperties.PREFIX)
                    || value.equals(IpGuardProperties.PREFIX)) {
                continue; // DEFAULT_GROUP is a group's name, PREFIX the shared beginning of every key
            }
            boolean prefix = value.endsWith(".");
            String name = prefix ? value.substring(0, value.length() - 1) : value;
            expected.add(name);
            JsonObject property = properties.get(name);
            // ipguard.url-max-bytes is a key and, with .<name>, a prefix: one entry, an Integer, says both.
            boolean alsoAKey = prefix && isKey(name);
            if (property != null && prefix && !alsoAKey && !property.getString("type").startsWith("java.util.Map<")) {
                problems.add(name + " is a prefix (" + field.getName() + ") but typed " + property.getString("type"));
            }
            if (property != null && alsoAKey && !property.getString("description").contains(name + ".<name>")) {
                problems.add(name + " does not tell about " + name + ".<name>");
            }
        }
        properties.values().forEach(p -> {
            if (p.getString("description", "").isBlank()) {
                problems.add(p.getString("name") + " has no description");
            }
        });
        assertEquals(expected, properties.navigableKeySet());
        assertEquals(List.of(), problems);
        assertFalse(expected.contains(IpGuardProperties.PREFIX));
    }

    private static boolean isKey(String name) throws IllegalAccessException {
        for (Field field : IpGuardProperties.class.getFields()) {
            if (name.equals(field.get(null))) {
                return true;
            }
        }
        return false;
    }
}
