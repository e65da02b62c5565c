package io.ipguard.jaxrs;

/**
 * Why the guard would allow or refuse a request, in words, for example
 * {@code refused: client 203.0.113.9 (X-Forwarded-For, after skipping trusted 10.0.0.1) is not in group "admin"}
 * or {@code allowed: client 10.2.3.4 (the TCP peer) matched 10.0.0.0/8 in group "default"}.
 * {@link IpGuardInspector#explain(String, java.util.Map, String)} hands these out.
 *
 * <p>Instances are immutable.
 */
public interface Explanation {

    /** @return whether the request would be let through (report-only mode aside) */
    boolean allowed();

    /** @return the client the guard found; unknown if it could not */
    ClientAddress client();

    /** @return the explanation, starting with {@code allowed: } or {@code refused: } */
    @Override
    String toString();
}
