package io.ipguard.jaxrs.functional.generated;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipguard.jaxrs.IpGuardConfigurationException;
import io.ipguard.jaxrs.IpGuardFeature;
import io.ipguard.jaxrs.Whitelisted;
import io.ipguard.jaxrs.functional.generated.ModelOracle.Expected;
import io.ipguard.jaxrs.functional.generated.ModelOracle.Outcome;
import io.ipguard.jaxrs.testing.RawHttp;
import io.ipguard.jaxrs.testing.TestServer;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.glassfish.jersey.process.Inflector;
import org.glassfish.jersey.server.ApplicationHandler;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.model.Resource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random resource models (classes, interfaces, superclasses in the same and in another package,
 * generic bases, Inflectors, locators, stereotypes, {@code @AnyClient} at each level), compiled and
 * deployed on real servers with WADL on, in 403 and 404 modes, with and without a guarded
 * {@code Application}. For every endpoint a member and an outsider are sent; each answer must be
 * what {@link ModelOracle} says, and no endpoint Jersey's own name binding binds may be open unless
 * {@code @AnyClient} exempts it. Seeded: {@code -Dipguard.generative.seed=N}, {@code -Dipguard.generative.models=N}.
 */
class GenerativeAgreementTest {

    private static final long SEED = Long.getLong("ipguard.generative.seed", 20261206L);
    private static final int MODELS = Integer.getInteger("ipguard.generative.models", 300);
    private static final int PER_SERVER = 25;
    private static final Map<String, String> MEMBERS = Map.of("g1", "127.0.0.2", "g2", "127.0.0.3", "app", "127.0.0.4");
    private static final String OUTSIDER = "127.0.0.5";

    /** Marks every answer of a method Jersey itself binds @Whitelisted to. */
    @Whitelisted
    public static class JerseyBindingProbe implements ContainerResponseFilter {
        @Override
        public void filter(ContainerRequestContext request, ContainerResponseContext response) {
            response.getHeaders().add("X-Jersey-Bound", "true");
        }
    }

    @Test
    void whenRandomModelsAreDeployed_thenEveryAnswerIsTheRulesAndNeverLessThanJerseysBinding(@TempDir Path directory)
            throws Exception {
        Random random = new Random(SEED);
        List<ModelSpec> models = new ArrayList<>();
        Map<String, String> files = new LinkedHashMap<>(ModelSource.shared());
        for (int id = 0; id < MODELS; id++) {
            ModelSpec model = ModelSpec.random(random, id);
            models.add(model);
            files.putAll(ModelSource.of(model));
        }
        ClassLoader loader = SourceCompiler.compile(files, directory);
        Tally tally = new Tally();

        List<ModelSpec> deployable = new ArrayList<>();
        for (ModelSpec model : models) {
            if (ModelOracle.deploymentFails(model)) {
                checkDeploymentFails(model, loader, tally);
            } else {
                deployable.add(model);
            }
        }
        for (int from = 0, batch = 0; from < deployable.size(); from += PER_SERVER, batch++) {
            List<ModelSpec> some = deployable.subList(from, Math.min(from + PER_SERVER, deployable.size()));
            String app = batch % 2 == 0 ? null : "app";
            String denyStatus = batch / 2 % 2 == 0 ? "403" : "404";
            checkServed(some, app, denyStatus, loader, tally);
        }

        System.out.println("generative agreement, seed " + SEED + ": " + tally);
        assertTrue(tally.mismatches.isEmpty(), "seed " + SEED + ", " + tally.mismatches.size() + " mismatches; first:\n"
                + String.join("\n\n", tally.mismatches.subList(0, Math.min(5, tally.mismatches.size()))));
        // Not a vacuous pass: each kind of outcome was met, and Jersey bound many of the methods.
        for (Outcome outcome : Outcome.values()) {
            assertTrue(tally.outcomes.getOrDefault(outcome, 0) > 0, "no " + outcome + " endpoint in " + tally);
        }
        assertTrue(tally.failedDeployments > 0 && tally.jerseyBound > 50, tally.toString());
    }

    private static void checkDeploymentFails(ModelSpec model, ClassLoader loader, Tally tally) throws Exception {
        ResourceConfig app = application(List.of(model), "gen.PlainApp", "403", loader);
        try {
            new ApplicationHandler(app);
            tally.mismatches.add("model " + model.id() + " deployed, but it should fail: " + listing(model));
        } catch (IpGuardConfigurationException e) {
            tally.failedDeployments++;
        }
    }

