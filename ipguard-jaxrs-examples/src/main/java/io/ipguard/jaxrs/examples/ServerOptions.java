package io.ipguard.jaxrs.examples;

import java.nio.file.Path;

/** The example server's command line: {@code [--config FILE] [--host HOST] [--port PORT]}. */
public record ServerOptions(Path config, String host, int port) {

    static final String USAGE = "usage: java -jar ipguard-jaxrs-examples.jar [--config FILE] [--host HOST] [--port PORT]";

    /**
     * Parses arguments.
     *
     * @throws IllegalArgumentException for an unknown option, a missing value or a bad port
     */
    public static ServerOptions parse(String... args) {
        Path config = null;
        String host = "127.0.0.1";
        int port = 8080;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (!option.equals("--config") && !option.equals("--host") && !option.equals("--port")) {
                throw new IllegalArgumentException("unknown option \"" + option + "\"");
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            String value = args[++i];
            switch (option) {
                case "--config" -> config = Path.of(value);
                case "--host" -> host = value;
                default -> port = parsePort(value);
            }
        }
        return new ServerOptions(config, host, port);
    }

    private static int parsePort(String value) {
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // Reported below.
        }
        throw new IllegalArgumentException("--port must be a number from 0 to 65535, not \"" + value + "\"");
    }
}
