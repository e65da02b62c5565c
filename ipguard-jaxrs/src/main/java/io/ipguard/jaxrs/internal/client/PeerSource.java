package io.ipguard.jaxrs.internal.client;

import jakarta.ws.rs.container.ContainerRequestContext;

/** The TCP peer address as one kind of container reports it. Implementations are thread-safe. */
public interface PeerSource {

    /** The class name of the Jersey container this source reads (a subclass of it counts too). */
    String container();

    /** Whether this source can read the peer of requests like this one (asked on the first request). */
    boolean serves(ContainerRequestContext request);

    /** The peer address text of the current request, or null if the container gives none. */
    String remoteAddress(ContainerRequestContext request);
}
