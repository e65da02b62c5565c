package io.ipguard.jaxrs.internal;

import io.ipguard.jaxrs.ClientAddress;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.glassfish.jersey.server.ExtendedUriInfo;

/**
 * Whether the guard decided a request, for the backstop. The guard stores the client it found as
 * {@link ClientAddress#PROPERTY} on every request it decides, which costs nothing more on the
 * allowed path; a refusal also gets a marker only the guard sets. Application code that sets
 * {@code ClientAddress.PROPERTY} itself cannot make the backstop skip an answer Jersey gave while
 * matching: with no matched method, the guard cannot have run, whatever the property says.
 */
final class Verdict {

    private static final String REFUSED = Verdict.class.getName() + ".refused";
    private static final Object MARK = new Object();

    private Verdict() {
    }

    static void markRefused(ContainerRequestContext request) {
        request.setProperty(REFUSED, MARK);
    }

    static boolean refused(ContainerRequestContext request) {
        return request.getProperty(REFUSED) == MARK;
    }

    /** Whether the guard let this request through (allowed, exempt from it, or report-only). */
    static boolean admitted(ContainerRequestContext request) {
        return request.getProperty(ClientAddress.PROPERTY) != null
                && ((ExtendedUriInfo) request.getUriInfo()).getMatchedResourceMethod() != null;
    }
}
