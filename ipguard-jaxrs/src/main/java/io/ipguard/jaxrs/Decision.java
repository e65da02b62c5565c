package io.ipguard.jaxrs;

import java.util.List;

/**
 * One decision of the guard, as reported to {@link DecisionListener}s: what happened, why, for
 * which group and resource, the client, and the health of the URL and file lists it drew on.
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
    private final List<ListStatus> sources;

    /**
     * Creates a decision that drew on no URL or file list.
     *
     * @param outcome what happened
     * @param reason why
     * @param group the group of the guarded resource
     * @param resource the resource method, such as {@code GET /admin (AdminResource.get)}
     * @param client the client, possibly unknown
     */
    public Decision(Outcome outcome, Reason reason, String group, String resource, ClientAddress client) {
        this(outcome, reason, group, resource, client, List.of());
    }

    /**
     * Creates a decision.
     *
     * @param outcome what happened
     * @param reason why
     * @param group the group of the guarded resource
     * @param resource the resource method, such as {@code GET /admin (AdminResource.get)}
     * @param client the client, possibly unknown
     * @param sources the health of the URL and file lists the decision drew on
     */
    public Decision(Outcome outcome, Reason reason, String group, String resource, ClientAddress client,
                    List<ListStatus> sources) {
        this.sources = List.copyOf(sources);
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

    /**
     * Returns the health, at the time of the decision, of each list kept at a URL or in a file
     * ({@code ipguard.url.*}, {@code ipguard.file.*}) that the decision drew on: the group's own, the
     * lists it includes or excludes with {@code @name}, and those the trusted proxies name, the
     * group's first. A list that has never loaded, or whose latest load failed, shows it here
     * ({@link ListStatus#loadedAt()}, {@link ListStatus#lastError()}). Empty when the decision drew
     * on none, as for groups written in the configuration or served by an application's own
     * {@link WhitelistProvider}; the configuration's own status is in {@link IpGuardInspector#status()}.
     *
     * @return the sources' status, the group's first; never null
     */
    public List<ListStatus> sources() {
        return sources;
    }

    @Override
    public String toString() {
        return outcome + " " + reason + " " + resource + " group \"" + group + "\" client " + client;
    }
}
