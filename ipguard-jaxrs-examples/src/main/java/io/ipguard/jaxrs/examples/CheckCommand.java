package io.ipguard.jaxrs.examples;

import io.ipguard.jaxrs.Explanation;
import io.ipguard.jaxrs.IpGuardConfigurationException;
import io.ipguard.jaxrs.IpGuardFeature;
import io.ipguard.jaxrs.IpGuardInspector;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.glassfish.jersey.server.ApplicationHandler;

/**
 * {@code check [--config FILE] --peer ADDRESS [--header "Name: value"]... [--group NAME]}: prints
 * what the guard would decide and why, so an operator can answer "why am I blocked?" without a
 * debugger. {@code check [--config FILE] --guards} prints which group guards each resource method of
 * the example application, as the server decides it at start-up.
 * Exit status: 0 allowed, 3 refused, 1 configuration error, 2 usage error.
 */
final class CheckCommand {

    static final String USAGE = "usage: java -jar ipguard-jaxrs-examples.jar check [--config FILE] --peer ADDRESS "
            + "[--header \"Name: value\"]... [--group NAME] | check [--config FILE] --guards";

    private CheckCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (java.util.Arrays.asList(args).contains("--help") || java.util.Arrays.asList(args).contains("-h")) {
            out.println(ExampleServer.HELP);
            return 0;
        }
        Path config = null;
        String peer = null;
        String group = "default";
        boolean guards = false;
        Map<String, List<String>> headers = new LinkedHashMap<>();
        try {
            for (int i = 0; i < args.length; i++) {
                String option = args[i];
                if (option.equals("--guards")) {
                    guards = true;
                    continue;
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(option + " needs a value");
                }
                String value = args[++i];
                switch (option) {
                    case "--config" -> config = Path.of(value);
                    case "--peer" -> peer = value;
                    case "--group" -> group = value;
                    case "--header" -> {
                        int colon = value.indexOf(':');
                        if (colon <= 0) {
                            throw new IllegalArgumentException("--header must look like \"Name: value\", not \"" + value + "\"");
                        }
                        headers.computeIfAbsent(value.substring(0, colon).strip(), k -> new ArrayList<>())
                                .add(value.substring(colon + 1).strip());
                    }
                    default -> throw new IllegalArgumentException("unknown option \"" + option + "\"");
                }
            }
            IpGuardFeature feature = config == null ? ExampleServer.embeddedDefault()
                    : IpGuardFeature.builder().configFile(config).build();
            if (guards) {
                deployed(feature).guards().forEach(out::println);
                return 0;
            }
            if (peer == null) {
                throw new IllegalArgumentException("--peer is required");
            }
            Explanation explanation = feature.inspector().explain(peer, headers, group);
            out.println(explanation);
            return explanation.allowed() ? 0 : 3;
        } catch (IpGuardConfigurationException e) {
            err.println(e.getMessage());
            return 1;
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
    }

    /** The inspector of the example application deployed without a server: it knows what guards each method. */
    private static IpGuardInspector deployed(IpGuardFeature feature) {
        // The start-up report would repeat on standard error what --guards prints: keep the log to warnings.
        java.util.logging.Logger.getLogger("io.ipguard.jaxrs").setLevel(java.util.logging.Level.WARNING);
        return new ApplicationHandler(new ExampleApplication(feature, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT)))
                .getInjectionManager()
                .getInstance(IpGuardInspector.class);
    }
}
