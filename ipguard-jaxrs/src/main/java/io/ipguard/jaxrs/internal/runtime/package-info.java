/**
 * The guard at work in Jersey: the HK2 binder, the filters each resource method gets, the
 * decision they share, the second line bound by Jersey's own name binding, and the backstop for
 * answers given before the guard. Uses every other package.
 */
package io.ipguard.jaxrs.internal.runtime;
