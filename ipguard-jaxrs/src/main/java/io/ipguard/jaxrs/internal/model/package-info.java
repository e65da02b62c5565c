/**
 * Which group guards what: {@code @Whitelisted} and {@code @AnyClient} read the way JAX-RS reads
 * annotations, the resource model reviewed at deployment, and the plan every consumer asks. Uses
 * Jersey's resource model only.
 */
package io.ipguard.jaxrs.internal.model;