    private static void checkServed(List<ModelSpec> models, String app, String denyStatus, ClassLoader loader, Tally tally)
            throws Exception {
        ResourceConfig application = application(models, app == null ? "gen.PlainApp" : "gen.GuardedApp", denyStatus, loader);
        try (TestServer server = TestServer.start(application)) {
            for (ModelSpec model : models) {
                for (Expected expected : ModelOracle.endpoints(model, app)) {
                    tally.outcomes.merge(expected.outcome(), 1, Integer::sum);
                    String problem = check(server, expected, Integer.parseInt(denyStatus), tally);
                    if (problem != null) {
                        tally.mismatches.add("model " + model.id() + " (application " + (app == null ? "unguarded" : "guarded")
                                + ", " + denyStatus + " mode): " + expected + ": " + problem + "\n" + listing(model));
                    }
                }
            }
        }
    }

    /** Null when the endpoint answers as expected, else what went wrong. */
    private static String check(TestServer server, Expected expected, int denyStatus, Tally tally) throws Exception {
        RawHttp.Response outsider = send(server, OUTSIDER, expected);
        tally.requests++;
        switch (expected.outcome()) {
            case GROUP -> {
                RawHttp.Response member = send(server, MEMBERS.get(expected.group()), expected);
                tally.requests++;
                countBinding(member, tally);
                if (member.status() != 200 || !member.body().equals(expected.body())) {
                    return "member got " + member.status() + " " + member.body();
                }
                return outsider.status() == denyStatus ? null : "outsider got " + outsider.status() + " " + outsider.body();
            }
            case OPEN, EXEMPT -> {
                countBinding(outsider, tally);
                if (outsider.status() != 200 || !outsider.body().equals(expected.body())) {
                    return "outsider got " + outsider.status() + " " + outsider.body();
                }
                boolean bound = "true".equals(outsider.header("x-jersey-bound"));
                return bound && expected.outcome() == Outcome.OPEN ? "Jersey binds @Whitelisted, but it is open" : null;
            }
            default -> {
                RawHttp.Response member = send(server, MEMBERS.get("g1"), expected);
                tally.requests++;
                return member.status() == denyStatus && outsider.status() == denyStatus ? null
                        : "member got " + member.status() + ", outsider " + outsider.status();
            }
        }
    }

    private static void countBinding(RawHttp.Response response, Tally tally) {
        if ("true".equals(response.header("x-jersey-bound"))) {
            tally.jerseyBound++;
        }
    }

    private static RawHttp.Response send(TestServer server, String source, Expected expected) throws Exception {
        boolean post = expected.method().equals("POST");
        return RawHttp.request(expected.method(), source, "127.0.0.1", server.port(), expected.path(), post ? "x" : null,
                post ? new String[] {"Content-Type: text/plain"} : new String[0]);
    }

    private static ResourceConfig application(List<ModelSpec> models, String type, String denyStatus, ClassLoader loader)
            throws Exception {
        ResourceConfig app = (ResourceConfig) loader.loadClass(type).getConstructor().newInstance();
        for (ModelSpec model : models) {
            String pkg = ModelSource.packageOf(model);
            app.register(loader.loadClass(pkg + ".Root"));
            if (model.inflector() != null && !model.inflector().viaLocator()) {
                Class<?> inflector = loader.loadClass(pkg + ".Infl");
                Resource.Builder builder = Resource.builder("/m" + model.id() + "-infl");
                if (model.inflector().byClass()) {
                    @SuppressWarnings("unchecked")
                    Class<? extends Inflector<ContainerRequestContext, ?>> type2 =
                            (Class<? extends Inflector<ContainerRequestContext, ?>>) inflector;
                    builder.addMethod("GET").produces("text/plain").handledBy(type2);
                } else {
                    @SuppressWarnings("unchecked")
                    Inflector<ContainerRequestContext, ?> instance =
                            (Inflector<ContainerRequestContext, ?>) inflector.getConstructor().newInstance();
                    builder.addMethod("GET").produces("text/plain").handledBy(instance);
                }
                app.registerResources(builder.build());
            }
        }
        return app.register(JerseyBindingProbe.class).register(IpGuardFeature.class)
                .property("ipguard.group.g1", MEMBERS.get("g1")).property("ipguard.group.g2", MEMBERS.get("g2"))
                .property("ipguard.group.app", MEMBERS.get("app")).property("ipguard.deny-status", denyStatus);
    }

    private static String listing(ModelSpec model) {
        StringBuilder out = new StringBuilder();
        ModelSource.of(model).forEach((path, text) -> out.append("// ").append(path).append('\n').append(text));
        return out.toString();
    }

    private static final class Tally {
        final List<String> mismatches = new ArrayList<>();
        final Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
        int failedDeployments;
        int jerseyBound;
        int requests;

        @Override
        public String toString() {
            return MODELS + " models (" + failedDeployments + " refused at deployment), endpoints " + outcomes + ", "
                    + requests + " requests, " + jerseyBound + " answers Jersey bound";
        }
    }
}
