package io.ipguard.jaxrs.spring.boot;

import io.ipguard.jaxrs.ClientIpResolver;
import io.ipguard.jaxrs.DecisionListener;
import io.ipguard.jaxrs.IpGuardFeature;
import io.ipguard.jaxrs.WhitelistProvider;
import io.micrometer.core.instrument.MeterRegistry;
import org.glassfish.jersey.server.ResourceConfig;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;

/**
 * Auto-configuration of ipguard-jaxrs on Spring Boot's Jersey: registers {@link IpGuardFeature} on the
 * application's {@code ResourceConfig} bean, configured from the {@code ipguard.*} settings of
 * Spring's {@code Environment}; starts Jersey with the server so that a configuration error stops
 * start-up; counts decisions in Boot's {@code MeterRegistry} when there is one; binds the
 * application's {@link WhitelistProvider}, {@link ClientIpResolver} and {@link DecisionListener}
 * beans in HK2. Off with {@code ipguard.enabled=false}. See docs/spring-boot.md.
 *
 * <p>Thread-safe: it holds no state; Boot creates it and calls it during start-up.
 */
@AutoConfiguration
@ConditionalOnClass({ResourceConfig.class, IpGuardFeature.class})
@ConditionalOnProperty(name = SpringSettings.ENABLED, havingValue = "true", matchIfMissing = true)
public final class IpGuardAutoConfiguration {

    IpGuardAutoConfiguration() {
    }

    /**
     * The guard's handle on the running Jersey application.
     *
     * @return a holder the running application hands its inspector to
     */
    @Bean
    public RunningIpGuard runningIpGuard() {
        return new RunningIpGuard();
    }

    /** Static, as a post-processor must be: its dependencies are looked up only when a ResourceConfig appears. */
    @Bean
    static BeanPostProcessor ipguardResourceConfigInstaller(Environment environment,
            ObjectProvider<IpGuardFeatureCustomizer> customizers, ObjectProvider<WhitelistProvider> lists,
            ObjectProvider<ClientIpResolver> resolvers, ObjectProvider<DecisionListener> listeners,
            ObjectProvider<RunningIpGuard> running) {
        return new ResourceConfigInstaller(environment, customizers, lists, resolvers, listeners, running);
    }

    /** Jersey as a servlet, Boot's default: start it with the server. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(name = {"org.glassfish.jersey.servlet.ServletContainer",
        "org.springframework.boot.web.servlet.ServletRegistrationBean"})
    static class JerseyServletStartup {

        @Bean
        static BeanPostProcessor ipguardJerseyStartup(Environment environment) {
            return new JerseyStartup(environment);
        }
    }

    /** Boot's MeterRegistry, where Micrometer is on the class path and Boot made one. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "io.micrometer.core.instrument.MeterRegistry")
    static class Metrics {

        @Bean
        @Order(Ordered.HIGHEST_PRECEDENCE)
        IpGuardFeatureCustomizer ipguardMeterRegistry(ObjectProvider<MeterRegistry> registries) {
            // Before the application's customizers, which may choose another registry.
            return builder -> {
                MeterRegistry registry = registries.getIfUnique();
                if (registry != null) {
                    builder.meterRegistry(registry);
                }
            };
        }
    }
}
