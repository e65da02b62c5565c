package io.ipguard.jaxrs.testing;

import java.io.IOException;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.servlet.ServletContainer;

/** Embedded Jetty serving an application through Jersey's servlet container, on an ephemeral port of every address. */
public final class JettyServer implements AutoCloseable {

    private final Server jetty;
    private final int port;

    private JettyServer(Server jetty, int port) {
        this.jetty = jetty;
        this.port = port;
    }

    public static JettyServer start(ResourceConfig application) throws Exception {
        Server jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost("0.0.0.0");
        connector.setPort(0);
        jetty.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        context.addServlet(new ServletHolder(new ServletContainer(application)), "/*");
        jetty.setHandler(context);
        jetty.start();
        return new JettyServer(jetty, connector.getLocalPort());
    }

    public int port() {
        return port;
    }

    /** Sends a request from {@code source} (an IPv4 loopback or ::1). */
    public RawHttp.Response request(String method, String source, String path, String body, String... headerLines)
            throws IOException {
        return RawHttp.request(method, source, source.contains(":") ? "::1" : "127.0.0.1", port, path, body, headerLines);
    }

    @Override
    public void close() throws Exception {
        jetty.stop();
    }
}
