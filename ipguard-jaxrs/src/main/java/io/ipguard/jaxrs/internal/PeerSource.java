package io.ipguard.jaxrs.internal;

import jakarta.ws.rs.container.ContainerRequestContext;

/** The TCP peer address as one kind of container reports it. Implementations are thread-safe. */
interface PeerSource {

    /** Whether this container's request type is bound in the running application. */
    boolean isBound();

    /** The peer address text of the current request, or null if the container gives none. */
    String remoteAddress(ContainerRequestContext request);
}
