/**
 * Reading and writing text safely: files read whole only when they are regular and bounded, what
 * tells a file changed, response bodies read up to a bound, client-controlled text escaped for logs,
 * and the library's one logger. Uses nothing else of the library.
 */
package io.ipguard.jaxrs.internal.io;
