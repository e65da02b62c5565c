/**
 * Client IP allowlists for JAX-RS resources on Jersey.
 *
 * <p>The entry point is {@link io.ipguard.jaxrs.IpGuardFeature}: register it, configure groups
 * as {@code ipguard.group.<name>} properties, and annotate resources with
 * {@link io.ipguard.jaxrs.Whitelisted}. The guard fails closed: an unknown client, an undefined
 * or empty group, or an error inside the guard refuses the request. Replace the client resolver
 * ({@link io.ipguard.jaxrs.ClientIpResolver}) or the source of the lists
 * ({@link io.ipguard.jaxrs.WhitelistProvider}) with HK2 bindings.
 */
package io.ipguard.jaxrs;
