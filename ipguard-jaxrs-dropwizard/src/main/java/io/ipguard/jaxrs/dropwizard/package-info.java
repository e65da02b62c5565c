/**
 * ipguard-jaxrs for Dropwizard applications.
 *
 * <p>The entry point is {@link io.ipguard.jaxrs.dropwizard.IpGuardBundle}: add it in
 * {@code initialize}, give it the configuration's {@link io.ipguard.jaxrs.dropwizard.IpGuardFactory}
 * (the {@code ipguard:} block of the YAML, checked when Dropwizard validates the configuration), and
 * it registers the guard on the Jersey environment, the health check {@code ipguard} and the guard's
 * meters in the application's metrics.
 */
package io.ipguard.jaxrs.dropwizard;
