package io.ipguard.jaxrs.dropwizard;

import io.dropwizard.core.Configuration;
import io.dropwizard.core.ConfiguredBundle;
import io.dropwizard.core.setup.Environment;
import io.ipguard.jaxrs.IpGuardConfigurationException;
import io.ipguard.jaxrs.IpGuardFeature;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Guards a Dropwizard application's resources with the {@code ipguard:} block of its configuration.
 *
 * <pre>{@code
 * public void initialize(Bootstrap<MyConfiguration> bootstrap) {
 *     bootstrap.addBundle(new IpGuardBundle<>(MyConfiguration::getIpGuard));
 * }
 * }</pre>
 *
 * <p>When the application runs, the bundle maps the block's fields onto the library's keys, each
 * named by its YAML path in error messages, and registers on the Jersey environment an
 * {@link IpGuardFeature} with those settings; the health check {@value #HEALTH_CHECK}, which reads
 * the running guard's lists; and the guard's meters in the application's {@code MetricRegistry}
 * (docs/dropwizard.md). A bad entry or value stops start-up naming its YAML path.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param <C> the application's configuration type
 */
public class IpGuardBundle<C extends Configuration> implements ConfiguredBundle<C> {

    /** The name of the health check the bundle registers: {@value}. */
    public static final String HEALTH_CHECK = "ipguard";

    /** The YAML path of the block when the application does not name another: {@value}. */
    public static final String DEFAULT_PATH = "ipguard";

    private final Function<? super C, IpGuardFactory> block;
    private final String path;

    /**
     * Creates a bundle for the block at {@value #DEFAULT_PATH}.
     *
     * @param block gives the application's {@code ipguard:} block, such as {@code MyConfiguration::getIpGuard}
     * @throws NullPointerException if {@code block} is null
     */
    public IpGuardBundle(Function<? super C, IpGuardFactory> block) {
        this(block, DEFAULT_PATH);
    }

    /**
     * Creates a bundle for a block kept under another YAML path, which error messages name.
     *
     * @param block gives the application's block
     * @param path the block's YAML path, such as {@code security.ipguard}
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code path} is blank
     */
    public IpGuardBundle(Function<? super C, IpGuardFactory> block, String path) {
        this.block = Objects.requireNonNull(block, "block");
        this.path = Objects.requireNonNull(path, "path");
        if (path.isBlank()) {
            throw new IllegalArgumentException("path must not be blank");
        }
    }

    /**
     * Registers the guard, its health check and its meters.
     *
     * @throws IpGuardConfigurationException if an entry or value of the block is invalid, naming its
     *         YAML path; references between lists and settings that depend on each other are checked
     *         when Jersey starts the guard, and also stop start-up
     */
    @Override
    public void run(C configuration, Environment environment) {
        IpGuardFactory factory = block.apply(configuration);
        if (factory == null) {
            factory = new IpGuardFactory(); // no block: no groups, so any @Whitelisted stops start-up, naming its group
        }
        // Dropwizard has checked these already where the field is @Valid; this holds where it is not.
        List<YamlMapping.Problem> problems = YamlMapping.problems(factory);
        if (!problems.isEmpty()) {
            throw new IpGuardConfigurationException(problems.stream().map(p -> p.describe(path)).toList());
        }
        IpGuardFeature.Builder guard = IpGuardFeature.builder().meterRegistry(DropwizardMeters.on(environment.metrics()));
        for (YamlMapping.Setting setting : YamlMapping.settings(factory)) {
            guard.property(setting.key(), setting.value(), path + "." + setting.path());
        }
        RunningGuard running = new RunningGuard();
        environment.jersey().register(guard.build());
        environment.jersey().register(running);
        environment.healthChecks().register(HEALTH_CHECK, new IpGuardHealthCheck(running::inspector));
    }
}
