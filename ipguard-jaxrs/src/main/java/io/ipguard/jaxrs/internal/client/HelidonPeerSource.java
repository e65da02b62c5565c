package io.ipguard.jaxrs.internal.client;

import jakarta.ws.rs.container.ContainerRequestContext;

/**
 * The peer from Helidon 4's Jersey container (Helidon MP), which binds no request type the guard
 * knows but sets the peer as a request property: {@code io.helidon.jaxrs.remote-host}, the socket
 * address's host string ({@code 127.0.0.1}, {@code 0:0:0:0:0:0:0:1}). No Helidon class is needed.
 * Should the property ever hold a name rather than an address, the peer lookup refuses it.
 * Thread-safe.
 */
public final class HelidonPeerSource implements PeerSource {

    /** A class that exists wherever Helidon 4's web server does. */
    public static final String REQUEST_CLASS = "io.helidon.webserver.http.ServerRequest";
    static final String HOST_PROPERTY = "io.helidon.jaxrs.remote-host";

    private final String container;

    private HelidonPeerSource(String container) {
        this.container = container;
    }

    /** Helidon 4.0 to 4.2 ({@code io.helidon.microprofile.server}), and 4.3 on ({@code io.helidon.jersey.webserver}). */
    public static HelidonPeerSource[] all() {
        return new HelidonPeerSource[] {
            new HelidonPeerSource("io.helidon.microprofile.server.JaxRsService$HelidonJerseyContainer"),
            new HelidonPeerSource("io.helidon.jersey.webserver.JaxRsService$HelidonJerseyContainer")};
    }

    @Override
    public String container() {
        return container;
    }

    @Override
    public boolean serves(ContainerRequestContext request) {
        return request.getProperty(HOST_PROPERTY) instanceof String;
    }

    @Override
    public String remoteAddress(ContainerRequestContext request) {
        return request.getProperty(HOST_PROPERTY) instanceof String host ? host : null;
    }
}
