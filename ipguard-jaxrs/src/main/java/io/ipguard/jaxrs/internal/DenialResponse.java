package io.ipguard.jaxrs.internal;

import jakarta.ws.rs.core.Response;

/**
 * The refusal sent to a client: an RFC 9457 problem document with only a title and a status,
 * so that nothing about the configuration (groups, lists, the client's address) leaks.
 */
public final class DenialResponse {

    public static final String MEDIA_TYPE = "application/problem+json";

    private final int status;
    private final String body;

    public DenialResponse(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        this.status = status;
        this.body = "{\"title\":\"" + known.getReasonPhrase() + "\",\"status\":" + status + "}";
    }

    /** A new response each time: a {@link Response} is not meant to be shared between requests. */
    public Response build() {
        return Response.status(status).type(MEDIA_TYPE).entity(body).build();
    }
}
