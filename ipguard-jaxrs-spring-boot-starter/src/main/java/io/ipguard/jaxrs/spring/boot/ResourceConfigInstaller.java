package io.ipguard.jaxrs.spring.boot;

import io.ipguard.jaxrs.ClientIpResolver;
import io.ipguard.jaxrs.DecisionListener;
import io.ipguard.jaxrs.IpGuardConfigurationException;
import io.ipguard.jaxrs.IpGuardFeature;
import io.ipguard.jaxrs.WhitelistProvider;
import java.util.ArrayList;
import java.util.List;
import org.glassfish.jersey.server.ResourceConfig;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;

/**
 * Registers the guard on each Jersey {@code ResourceConfig} bean once the application has set it
 * up: an {@link IpGuardFeature} holding the settings of Spring's {@code Environment} (each naming
 * where it came from), then adjusted by the {@link IpGuardFeatureCustomizer} beans; the Spring beans
 * that replace a part; and the listener that hands the running guard's inspector to Spring. A
 * bean post-processor rather than Boot's {@code ResourceConfigCustomizer}, whose package differs
 * between Boot 3 and 4.
 */
final class ResourceConfigInstaller implements BeanPostProcessor {

    private final Environment environment;
    private final ObjectProvider<IpGuardFeatureCustomizer> customizers;
    private final ObjectProvider<WhitelistProvider> lists;
    private final ObjectProvider<ClientIpResolver> resolvers;
    private final ObjectProvider<DecisionListener> listeners;
    private final ObjectProvider<RunningIpGuard> running;

    ResourceConfigInstaller(Environment environment, ObjectProvider<IpGuardFeatureCustomizer> customizers,
                            ObjectProvider<WhitelistProvider> lists, ObjectProvider<ClientIpResolver> resolvers,
                            ObjectProvider<DecisionListener> listeners, ObjectProvider<RunningIpGuard> running) {
        this.environment = environment;
        this.customizers = customizers;
        this.lists = lists;
        this.resolvers = resolvers;
        this.listeners = listeners;
        this.running = running;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof ResourceConfig config) {
            install(config, beanName);
        }
        return bean;
    }

    private void install(ResourceConfig config, String beanName) {
        if (config.isRegistered(IpGuardFeature.class)) {
            // Jersey keeps the first registration of a class and ignores the next: one of the two would be lost.
            throw new IllegalStateException("ResourceConfig bean '" + beanName + "' registers IpGuardFeature itself, "
                    + "and ipguard-jaxrs-spring-boot-starter registers it from Spring's configuration; remove the "
                    + "application's registration (move its builder calls into an IpGuardFeatureCustomizer bean), "
                    + "or set " + SpringSettings.ENABLED + "=false to keep it");
        }
        config.register(feature());
        List<DecisionListener> decisionListeners = listeners.orderedStream().toList();
        config.register(new SpringBeansBinder(lists.getIfAvailable(), resolvers.getIfAvailable(), decisionListeners,
                running.getObject()));
        config.register(InspectorHandoff.class);
    }

    /** The feature of Spring's settings, all of whose problems are reported together. */
    private IpGuardFeature feature() {
        IpGuardFeature.Builder builder = IpGuardFeature.builder();
        List<String> problems = new ArrayList<>();
        List<SpringSettings.Found> settings = List.of();
        try {
            settings = environment instanceof ConfigurableEnvironment configurable
                    ? SpringSettings.read(configurable) : List.of();
        } catch (IpGuardConfigurationException e) {
            problems.addAll(e.problems());
        }
        for (SpringSettings.Found setting : settings) {
            try {
                builder.property(setting.key(), setting.value(), setting.source());
            } catch (IpGuardConfigurationException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new IpGuardConfigurationException(problems);
        }
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        return builder.build();
    }
}
