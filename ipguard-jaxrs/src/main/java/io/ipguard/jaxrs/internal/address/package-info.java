/**
 * Addresses and address sets: the strict literal parser (no DNS, ever), list entries (addresses,
 * blocks, ranges, exclusions, references), the built-in sets, and the compiled sets a lookup
 * binary-searches. Uses {@code io}; knows nothing of JAX-RS or Jersey.
 */
package io.ipguard.jaxrs.internal.address;
