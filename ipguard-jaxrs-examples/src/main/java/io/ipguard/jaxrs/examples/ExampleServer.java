package io.ipguard.jaxrs.examples;

import io.ipguard.jaxrs.IpGuardConfigurationException;
import io.ipguard.jaxrs.IpGuardFeature;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;

/**
 * The runnable example: {@code java -jar ipguard-jaxrs-examples.jar [--config FILE] [--host HOST] [--port PORT]}.
 * Without {@code --config} it runs on the embedded {@code ipguard-default.properties}; with it,
 * the file is the whole configuration, watched for changes. A configuration error prints the
 * problems and exits 1; a usage error exits 2. {@code check ...} explains a decision instead
 * (see {@link CheckCommand}).
 */
public final class ExampleServer implements AutoCloseable {

    static final String DEFAULT_CONFIG = "/ipguard-default.properties";

    private final HttpServer server;
    private final URI baseUri;

    private ExampleServer(HttpServer server, URI baseUri) {
        this.server = server;
        this.baseUri = baseUri;
    }

    /** What {@code --help} prints: both commands, each with what it does. */
    static final String HELP = String.join("\n",
            ServerOptions.USAGE,
            CheckCommand.USAGE.replace("usage: ", "       "),
            "",
            "The server serves /public (open), /internal (group default), /admin (group admin), /whoami (open),",
            "/metrics (group admin: the guard's metrics in Prometheus text format) and /ipguard/status (group admin:",
            "what the guard has in force, as JSON):",
            "  --config FILE  the whole configuration, watched for edits (default: the embedded one)",
            "  --host HOST    address to listen on (default 127.0.0.1; :: for IPv4 and IPv6)",
            "  --port PORT    port to listen on (default 8080)",
            "The check command explains what the guard would decide for a client in a group (--group, default:",
            "default), or with --guards lists which group guards each resource of the example application. It loads",
            "the configuration itself, or with --server asks a running server's status resource, from the lists it has",
            "in force (--server http://HOST:PORT/ipguard/status). It prints the configuration's warnings on standard",
            "error and exits 0 allowed, 3 refused, 1 for a configuration or server error, 2 for a usage error or a",
            "group that is not defined.");

    public static void main(String[] args) {
        int status = args.length > 0 && args[0].equals("check")
                ? CheckCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length), System.out, System.err)
                : run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Starts the server and waits for it to be stopped; returns the exit status if it cannot start. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        if (java.util.Arrays.asList(args).contains("--help") || java.util.Arrays.asList(args).contains("-h")) {
            out.println(HELP);
            return 0;
        }
        ExampleServer server;
        try {
            server = start(ServerOptions.parse(args));
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.println(ServerOptions.USAGE);
            return 2;
        } catch (IpGuardConfigurationException e) {
            err.println(e.getMessage());
            return 1;
        } catch (UncheckedIOException e) {
            err.println("error: cannot start the server: " + e.getCause().getMessage());
            return 1;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        out.println("ipguard example listening on " + server.baseUri());
        out.flush();
        try {
            Thread.currentThread().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /**
     * Starts the server without blocking.
     *
     * @throws IpGuardConfigurationException if the configuration is invalid
     * @throws UncheckedIOException if the port cannot be bound
     */
    public static ExampleServer start(ServerOptions options) {
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        IpGuardFeature guard = (options.config() == null ? embeddedDefaultBuilder()
                : IpGuardFeature.builder().watchConfigFile(options.config())).meterRegistry(metrics).build();
        String host = options.host().contains(":") ? "[" + options.host() + "]" : options.host();
        URI requested = URI.create("http://" + host + ":" + options.port() + "/");
        HttpServer server = GrizzlyHttpServerFactory.createHttpServer(requested, new ExampleApplication(guard, metrics), false);
        try {
            server.start();
        } catch (IOException e) {
            server.shutdownNow();
            throw new UncheckedIOException(e);
        }
        int port = server.getListeners().iterator().next().getPort();
        return new ExampleServer(server, URI.create("http://" + host + ":" + port + "/"));
    }

    /** The embedded default configuration, shown in the README. */
    static IpGuardFeature embeddedDefault() {
        return embeddedDefaultBuilder().build();
    }

    private static IpGuardFeature.Builder embeddedDefaultBuilder() {
        Properties properties = new Properties();
        try (InputStream in = ExampleServer.class.getResourceAsStream(DEFAULT_CONFIG)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + DEFAULT_CONFIG);
            }
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        IpGuardFeature.Builder builder = IpGuardFeature.builder();
        properties.stringPropertyNames().forEach(key -> builder.property(key, properties.getProperty(key)));
        return builder;
    }

    /** @return the base URI the server listens on, with the actual port */
    public URI baseUri() {
        return baseUri;
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}
