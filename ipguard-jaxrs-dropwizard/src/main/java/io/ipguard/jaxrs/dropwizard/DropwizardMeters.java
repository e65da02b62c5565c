package io.ipguard.jaxrs.dropwizard;

import com.codahale.metrics.MetricRegistry;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.NamingConvention;
import io.micrometer.core.instrument.dropwizard.DropwizardConfig;
import io.micrometer.core.instrument.dropwizard.DropwizardMeterRegistry;
import io.micrometer.core.instrument.util.HierarchicalNameMapper;

/**
 * The guard's Micrometer meters written into Dropwizard's {@link MetricRegistry}, so that they show
 * at the admin port's {@code /metrics} and in every reporter the application configured. A meter's
 * name is its Micrometer name followed by its tags, sorted by key, each as {@code key.value}:
 * {@code ipguard.decisions.group.admin.outcome.refused.reason.not_in_group}.
 */
final class DropwizardMeters {

    private static final DropwizardConfig CONFIG = new DropwizardConfig() {
        @Override
        public String prefix() {
            return "ipguard.dropwizard";
        }

        @Override
        public String get(String key) {
            return null; // defaults throughout
        }
    };

    private DropwizardMeters() {
    }

    /** A Micrometer registry whose meters live in {@code metrics}. */
    static MeterRegistry on(MetricRegistry metrics) {
        MeterRegistry registry = new DropwizardMeterRegistry(CONFIG, metrics, HierarchicalNameMapper.DEFAULT,
                Clock.SYSTEM) {
            @Override
            protected Double nullGaugeValue() {
                return Double.NaN; // as the guard's own gauges read before a list's first load
            }
        };
        // The names of docs/metrics.md, dots and all (this registry would otherwise write them in camel case).
        registry.config().namingConvention(NamingConvention.dot);
        return registry;
    }
}
