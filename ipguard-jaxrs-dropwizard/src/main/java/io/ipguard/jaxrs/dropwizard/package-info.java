/**
 * ipguard-jaxrs for Dropwizard applications.
 *
 * <p>{@link io.ipguard.jaxrs.dropwizard.IpGuardFactory} is the {@code ipguard:} block of the
 * application's YAML, checked with the library's rules when Dropwizard validates its configuration.
 */
package io.ipguard.jaxrs.dropwizard;
