/**
 * Who the client is: the TCP peer as each container reports it, forwarding headers walked from
 * the right past trusted proxies, and the warnings about headers from peers that are not trusted.
 * Uses {@code config} and the layers below it; reads requests through JAX-RS.
 */
package io.ipguard.jaxrs.internal.client;
