/**
 * Implementation, not API: anything here may change in any release.
 */
package io.ipguard.jaxrs.internal;
