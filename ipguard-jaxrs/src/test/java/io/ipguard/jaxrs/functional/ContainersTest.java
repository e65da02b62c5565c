package io.ipguard.jaxrs.functional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ipguard.jaxrs.ClientAddress;
import io.ipguard.jaxrs.ClientIpResolver;
import io.ipguard.jaxrs.IpGuardConfigurationException;
import io.ipguard.jaxrs.IpGuardFeature;
import io.ipguard.jaxrs.testing.JettyServer;
import io.ipguard.jaxrs.testing.RawHttp;
import io.ipguard.jaxrs.testing.Resources;
import io.ipguard.jaxrs.testing.TestServer;
import io.netty.channel.Channel;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.glassfish.hk2.utilities.binding.AbstractBinder;
import org.glassfish.jersey.jdkhttp.JdkHttpServerFactory;
import org.glassfish.jersey.jetty.JettyHttpContainerFactory;
import org.glassfish.jersey.netty.httpserver.NettyHttpContainerProvider;
import org.glassfish.jersey.server.ApplicationHandler;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.spi.Container;
import org.glassfish.jersey.servlet.ServletContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every Jersey container users pick: the guard reads the TCP peer on each, end to end on a real
 * server, from IPv4 clients and ::1. A container it cannot read stops start-up, naming itself and
 * the remedy, rather than refusing every request once it runs.
 */
class ContainersTest {

    /** A running server of one container, and how to stop it. */
    private record Running(int port, AutoCloseable stop) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            stop.close();
        }
    }

    private static ResourceConfig application() {
        return new ResourceConfig(Resources.Reports.class, Resources.Open.class)
                .register(IpGuardFeature.class)
                .property("ipguard.group.default", "127.0.0.2, ::1")
                .property("ipguard.group.admin", "127.0.0.3");
    }

    private static Running start(String container) throws Exception {
        ResourceConfig app = application();
        switch (container) {
            case "grizzly" -> {
                TestServer server = TestServer.start(app);
                return new Running(server.port(), server);
            }
            case "jdk-http" -> {
                com.sun.net.httpserver.HttpServer server = JdkHttpServerFactory.createHttpServer(URI.create("http://0.0.0.0:0/"), app);
                return new Running(server.getAddress().getPort(), () -> server.stop(0));
            }
            case "jetty-http" -> {
                Server server = JettyHttpContainerFactory.createServer(URI.create("http://0.0.0.0:0/"), app, false);
                server.start();
                return new Running(((ServerConnector) server.getConnectors()[0]).getLocalPort(), server::stop);
            }
            case "netty-http" -> {
                Channel channel = NettyHttpContainerProvider.createServer(URI.create("http://0.0.0.0:0/"), app, false);
                return new Running(((InetSocketAddress) channel.localAddress()).getPort(), () -> channel.close().sync());
            }
            case "jetty-servlet" -> {
                JettyServer server = JettyServer.start(app);
                return new Running(server.port(), server);
            }
            case "tomcat-servlet" -> {
                Tomcat tomcat = new Tomcat();
                tomcat.setBaseDir(Files.createTempDirectory("tomcat").toString());
                tomcat.setPort(0);
                tomcat.getConnector();
                Context context = tomcat.addContext("", Files.createTempDirectory("tomcat-docs").toString());
                Tomcat.addServlet(context, "jersey", new ServletContainer(app));
                context.addServletMappingDecoded("/*", "jersey");
                tomcat.start();
                return new Running(tomcat.getConnector().getLocalPort(), () -> {
                    tomcat.stop();
                    tomcat.destroy();
                });
            }
            default -> throw new IllegalArgumentException(container);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"grizzly", "jdk-http", "jetty-http", "netty-http", "jetty-servlet", "tomcat-servlet"})
    void whenServedByThisContainer_thenTheGuardDecidesOnTheTcpPeer(String container) throws Exception {
        try (Running server = start(container)) {
            assertEquals("reports for 127.0.0.2", RawHttp.get("127.0.0.2", "127.0.0.1", server.port(), "/reports").body());
            assertEquals("reports for ::1", RawHttp.get("::1", "::1", server.port(), "/reports").body());
            assertEquals(403, RawHttp.get("127.0.0.5", "127.0.0.1", server.port(), "/reports").status());
            assertEquals(200, RawHttp.get("127.0.0.3", "127.0.0.1", server.port(), "/reports/secret").status());
            assertEquals(403, RawHttp.get("127.0.0.2", "127.0.0.1", server.port(), "/reports/secret").status());
            // Forwarding headers from clients are ignored on every container.
            assertEquals(403, RawHttp.get("127.0.0.5", "127.0.0.1", server.port(), "/reports",
                    "X-Forwarded-For: 127.0.0.2").status());
            assertEquals("open 127.0.0.6", RawHttp.get("127.0.0.6", "127.0.0.1", server.port(), "/open").body());
        }
    }

    /** A container ipguard knows nothing about. */
    private static final class UnknownContainer implements Container {
        private final ApplicationHandler handler;

        UnknownContainer(ApplicationHandler handler) {
            this.handler = handler;
        }

        @Override
        public ResourceConfig getConfiguration() {
            return handler.getConfiguration();
        }

        @Override
        public ApplicationHandler getApplicationHandler() {
            return handler;
        }

        @Override
        public void reload() {
        }

        @Override
        public void reload(ResourceConfig configuration) {
        }
    }

    @Test
    void whenContainerIsOneTheGuardCannotRead_thenStartUpFailsNamingItAndTheRemedy() {
        ApplicationHandler handler = new ApplicationHandler(application());

        IpGuardConfigurationException e = assertThrows(IpGuardConfigurationException.class,
                () -> handler.onStartup(new UnknownContainer(handler)));

        assertEquals(List.of("this application runs in " + UnknownContainer.class.getName() + ", from which ipguard cannot "
                + "read the TCP peer address (it reads Jersey's Grizzly, Jetty, JDK HTTP server, Netty and Servlet "
                + "containers); bind a ClientIpResolver of your own"), e.problems());
    }

    /** An application's own resolver, for a container the guard cannot read. */
    public static class FixedResolver implements ClientIpResolver {
        @Override
        public ClientAddress resolve(jakarta.ws.rs.container.ContainerRequestContext request) {
            return ClientAddress.parse("127.0.0.2");
        }
    }

    @Test
    void whenApplicationBindsItsOwnResolver_thenAnyContainerWillDo() {
        ApplicationHandler handler = new ApplicationHandler(application().register(new AbstractBinder() {
            @Override
            protected void configure() {
                bind(FixedResolver.class).to(ClientIpResolver.class);
            }
        }));

        handler.onStartup(new UnknownContainer(handler));
    }
}
