package io.ipguard.jaxrs;

/**
 * Why the guard would allow or refuse a request, in words, for example
 * {@code refused: client 203.0.113.9 (X-Forwarded-For, after skipping trusted 10.0.0.1) is not in group "admin"}
 * or {@code allowed: client 10.2.3.4 (the TCP peer) matched 10.0.0.0/8 in group "default"}.
 *
 * <p>Instances are immutable.
 */
public final class Explanation {

    private final boolean allowed;
    private final ClientAddress client;
    private final String text;

    /**
     * Creates an explanation.
     *
     * @param allowed whether the request would be let through
     * @param client the client the guard found
     * @param text the explanation, starting with {@code allowed: } or {@code refused: }
     */
    public Explanation(boolean allowed, ClientAddress client, String text) {
        this.allowed = allowed;
        this.client = client;
        this.text = text;
    }

    /** @return whether the request would be let through (report-only mode aside) */
    public boolean allowed() {
        return allowed;
    }

    /** @return the client the guard found; unknown if it could not */
    public ClientAddress client() {
        return client;
    }

    /** @return the explanation, starting with {@code allowed: } or {@code refused: } */
    @Override
    public String toString() {
        return text;
    }
}
