package io.ipguard.jaxrs.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real nginx in the foreground, with every path under a private directory. In CI a missing
 * nginx fails the test (CI installs it); elsewhere the test is skipped with the reason printed.
 */
public final class Nginx implements AutoCloseable {

    private final Process process;
    private final Path dir;

    private Nginx(Process process, Path dir) {
        this.process = process;
        this.dir = dir;
    }

    /** Returns the nginx executable, or ends the test: failing in CI, skipping elsewhere. */
    public static Path executable() {
        return RequiredTool.find("nginx", List.of("/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/bin/nginx"));
    }

    /** Returns a loopback port that was free a moment ago. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }

    /**
     * Starts nginx with {@code servers} (one or more {@code server { ... }} blocks) inside an
     * {@code http} block, and waits until {@code port} accepts connections.
     */
    public static Nginx start(Path dir, String servers, int port) throws IOException, InterruptedException {
        Path conf = dir.resolve("nginx.conf");
        Files.writeString(conf, String.join("\n",
                "worker_processes 1;",
                "pid " + dir.resolve("nginx.pid") + ";",
                "error_log " + dir.resolve("error.log") + " info;",
                "events { worker_connections 64; }",
                "http {",
                "  access_log off;",
                "  client_body_temp_path " + dir.resolve("client_body") + ";",
                "  proxy_temp_path " + dir.resolve("proxy") + ";",
                "  fastcgi_temp_path " + dir.resolve("fastcgi") + ";",
                "  uwsgi_temp_path " + dir.resolve("uwsgi") + ";",
                "  scgi_temp_path " + dir.resolve("scgi") + ";",
                servers,
                "}", ""), StandardCharsets.UTF_8);
        Process process = new ProcessBuilder(executable().toString(), "-c", conf.toString(), "-p", dir.toString(),
                "-e", dir.resolve("error.log").toString(), "-g", "daemon off;")
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("stdout.log").toFile())
                .start();
        Nginx nginx = new Nginx(process, dir);
        for (int i = 0; i < 200; i++) {
            if (!process.isAlive()) {
                fail("nginx exited with " + process.exitValue() + ": " + nginx.logs());
            }
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return nginx;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        nginx.close();
        fail("nginx did not listen on port " + port + ": " + nginx.logs());
        return null;
    }

    /** What nginx wrote to its logs, for failure messages. */
    public String logs() {
        StringBuilder out = new StringBuilder();
        for (String name : List.of("stdout.log", "error.log")) {
            try {
                out.append(Files.readString(dir.resolve(name))).append('\n');
            } catch (IOException e) {
                out.append(name).append(": ").append(e).append('\n');
            }
        }
        return out.toString();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
