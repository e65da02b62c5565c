/**
 * ipguard-jaxrs on Spring Boot's Jersey (Boot 3.5 and 4.0): the starter's auto-configuration.
 *
 * <p>The entry point is {@link io.ipguard.jaxrs.spring.boot.IpGuardAutoConfiguration}, which Boot
 * applies by itself when the starter is on the class path: it registers
 * {@link io.ipguard.jaxrs.IpGuardFeature} on the application's {@code ResourceConfig} bean with the
 * {@code ipguard.*} settings of Spring's {@code Environment}. An application adjusts the feature
 * with {@link io.ipguard.jaxrs.spring.boot.IpGuardFeatureCustomizer} beans, replaces a part with a
 * {@link io.ipguard.jaxrs.WhitelistProvider} or {@link io.ipguard.jaxrs.ClientIpResolver} bean, and
 * reads the running guard through {@link io.ipguard.jaxrs.spring.boot.RunningIpGuard}. With
 * Actuator, {@link io.ipguard.jaxrs.spring.boot.IpGuardHealthAutoConfiguration} adds the
 * {@code ipguard} health indicator. This package uses only the library's public API.
 */
package io.ipguard.jaxrs.spring.boot;
