package io.ipguard.jaxrs.testing;

import java.io.IOException;
import java.net.URI;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;

/**
 * A real Grizzly server on an ephemeral port, bound to the wildcard address so that clients
 * from any 127.0.0.x and from ::1 reach it. JAXB is on the test class path, so Jersey's WADL is on,
 * as in many real applications.
 */
public final class TestServer implements AutoCloseable {

    private final HttpServer server;

    private TestServer(HttpServer server) {
        this.server = server;
    }

    /** Starts the application; a deployment error propagates. */
    public static TestServer start(ResourceConfig application) throws IOException {
        return start(application, false);
    }

    /**
     * Starts the application, with Grizzly's header limits (8 KiB, 100 field lines) raised to 1 MiB
     * and 20,000 when {@code largeHeaders}, so that huge headers reach the guard instead of being
     * rejected by the container.
     */
    public static TestServer start(ResourceConfig application, boolean largeHeaders) throws IOException {
        HttpServer server = GrizzlyHttpServerFactory.createHttpServer(URI.create("http://0.0.0.0:0/"), application, false);
        if (largeHeaders) {
            server.getListeners().forEach(listener -> {
                listener.setMaxHttpHeaderSize(1 << 20);
                listener.setMaxRequestHeaders(20_000);
            });
        }
        try {
            server.start();
        } catch (IOException | RuntimeException e) {
            server.shutdownNow();
            throw e;
        }
        return new TestServer(server);
    }

    public int port() {
        return server.getListeners().iterator().next().getPort();
    }

    /** GET {@code path} from source address {@code source} (an IPv4 loopback or ::1). */
    public RawHttp.Response get(String source, String path, String... headerLines) throws IOException {
        String target = source.contains(":") ? "::1" : "127.0.0.1";
        return RawHttp.get(source, target, port(), path, headerLines);
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}
