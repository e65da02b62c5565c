/**
 * Implementation, not API: anything under this package may change in any release. Its
 * sub-packages, lowest first: {@code io}, {@code address}, {@code lists}, {@code config},
 * {@code client}, {@code model}, {@code observe}, {@code runtime}; each uses only those before
 * it (docs/architecture.md).
 */
package io.ipguard.jaxrs.internal;
