package io.ipguard.jaxrs.spring.boot;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/** The {@code ipguard} health indicator on Boot 3's health API ({@code org.springframework.boot.actuate.health}). */
final class ActuateHealthIndicator implements HealthIndicator {

    private final RunningIpGuard running;

    ActuateHealthIndicator(RunningIpGuard running) {
        this.running = running;
    }

    @Override
    public Health health() {
        GuardHealth.View view = GuardHealth.of(running);
        return Health.status(view.state().name()).withDetails(view.details()).build();
    }
}
