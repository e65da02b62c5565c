package io.ipguard.jaxrs.examples;

import jakarta.json.JsonObject;
import java.util.List;

/** The groups a status document says the configuration defines. */
final class GroupNames {

    private GroupNames() {
    }

    /**
     * Returns the groups the configuration defines, or null when an application's own provider
     * serves the groups, which the status cannot list.
     */
    static List<String> defined(JsonObject status) {
        if (!"configuration".equals(status.getString("lists", ""))) {
            return null;
        }
        return status.getJsonArray("groups").getValuesAs(JsonObject.class).stream()
                .filter(g -> !g.isNull("definedBy")).map(g -> g.getString("name")).toList();
    }
}
