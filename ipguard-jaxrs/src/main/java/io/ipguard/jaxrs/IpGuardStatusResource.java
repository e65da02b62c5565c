package io.ipguard.jaxrs;

import io.ipguard.jaxrs.internal.io.JsonText;
import io.ipguard.jaxrs.internal.runtime.DecisionMark;
import io.ipguard.jaxrs.internal.runtime.UndecidedStatusRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the running guard has in force, as JSON, for operators: {@link IpGuardInspector#statusJson()}
 * at its path, and at {@code explain} what the guard would decide for a peer, headers and a group,
 * so that a tool asks the server rather than loading lists of its own. An application registers a
 * subclass that says where it is served and which group may read it, and adds it to its resources:
 *
 * <pre>{@code
 * @Path("/ipguard/status")
 * @Whitelisted(group = "admin")
 * public class GuardStatus extends IpGuardStatusResource {
 * }
 * }</pre>
 *
 * <p>The status tells which addresses get in, so it is never open: deployment stops when no group
 * guards a subclass (or {@code @AnyClient} exempts it), and a request the guard did not admit (one
 * that reached it through an open locator) is refused as the guard refuses. It may be registered
 * as a class or as an instance. docs/status.md describes the document.
 */
public abstract class IpGuardStatusResource {

    /** For subclasses, which say where and for whom. */
    protected IpGuardStatusResource() {
    }

    /**
     * Returns the guard's status.
     *
     * @param request the request, which the guard must have admitted
     * @param inspector the running guard's inspector
     * @return {@code 200} with the document of {@link IpGuardInspector#statusJson()}
     */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response status(@Context ContainerRequestContext request, @Context IpGuardInspector inspector) {
        requireAdmitted(request, "status");
        return Response.ok(inspector.statusJson(), MediaType.APPLICATION_JSON_TYPE).build();
    }

    /**
     * Explains what the guard would decide for a request from {@code peer} carrying {@code header}s
     * to a resource guarded by {@code group}, under the lists in force, as
     * {@link IpGuardInspector#explain} does: {@code {"allowed": false, "client": "203.0.113.9",
     * "group": "admin", "explanation": "refused: ..."}}.
     *
     * @param request the request, which the guard must have admitted
     * @param inspector the running guard's inspector
     * @param peer the TCP peer address
     * @param group the group; {@code default} if absent
     * @param headers request headers, each {@code Name: value}
     * @return {@code 200} with the answer; {@code 400} with {@code {"error": ...}} if an argument is wrong
     */
    @GET
    @Path("explain")
    @Produces(MediaType.APPLICATION_JSON)
    public Response explain(@Context ContainerRequestContext request, @Context IpGuardInspector inspector,
                            @QueryParam("peer") String peer, @QueryParam("group") String group,
                            @QueryParam("header") List<String> headers) {
        requireAdmitted(request, "explain");
        String chosen = group == null || group.isEmpty() ? IpGuardProperties.DEFAULT_GROUP : group;
        Map<String, List<String>> byName = new LinkedHashMap<>();
        for (String header : headers) {
            int colon = header.indexOf(':');
            if (colon <= 0) {
                return badRequest("header must look like \"Name: value\", not \"" + header + "\"");
            }
            byName.computeIfAbsent(header.substring(0, colon).strip(), name -> new ArrayList<>())
                    .add(header.substring(colon + 1).strip());
        }
        if (peer == null || peer.isEmpty()) {
            return badRequest("peer is required: the address the request would come from");
        }
        Explanation explanation;
        try {
            explanation = inspector.explain(peer, byName, chosen);
        } catch (IllegalArgumentException e) {
            return badRequest(e.getMessage());
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("allowed", explanation.allowed());
        answer.put("client", explanation.client().isKnown() ? explanation.client().toString() : null);
        answer.put("group", chosen);
        answer.put("explanation", explanation.toString());
        return Response.ok(JsonText.write(answer), MediaType.APPLICATION_JSON_TYPE).build();
    }

    private void requireAdmitted(ContainerRequestContext request, String method) {
        if (!DecisionMark.admitted(request)) {
            throw new UndecidedStatusRequest(getClass().getName() + "." + method);
        }
    }

    private static Response badRequest(String error) {
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(JsonText.write(Map.of("error", error))).build();
    }
}
