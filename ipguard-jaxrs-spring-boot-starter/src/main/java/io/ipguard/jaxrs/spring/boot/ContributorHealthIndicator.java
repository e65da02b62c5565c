package io.ipguard.jaxrs.spring.boot;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** The {@code ipguard} health indicator on Boot 4's health API ({@code org.springframework.boot.health.contributor}). */
final class ContributorHealthIndicator implements HealthIndicator {

    private final RunningIpGuard running;

    ContributorHealthIndicator(RunningIpGuard running) {
        this.running = running;
    }

    @Override
    public Health health() {
        GuardHealth.View view = GuardHealth.of(running);
        return Health.status(view.state().name()).withDetails(view.details()).build();
    }
}
