package io.ipguard.jaxrs;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Exempts a resource method (or a whole resource class) from a {@link Whitelisted} guard
 * declared on its class (or on the {@code Application}), for example a health check.
 *
 * <p>Putting both {@code @AnyClient} and {@code @Whitelisted} on the same method or class is a
 * deployment error.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface AnyClient {
}
