package io.ipguard.jaxrs.examples;

import io.ipguard.jaxrs.Explanation;
import io.ipguard.jaxrs.IpGuardInspector;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import java.util.Map;

/**
 * What the check command asks a guard: its status document and an explanation, in the form the
 * status resource serves them, whether the guard is loaded here or running on a server.
 */
interface GuardAnswers {

    /** The document of {@link IpGuardInspector#statusJson()}. */
    JsonObject status();

    /** {@code {"allowed": ..., "client": ..., "group": ..., "explanation": ...}}, as the status resource's {@code explain}. */
    JsonObject explain(String peer, Map<String, List<String>> headers, String group);

    /** A guard loaded in this process. */
    record Local(IpGuardInspector inspector) implements GuardAnswers {

        @Override
        public JsonObject status() {
            return Json.createReader(new StringReader(inspector.statusJson())).readObject();
        }

        @Override
        public JsonObject explain(String peer, Map<String, List<String>> headers, String group) {
            Explanation explanation = inspector.explain(peer, headers, group);
            return Json.createObjectBuilder()
                    .add("allowed", explanation.allowed())
                    .add("client", String.valueOf(explanation.client()))
                    .add("group", group)
                    .add("explanation", explanation.toString())
                    .build();
        }
    }
}
