/**
 * Named lists and the sources kept outside the configuration: references resolved and compiled
 * into flat sets, URL and file lists with their selections, health and limits. Uses
 * {@code address} and {@code io}; knows nothing of JAX-RS or Jersey.
 */
package io.ipguard.jaxrs.internal.lists;
