package io.ipguard.jaxrs.internal.lists;

import io.ipguard.jaxrs.internal.address.ListEntry;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/**
 * Takes the addresses a {@link ListSelection} names from a JSON document, with Jakarta JSON
 * Processing. The only class that names JSON-P: it is loaded only when a JSON selection is
 * configured. Errors name the origin and the JSON pointer of the value ({@code /prefixes/12/ip_prefix}).
 */
public final class JsonListReader {

    /** A value met while walking a path, and where it stands. */
    private record Node(JsonValue value, String pointer) {
    }

    private JsonListReader() {
    }

    /**
     * Checks that an implementation is there.
     *
     * @throws IllegalStateException if the API is present but no implementation is
     */
    public static void requireProvider() {
        try {
            JsonProvider.provider();
        } catch (JsonException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /**
     * Adds the selected addresses to {@code entries} and a message to {@code problems} for each
     * value that is not one; returns them as written, comma-separated.
     */
    static String read(String text, ListSelection selection, String origin, List<ListEntry> entries,
                       List<String> problems) {
        JsonValue root;
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            root = reader.readValue();
        } catch (JsonException e) {
            problems.add(origin + ": not a JSON document: " + e.getMessage());
            return "";
        }
        StringBuilder written = new StringBuilder();
        int selected = 0;
        int problemsBefore = problems.size();
        for (List<ListSelection.Step> path : selection.paths()) {
            List<Node> nodes = walk(root, path);
            if (nodes.isEmpty() && !present(root, path, lastFieldsOfOthers(selection, path))) {
                // Its fields are gone (renamed by the publisher), which is not the same as filters selecting nothing:
                // one part of a list must not empty silently while another still matches.
                problems.add(origin + ": " + String.join(".", path.stream().map(ListSelection.Step::field).toList())
                        + " is not in the document, or a field its filters read is not");
            }
            for (Node node : nodes) {
                selected++;
                if (!(node.value() instanceof JsonString string)) {
                    problems.add(origin + ": " + node.pointer() + ": " + node.value().getValueType().name().toLowerCase(
                            java.util.Locale.ROOT) + " where an address was expected");
                    continue;
                }
                String entry = string.getString().strip();
                try {
                    entries.add(ListEntry.parse(entry));
                    written.append(written.length() == 0 ? "" : ", ").append(entry);
                } catch (ListEntry.InvalidEntryException e) {
                    problems.add(origin + ": " + node.pointer() + ": " + e.getMessage());
                }
            }
        }
        if (selected == 0 && problems.size() == problemsBefore) {
            // A selection that misses (a renamed field, a filter value that no longer occurs) must not pass for an empty list.
            problems.add(origin + ": the selection matched no value in the document");
        }
        return written.toString();
    }

    /**
     * Whether the document still has the shape the path names: each field, and each field a filter
     * reads, occurs on some element along the path, on the elements the filters select when they
     * select any. An empty array ends the check as present: there is nothing below it to look at.
     */
    private static boolean present(JsonValue root, List<ListSelection.Step> path, java.util.Set<String> othersLast) {
        List<JsonValue> values = List.of(root);
        boolean filtered = false;
        for (ListSelection.Step step : path) {
            List<JsonValue> next = new ArrayList<>();
            boolean found = false;
            for (JsonValue value : values) {
                if (value instanceof JsonObject object && object.containsKey(step.field())) {
                    found = true;
                    JsonValue field = object.get(step.field());
                    if (field instanceof JsonArray array) {
                        next.addAll(array);
                    } else {
                        next.add(field);
                    }
                }
            }
            if (!found) {
                // Elements a filter selected that all hold another path's field are of that kind (Google's
                // cloud.json mixes ipv4Prefix and ipv6Prefix elements; a region may have no IPv6): not a rename.
                return filtered && values.stream().allMatch(v -> v instanceof JsonObject object
                        && othersLast.stream().anyMatch(object::containsKey));
            }
            if (next.isEmpty()) {
                return true;
            }
            for (ListSelection.Filter filter : step.filters()) {
                if (next.stream().noneMatch(v -> v instanceof JsonObject object && object.containsKey(filter.field()))) {
                    return false;
                }
            }
            // Below a filter, the next field must be on the elements it selects (when it selects any):
            // a field renamed in the selected elements only is gone, whatever other elements hold.
            List<JsonValue> selected = new ArrayList<>();
            for (JsonValue value : next) {
                if (step.filters().stream().allMatch(f -> value instanceof JsonObject object
                        && passes(object.get(f.field()), f))) {
                    selected.add(value);
                }
            }
            filtered = !step.filters().isEmpty() && !selected.isEmpty();
            values = selected.isEmpty() ? next : selected;
        }
        return true;
    }

    /** The last field of each of the selection's paths but {@code path}. */
    private static java.util.Set<String> lastFieldsOfOthers(ListSelection selection, List<ListSelection.Step> path) {
        java.util.Set<String> fields = new java.util.HashSet<>();
        for (List<ListSelection.Step> other : selection.paths()) {
            if (other != path) {
                fields.add(other.get(other.size() - 1).field());
            }
        }
        fields.remove(path.get(path.size() - 1).field());
        return fields;
    }

    private static List<Node> walk(JsonValue root, List<ListSelection.Step> path) {
        List<Node> nodes = List.of(new Node(root, ""));
        for (ListSelection.Step step : path) {
            List<Node> next = new ArrayList<>();
            for (Node node : nodes) {
                if (!(node.value() instanceof JsonObject object) || !object.containsKey(step.field())) {
                    continue;
                }
                JsonValue value = object.get(step.field());
                String pointer = node.pointer() + "/" + step.field();
                if (value instanceof JsonArray array) {
                    for (int i = 0; i < array.size(); i++) {
                        add(next, new Node(array.get(i), pointer + "/" + i), step);
                    }
                } else {
                    add(next, new Node(value, pointer), step);
                }
            }
            nodes = next;
        }
        return nodes;
    }

    private static void add(List<Node> next, Node node, ListSelection.Step step) {
        for (ListSelection.Filter filter : step.filters()) {
            if (!(node.value() instanceof JsonObject object) || !passes(object.get(filter.field()), filter)) {
                return;
            }
        }
        next.add(node);
    }

    private static boolean passes(JsonValue field, ListSelection.Filter filter) {
        if (filter.contains()) {
            return field instanceof JsonArray array && array.stream().anyMatch(v -> filter.value().equals(text(v)));
        }
        return field != null && filter.value().equals(text(field));
    }

    /** A scalar as text ({@code "EC2"} is EC2, {@code 5} is 5); null for arrays and objects. */
    private static String text(JsonValue value) {
        if (value instanceof JsonString string) {
            return string.getString();
        }
        if (value instanceof JsonNumber || value == JsonValue.TRUE || value == JsonValue.FALSE) {
            return value.toString();
        }
        return null;
    }
}
