package io.ipguard.jaxrs.spring.boot;

import io.ipguard.jaxrs.IpGuardFeature;

/**
 * Adjusts the {@link IpGuardFeature} the starter registers, in code: a Spring bean of this type is
 * called with the builder after the {@code ipguard.*} settings of Spring's {@code Environment} were
 * set on it, so what it sets wins over them ({@code builder.watchConfigFile(path)},
 * {@code builder.group("office", entries)}). Beans run in their {@code @Order}.
 *
 * <p>Called once per Jersey application, on the thread that creates its {@code ResourceConfig} bean.
 */
@FunctionalInterface
public interface IpGuardFeatureCustomizer {

    /**
     * Adjusts the feature's builder.
     *
     * @param builder the builder, holding the settings of Spring's {@code Environment}
     * @throws io.ipguard.jaxrs.IpGuardConfigurationException if a setting is invalid; start-up stops
     */
    void customize(IpGuardFeature.Builder builder);
}
