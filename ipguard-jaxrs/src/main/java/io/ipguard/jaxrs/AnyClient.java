package io.ipguard.jaxrs;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Exempts a resource method (or a whole resource class) from a {@link Whitelisted} guard
 * declared further out: on its class, on the locator that returned it, or on the
 * {@code Application}; for example a health check. Like {@code @Whitelisted}, it is found on the
 * method a method overrides or implements, and on superclasses and interfaces.
 *
 * <p>Putting both {@code @AnyClient} and {@code @Whitelisted} on the same method or class is a
 * deployment error.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface AnyClient {
}
