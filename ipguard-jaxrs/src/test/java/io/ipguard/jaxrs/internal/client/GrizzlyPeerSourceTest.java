package io.ipguard.jaxrs.internal.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ipguard.jaxrs.testing.TestServer;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.ext.Provider;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Test;

/**
 * On the Jersey version we build against, the peer is read straight from the request, without
 * the two HK2 lookups per request of the fallback.
 */
class GrizzlyPeerSourceTest {

    /** Records whether the direct read found Grizzly's request, and what address it holds. */
    @Provider
    public static class Probe implements ContainerRequestFilter {
        @Override
        public void filter(ContainerRequestContext request) {
            org.glassfish.grizzly.http.server.Request grizzly = GrizzlyPeerSource.readDirectly(request);
            request.setProperty("probe", grizzly == null ? "not read directly" : grizzly.getRemoteAddr());
        }
    }

    @Path("/probe")
    public static class ProbeResource {
        @GET
        public String get(@Context Request request) {
            return String.valueOf(((ContainerRequest) request).getProperty("probe"));
        }
    }

    @Test
    void whenRequestArrivesOnGrizzly_thenThePeerIsReadDirectly() throws Exception {
        try (TestServer server = TestServer.start(new ResourceConfig(ProbeResource.class, Probe.class))) {
            assertEquals("127.0.0.7", server.get("127.0.0.7", "/probe").body());
        }
    }
}
