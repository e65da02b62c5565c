package io.ipguard.jaxrs.examples;

import io.ipguard.jaxrs.IpGuardConfigurationException;
import io.ipguard.jaxrs.IpGuardFeature;
import io.ipguard.jaxrs.IpGuardInspector;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.json.JsonObject;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.glassfish.jersey.server.ApplicationHandler;

/**
 * {@code check [--config FILE | --server URL] --peer ADDRESS [--header "Name: value"]... [--group NAME]}:
 * prints what the guard would decide and why, so an operator can answer "why am I blocked?" without
 * a debugger. With {@code --server}, the running server's status resource answers, from the lists
 * it has in force; otherwise the configuration is loaded here, URL lists fetched. {@code --guards}
 * prints which group guards each resource method instead. The start-up warnings go to standard error.
 * Exit status: 0 allowed, 3 refused, 1 configuration or server error, 2 usage error or unknown group.
 */
final class CheckCommand {

    static final String USAGE = "usage: java -jar ipguard-jaxrs-examples.jar check [--config FILE | --server URL] "
            + "--peer ADDRESS [--header \"Name: value\"]... [--group NAME] | check [--config FILE | --server URL] --guards";

    static final int ALLOWED = 0;
    static final int FAILED = 1;
    static final int USAGE_ERROR = 2;
    static final int REFUSED = 3;

    private CheckCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
            out.println(ExampleServer.HELP);
            return ALLOWED;
        }
        Path config = null;
        String server = null;
        String peer = null;
        String group = "default";
        boolean guards = false;
        // By name, case-insensitive, lines of names differing only in case kept in order: as a request has them.
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
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
                    case "--server" -> server = value;
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
            if (config != null && server != null) {
                throw new IllegalArgumentException("--config and --server exclude each other: the server has its own");
            }
            if (!guards && peer == null) {
                throw new IllegalArgumentException("--peer is required");
            }
            GuardAnswers answers = server != null ? new ServerAnswers(server) : local(config, guards);
            JsonObject status = answers.status();
            status.getJsonArray("warnings").getValuesAs(JsonObject.class)
                    .forEach(warning -> err.println("warning: " + warning.getString("message")));
            if (guards) {
                status.getJsonArray("guards").getValuesAs(JsonObject.class).forEach(g -> out.println(g.getString("line")));
                return ALLOWED;
            }
            JsonObject answer = answers.explain(peer, headers, group);
            String explanation = answer.getString("explanation");
            if (explanation.startsWith("refused: group \"" + group + "\" is not defined")) {
                // A mistyped group is the user's error, not a refusal: the explanation has the did-you-mean.
                List<String> groups = GroupNames.defined(status);
                err.println("error: " + explanation.substring("refused: ".length())
                        + (groups == null ? "" : "; the groups are " + String.join(", ", groups)));
                return USAGE_ERROR;
            }
            out.println(explanation);
            return answer.getBoolean("allowed") ? ALLOWED : REFUSED;
        } catch (IpGuardConfigurationException e) {
            err.println(e.getMessage());
            return FAILED;
        } catch (ServerAnswers.ServerException e) {
            err.println("error: " + e.getMessage());
            return FAILED;
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.println(USAGE);
            return USAGE_ERROR;
        }
    }

    /** The answers of the configuration loaded here; for {@code --guards}, of the example application deployed. */
    private static GuardAnswers local(Path config, boolean guards) {
        IpGuardFeature feature = config == null ? ExampleServer.embeddedDefault()
                : IpGuardFeature.builder().configFile(config).build();
        return new GuardAnswers.Local(guards ? deployed(feature) : feature.inspector());
    }

    /** The inspector of the example application deployed without a server: it knows what guards each method. */
    private static IpGuardInspector deployed(IpGuardFeature feature) {
        // The start-up report would repeat on standard error what --guards prints: keep the log to errors;
        // the start-up warnings are printed from the status.
        java.util.logging.Logger.getLogger("io.ipguard.jaxrs").setLevel(java.util.logging.Level.SEVERE);
        return new ApplicationHandler(new ExampleApplication(feature, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT)))
                .getInjectionManager()
                .getInstance(IpGuardInspector.class);
    }
}
