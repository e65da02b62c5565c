package io.ipguard.jaxrs.functional.elsewhere;

import io.ipguard.jaxrs.AnyClient;

/**
 * A superclass in another package whose package-private {@code get()} is exempt: Java does not
 * let a subclass outside this package override it, so its {@code @AnyClient} exempts nothing there.
 */
public class OpenBase {

    @AnyClient
    String get() {
        return "base";
    }

    /** Calls the package-private method, so that it is used. */
    public String viaBase() {
        return get();
    }
}
