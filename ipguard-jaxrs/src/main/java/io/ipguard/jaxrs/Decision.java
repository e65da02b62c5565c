package io.ipguard.jaxrs;

/**
 * One decision of the guard, as reported to {@link DecisionListener}s: what happened, why, for
 * which group and resource, and the client.
 *
 * <p>Instances are immutable.
 */
public final class Decision {

    /** What happened to the request. */
    public enum Outcome {
        /** The client is in the group: the request went on. */
        ALLOWED,
        /** The request was refused with the deny status. */
        REFUSED,
        /** The request would have been refused, and went on because of report-only mode. */
        REPORTED
    }

    /** Why. */
    public enum Reason {
        /** The client is in the group. */
        IN_GROUP,
        /** The client is not in the group (or is excluded from it). */
        NOT_IN_GROUP,
        /** The client address could not be determined. */
        CLIENT_UNKNOWN,
        /** The list provider does not define the group. */
        GROUP_UNDEFINED,
        /** An error inside the guard (a resolver or provider that threw, or returned null). */
        GUARD_ERROR
    }

    private final Outcome outcome;
    private final Reason reason;
    private final String group;
    private final String resource;
    private final ClientAddress client;

    /**
     * Creates a decision.
     *
     * @param outcome what happened
     * @param reason why
     * @param group the group of the guarded resource
     * @param resource the resource method, such as {@code GET /admin (AdminResource.get)}
     * @param client the client, possibly unknown
     */
    public Decision(Outcome outcome, Reason reason, String group, String resource, ClientAddress client) {
        this.outcome = outcome;
        this.reason = reason;
        this.group = group;
        this.resource = resource;
        this.client = client;
    }

    /** @return what happened to the request */
    public Outcome outcome() {
        return outcome;
    }

    /** @return why */
    public Reason reason() {
        return reason;
    }

    /** @return the group of the guarded resource */
    public String group() {
        return group;
    }

    /** @return the resource method, such as {@code GET /admin (AdminResource.get)} */
    public String resource() {
        return resource;
    }

    /** @return the client, possibly unknown */
    public ClientAddress client() {
        return client;
    }

    @Override
    public String toString() {
        return outcome + " " + reason + " " + resource + " group \"" + group + "\" client " + client;
    }
}
