package io.ipguard.jaxrs.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The example's runnable jar run as its users run it, {@code java -jar} in a process of its own:
 * only what the jar carries is on its class path, not the module's test dependencies.
 */
final class ExampleJar {

    /** Built by {@code package}; failsafe names it. */
    static final Path JAR = Path.of(System.getProperty("example.jar", "target/ipguard-jaxrs-examples.jar"));

    private static final Pattern LISTENING = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)/");

    private ExampleJar() {
    }

    /** A finished command: its exit status and what it printed. */
    record Result(int status, String out, String err) {
        @Override
        public String toString() {
            return "exit " + status + "\nstdout: " + out + "\nstderr: " + err;
        }
    }

    /** Starts {@code java -jar JAR check ARGS}, its output kept in {@code dir}; the result completes when it exits. */
    static CompletableFuture<Result> check(Path dir, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("check"));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "check", ".out");
        Path err = Files.createTempFile(dir, "check", ".err");
        return start(command, out, err).onExit().thenApply(p -> new Result(p.exitValue(), read(out), read(err)));
    }

    private static Process start(List<String> args, Path out, Path err) throws IOException {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: it is built by mvn package");
        }
        // Short-lived JVMs start faster on C1 alone and the serial collector; the guard does not depend on either.
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar",
                JAR.toString()));
        command.addAll(args);
        // Files, not pipes: nothing has to drain them for the process to go on.
        return new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The example server, {@code --config FILE --port 0}; closing stops it by SIGTERM, which runs its shutdown hook. */
    static final class Server implements AutoCloseable {
        private final Process process;
        private final Path out;
        private final Path err;

        private Server(Process process, Path out, Path err) {
            this.process = process;
            this.out = out;
            this.err = err;
        }

        static Server start(Path config, Path dir) throws IOException {
            Path out = Files.createTempFile(dir, "server", ".out");
            Path err = Files.createTempFile(dir, "server", ".err");
            Process process = ExampleJar.start(List.of("--config", config.toString(), "--port", "0"), out, err);
            return new Server(process, out, err);
        }

        /**
         * Waits for the server to say where it listens.
         *
         * @throws AssertionError if it exits first or says nothing within 30 seconds
         */
        int port() throws InterruptedException {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < end) {
                Matcher listening = LISTENING.matcher(read(out));
                if (listening.find()) {
                    return Integer.parseInt(listening.group(1));
                }
                if (!process.isAlive()) {
                    throw new AssertionError("the server exited " + process.exitValue() + ": " + read(err));
                }
                Thread.sleep(50);
            }
            throw new AssertionError("the server did not start within 30 s: " + read(out) + read(err));
        }

        @Override
        public void close() {
            process.destroy();
            try {
                if (process.waitFor(10, TimeUnit.SECONDS)) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process.destroyForcibly();
        }
    }
}
