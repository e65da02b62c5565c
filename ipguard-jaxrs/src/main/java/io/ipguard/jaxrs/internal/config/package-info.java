/**
 * The configuration: settings from properties, a file and code, layered and validated into one
 * immutable snapshot; the snapshot in force and the reloads that replace it; the list sources
 * applied to it. Uses {@code lists}, {@code address} and {@code io}; knows nothing of JAX-RS or
 * Jersey.
 */
package io.ipguard.jaxrs.internal.config;
