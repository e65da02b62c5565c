package io.ipguard.jaxrs.spring.boot;

import io.ipguard.jaxrs.IpGuardConfigurationException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Tells, when Boot's start-up fails on an invalid ipguard configuration, what the library found:
 * every problem with the key and the place it was set, in Boot's "APPLICATION FAILED TO START" report.
 */
final class IpGuardFailureAnalyzer extends AbstractFailureAnalyzer<IpGuardConfigurationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, IpGuardConfigurationException cause) {
        return new FailureAnalysis(cause.getMessage(), "Correct each ipguard setting named above where it is set (a "
                + "file and line, an environment variable, a property source), or define the groups the resources "
                + "name. The keys are in docs/configuration.md, their Spring Boot use in docs/spring-boot.md.", cause);
    }
}
