package io.ipguard.jaxrs.internal.client;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.glassfish.hk2.api.IterableProvider;

/** The peer from a Servlet container, where Jersey binds a proxy of the current {@link HttpServletRequest}. */
public final class ServletPeerSource implements PeerSource {

    public static final String REQUEST_CLASS = "jakarta.servlet.http.HttpServletRequest";

    private final IterableProvider<HttpServletRequest> request;

    @Inject
    ServletPeerSource(IterableProvider<HttpServletRequest> request) {
        this.request = request;
    }

    @Override
    public String container() {
        return "org.glassfish.jersey.servlet.ServletContainer";
    }

    @Override
    public boolean serves(ContainerRequestContext context) {
        return request.getHandle() != null;
    }

    @Override
    public String remoteAddress(ContainerRequestContext context) {
        HttpServletRequest current = request.get();
        return current == null ? null : current.getRemoteAddr();
    }
}
