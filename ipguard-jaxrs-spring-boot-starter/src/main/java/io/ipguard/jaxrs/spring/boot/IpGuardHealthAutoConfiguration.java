package io.ipguard.jaxrs.spring.boot;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Auto-configuration of the {@code ipguard} health indicator, with Spring Boot Actuator: the health of
 * each source of the running guard's lists, DOWN only when a list was never loaded and its loading
 * failed. Boot 4 and Boot 3 have different health APIs; each indicator is made only where its API
 * exists. Off with {@code management.health.ipguard.enabled=false}, or with
 * {@code management.health.defaults.enabled=false} unless that key is {@code true}.
 *
 * <p>Thread-safe: it holds no state; Boot creates it and calls it during start-up.
 */
@AutoConfiguration(after = IpGuardAutoConfiguration.class)
@ConditionalOnBean(RunningIpGuard.class)
@Conditional(IpGuardHealthAutoConfiguration.Enabled.class)
public final class IpGuardHealthAutoConfiguration {

    static final String BOOT4_API = "org.springframework.boot.health.contributor.HealthIndicator";
    static final String BOOT3_API = "org.springframework.boot.actuate.health.HealthIndicator";

    IpGuardHealthAutoConfiguration() {
    }

    /** Boot 4: {@code org.springframework.boot.health.contributor}. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = BOOT4_API)
    static class Boot4 {

        /** Named so that Boot calls the component {@code ipguard}. */
        @Bean
        ContributorHealthIndicator ipguardHealthIndicator(RunningIpGuard running) {
            return new ContributorHealthIndicator(running);
        }
    }

    /** Boot 3: {@code org.springframework.boot.actuate.health}, which Boot 4 no longer has. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = BOOT3_API)
    @ConditionalOnMissingClass(BOOT4_API)
    static class Boot3 {

        @Bean
        ActuateHealthIndicator ipguardHealthIndicator(RunningIpGuard running) {
            return new ActuateHealthIndicator(running);
        }
    }

    /** Boot's rule for a health indicator's switch, which lives in a package that differs between Boot 3 and 4. */
    static final class Enabled implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            Boolean own = context.getEnvironment().getProperty("management.health.ipguard.enabled", Boolean.class);
            return own != null ? own
                    : context.getEnvironment().getProperty("management.health.defaults.enabled", Boolean.class, true);
        }
    }
}
