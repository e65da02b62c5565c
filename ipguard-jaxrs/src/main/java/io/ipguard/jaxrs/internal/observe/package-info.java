/**
 * What operators see: explanations of a decision, the rate-limited refusal log, metrics, and the
 * inspector. Uses {@code model}, {@code client}, {@code config} and the layers below.
 */
package io.ipguard.jaxrs.internal.observe;
