package io.ipguard.jaxrs.internal;

import jakarta.inject.Inject;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.hk2.api.IterableProvider;

/** The peer from Jersey's Grizzly HTTP container, which binds its request-scoped {@link Request}. */
final class GrizzlyPeerSource implements PeerSource {

    static final String REQUEST_CLASS = "org.glassfish.grizzly.http.server.Request";

    private final IterableProvider<Request> request;

    @Inject
    GrizzlyPeerSource(IterableProvider<Request> request) {
        this.request = request;
    }

    @Override
    public boolean isBound() {
        return request.getHandle() != null;
    }

    @Override
    public String remoteAddress() {
        Request current = request.get();
        return current == null ? null : current.getRemoteAddr();
    }
}
