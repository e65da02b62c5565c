package io.ipguard.jaxrs.internal.client;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import org.eclipse.jetty.server.Request;
import org.glassfish.hk2.api.IterableProvider;

/** The peer from Jersey's Jetty (native, not Servlet) container, which binds Jetty's request-scoped {@link Request}. */
public final class JettyPeerSource implements PeerSource {

    public static final String REQUEST_CLASS = "org.eclipse.jetty.server.Request";

    private final IterableProvider<Request> request;

    @Inject
    JettyPeerSource(IterableProvider<Request> request) {
        this.request = request;
    }

    @Override
    public String container() {
        return "org.glassfish.jersey.jetty.JettyHttpContainer";
    }

    @Override
    public boolean serves(ContainerRequestContext context) {
        return request.getHandle() != null;
    }

    @Override
    public String remoteAddress(ContainerRequestContext context) {
        Request current = request.get();
        SocketAddress peer = current == null ? null : current.getConnectionMetaData().getRemoteSocketAddress();
        // The socket address itself, not Request.getRemoteAddr's text, which brackets IPv6.
        return peer instanceof InetSocketAddress inet && inet.getAddress() != null ? inet.getAddress().getHostAddress() : null;
    }
}
