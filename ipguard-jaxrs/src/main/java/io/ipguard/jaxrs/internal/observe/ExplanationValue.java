package io.ipguard.jaxrs.internal.observe;

import io.ipguard.jaxrs.ClientAddress;
import io.ipguard.jaxrs.Explanation;

/** An {@link Explanation}: the decision, the client found and the reason in words. Immutable. */
record ExplanationValue(boolean allowed, ClientAddress client, String text) implements Explanation {

    @Override
    public String toString() {
        return text;
    }
}
