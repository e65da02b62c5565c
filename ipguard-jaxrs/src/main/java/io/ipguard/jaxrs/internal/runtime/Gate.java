package io.ipguard.jaxrs.internal.runtime;

import io.ipguard.jaxrs.ClientAddress;
import io.ipguard.jaxrs.ClientIpResolver;
import io.ipguard.jaxrs.Decision;
import io.ipguard.jaxrs.DecisionListener;
import io.ipguard.jaxrs.Explanation;
import io.ipguard.jaxrs.IpSet;
import io.ipguard.jaxrs.WhitelistProvider;
import io.ipguard.jaxrs.internal.client.DefaultClientIpResolver;
import io.ipguard.jaxrs.internal.client.PeerLookup;
import io.ipguard.jaxrs.internal.config.ConfigSnapshot;
import io.ipguard.jaxrs.internal.config.LiveConfig;
import io.ipguard.jaxrs.internal.config.LiveWhitelistProvider;
import io.ipguard.jaxrs.internal.io.LogText;
import io.ipguard.jaxrs.internal.io.Logs;
import io.ipguard.jaxrs.internal.observe.DecisionMetrics;
import io.ipguard.jaxrs.internal.observe.Explainer;
import io.ipguard.jaxrs.internal.observe.RefusalLog;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.glassfish.hk2.api.IterableProvider;
import org.glassfish.jersey.spi.ExceptionMappers;

/**
 * What every guarded method shares: the resolver, the lists, the refusal behaviour and the
 * listeners. Decides whether a client is in a group, logs and reports the decision, and refuses.
 * Thread-safe.
 */
public final class Gate {

    private static final System.Logger LOG = Logs.LOG;

    private final ClientIpResolver resolver;
    private final WhitelistProvider provider;
    /** The resolver and provider when they are the library's own, read under one configuration per decision; else null. */
    private final DefaultClientIpResolver ownResolver;
    private final boolean ownProvider;
    private final LiveConfig live;
    private final RefusalLog refusals;
    private final PeerLookup peers;
    private final List<DecisionListener> listeners;
    private final RefusalAnswer answer;
    private final DecisionMetrics metrics;

    @Inject
    public Gate(ClientIpResolver resolver, WhitelistProvider provider, LiveConfig live, PeerLookup peers,
                 IterableProvider<DecisionListener> listeners, ExceptionMappers mappers, DecisionMetrics metrics) {
        this(resolver, bounded(provider, live), live, new RefusalLog(LOG, System::nanoTime), peers, all(listeners),
                mappers, metrics);
    }

    Gate(ClientIpResolver resolver, WhitelistProvider provider, LiveConfig live, RefusalLog refusals, PeerLookup peers,
          List<DecisionListener> listeners, ExceptionMappers mappers, DecisionMetrics metrics) {
        this.resolver = resolver;
        this.provider = provider;
        this.ownResolver = resolver instanceof DefaultClientIpResolver own ? own : null;
        this.ownProvider = provider instanceof LiveWhitelistProvider;
        this.live = live;
        this.refusals = refusals;
        this.peers = peers;
        this.listeners = List.copyOf(listeners);
        this.answer = new RefusalAnswer(mappers);
        this.metrics = metrics;
    }

    private static WhitelistProvider bounded(WhitelistProvider provider, LiveConfig live) {
        int timeout = live.current().providerTimeoutMillis();
        // The built-in provider never blocks; an application's may, so its lookups get a deadline.
        return provider instanceof LiveWhitelistProvider || timeout == 0 ? provider : new TimeBoundProvider(provider, timeout);
    }

    private static List<DecisionListener> all(IterableProvider<DecisionListener> listeners) {
        List<DecisionListener> all = new ArrayList<>();
        listeners.forEach(all::add);
        return all;
    }

    /** The lists in force, as the guard sees them (an application's provider is bounded in time). */
    WhitelistProvider provider() {
        return provider;
    }

    /**
     * Lets the request through (true), or refuses it (false): aborts with 403, or in 404 mode
     * throws what a missing path throws. Report-only mode lets it through.
     */
    boolean check(ContainerRequestContext request, String group, String resource) {
        if (admits(request, group, resource)) {
            DecisionMark.ADMITTED.mark(request);
            return true;
        }
        DecisionMark.REFUSED.mark(request);
        answer.refuse(request, live.current().denyStatus());
        return false;
    }

    /** Decides, logs and reports without acting: true if the client is in the group (or report-only mode is on). */
    boolean admits(ContainerRequestContext request, String group, String resource) {
        // One configuration for the whole decision: a reload that changes a list named by both the trusted
        // proxies and the group must not be seen half, old proxies with the new group.
        ConfigSnapshot config = live.current();
        ClientAddress client = ClientAddress.unknown();
        Decision.Reason reason;
        String error = null;
        try {
            ClientAddress resolved = ownResolver != null ? ownResolver.resolve(request, config) : resolver.resolve(request);
            if (resolved == null) {
                // Fail closed: a resolver that answers nothing has not identified the client.
                reason = Decision.Reason.GUARD_ERROR;
                error = "the client resolver returned null";
            } else {
                client = resolved;
                request.setProperty(ClientAddress.PROPERTY, client);
                reason = decide(client, group, config);
            }
        } catch (RuntimeException | LinkageError e) {
            // Fail closed: an error inside the guard must never let a request through.
            reason = Decision.Reason.GUARD_ERROR;
            error = "guard error: " + e;
        }
        if (error != null) {
            request.setProperty(ClientAddress.PROPERTY, client);
        }
        boolean allowed = reason == Decision.Reason.IN_GROUP;
        if (!allowed) {
            logRefusal(request, config, group, resource, client, reason, error);
        }
        count(allowed ? Decision.Outcome.ALLOWED : config.reportOnly(group) ? Decision.Outcome.REPORTED
                : Decision.Outcome.REFUSED, reason, group);
        if (!listeners.isEmpty()) {
            notify(allowed, config, reason, group, resource, client);
        }
        return allowed || config.reportOnly(group);
    }

    /** Counts a decision; a registry that fails changes nothing and is logged once a second. */
    private void count(Decision.Outcome outcome, Decision.Reason reason, String group) {
        try {
            metrics.decided(outcome, reason, group);
        } catch (RuntimeException | LinkageError e) {
            // LinkageError: a registry built against another Micrometer version fails this way.
            String fault = "metrics failed: " + e;
            refusals.logFault(fault, () -> "ipguard: " + fault + "; decisions are unaffected");
        }
    }

    /** Kept out of {@link #admits} so that the allowed path stays small enough to inline. */
    private void logRefusal(ContainerRequestContext request, ConfigSnapshot config, String group, String resource,
                            ClientAddress client, Decision.Reason reason, String error) {
        Supplier<String> line = () -> refusalLine(request, config, group, resource, client, reason, error);
        if (error == null) {
            refusals.log(line);
        } else {
            // A broken part fails every request alike: say so once a second, not once a request.
            refusals.logFault(error, line);
        }
    }

    private void notify(boolean allowed, ConfigSnapshot config, Decision.Reason reason, String group, String resource,
                        ClientAddress client) {
        Decision.Outcome outcome = allowed ? Decision.Outcome.ALLOWED
                : config.reportOnly(group) ? Decision.Outcome.REPORTED : Decision.Outcome.REFUSED;
        // The lists behind the decision: the group's when ours decided, the proxies' when our resolver found the client.
        notify(new Decision(outcome, reason, group, resource, client,
                config.sourced().statuses(group, ownProvider, ownResolver != null)));
    }

    /** Refuses a request the guard could not decide (report-only mode lets it through, logged). */
    void refuse(ContainerRequestContext request, String resource, String error) {
        if (admitsUndecided(request, resource, error)) {
            DecisionMark.ADMITTED.mark(request);
        } else {
            DecisionMark.REFUSED.mark(request);
            answer.refuse(request, live.current().denyStatus());
        }
    }

    /** The guard's refusal answer for a resource that finds it should not have been reached; logs why. */
    Response refusalOfResource(String why) {
        refusals.logFault(why, () -> "ipguard: refused: " + why);
        return answer.answer(live.current().denyStatus());
    }

    /**
     * Gives a refused request's answer its final shape, after the stages Jersey pushed while
     * matching have run: in 404 mode a selected method's {@code @Produces} would otherwise type an
     * untyped "not found" entity, which a missing path leaves untyped.
     */
    void finishRefusal(ContainerResponseContext response) {
        // In 403 mode this writes the refusal again, unchanged, unless the refusal was decided before
        // an earlier answer (BackstopListener) and the mode changed since: then it replaces that answer.
        answer.replace(response, live.current().denyStatus());
    }

    /**
     * Decides a request for every group, marking the verdict without answering: the backstop
     * answers. True if the request is let through.
     */
    boolean admitsAll(ContainerRequestContext request, List<String> groups, String resource) {
        for (String group : groups) {
            if (!admits(request, group, resource)) {
                DecisionMark.REFUSED.mark(request);
                return false;
            }
        }
        (groups.isEmpty() ? DecisionMark.OPEN : DecisionMark.ADMITTED).mark(request);
        return true;
    }

    /** Marks a request the guard could not decide as refused (report-only: let through); true if refused. */
    boolean refusesUndecided(ContainerRequestContext request, String resource, String error) {
        if (admitsUndecided(request, resource, error)) {
            DecisionMark.ADMITTED.mark(request);
            return false;
        }
        DecisionMark.REFUSED.mark(request);
        return true;
    }

    /** Replaces an answer given before the guard could run when the client is refused; true if replaced. */
    boolean replaceUnlessAdmitted(ContainerRequestContext request, ContainerResponseContext response, List<String> groups,
                                  String resource) {
        for (String group : groups) {
            if (!admits(request, group, resource)) {
                answer.replace(response, live.current().denyStatus());
                return true;
            }
        }
        return false;
    }

    /** Replaces an answer given before the guard could run, because the guard could not decide it. */
    void replaceUndecided(ContainerRequestContext request, ContainerResponseContext response, String resource,
                          String error) {
        if (!admitsUndecided(request, resource, error)) {
            answer.replace(response, live.current().denyStatus());
        }
    }

    private boolean admitsUndecided(ContainerRequestContext request, String resource, String error) {
        ConfigSnapshot config = live.current();
        request.setProperty(ClientAddress.PROPERTY, ClientAddress.unknown());
        refusals.logFault(error, () -> prefix(config.reportOnly(), resource) + error + " [" + evidence(request, config.forwarding().header())
                + "]");
        count(config.reportOnly() ? Decision.Outcome.REPORTED : Decision.Outcome.REFUSED, Decision.Reason.GUARD_ERROR,
                "none");
        return config.reportOnly();
    }

    private static String prefix(boolean reportOnly, String resource) {
        return (reportOnly ? "would refuse (report-only) " : "refused ") + resource + ": ";
    }

    private Decision.Reason decide(ClientAddress client, String group, ConfigSnapshot config) {
        IpSet set = ownProvider ? config.groups().get(group) : provider.group(group);
        if (set == null) {
            // Fail closed: the provider no longer knows the group, so nobody is in it.
            return Decision.Reason.GROUP_UNDEFINED;
        }
        if (!client.isKnown()) {
            return Decision.Reason.CLIENT_UNKNOWN;
        }
        return set.contains(client) ? Decision.Reason.IN_GROUP : Decision.Reason.NOT_IN_GROUP;
    }

    private void notify(Decision decision) {
        for (DecisionListener listener : listeners) {
            try {
                listener.onDecision(decision);
            } catch (RuntimeException | LinkageError e) {
                refusals.log(() -> "decision listener " + listener.getClass().getName() + " failed: " + e);
            }
        }
    }

    /**
     * The refusal log line: the explanation in words when the default resolver decided (else the
     * reason), then the evidence: the peer and the forwarding header as received.
     */
    private String refusalLine(ContainerRequestContext request, ConfigSnapshot config, String group, String resource,
                               ClientAddress client, Decision.Reason reason, String error) {
        String prefix = prefix(config.reportOnly(group), resource);
        String evidence = " [" + evidence(request, config.forwarding().header()) + "]";
        if (error == null && resolver instanceof DefaultClientIpResolver) {
            try {
                Explanation explanation = Explainer.explain(config, provider, peers.peer(request), request.getHeaders(), group);
                if (!explanation.allowed() && explanation.client().equals(client)) {
                    return prefix + explanation.toString().substring("refused: ".length()) + evidence;
                }
            } catch (RuntimeException e) {
                // Fall back to the plain line below.
            }
        }
        String why = switch (reason) {
            case GROUP_UNDEFINED -> "group \"" + group + "\" is not defined by " + provider;
            case CLIENT_UNKNOWN -> "the client address is unknown (group \"" + group + "\")";
            case NOT_IN_GROUP -> "client " + client + " is not in group \"" + group + "\"";
            default -> error;
        };
        return prefix + why + evidence;
    }

    /** What the client was resolved from: the peer and the forwarding header. */
    private String evidence(ContainerRequestContext request, String header) {
        StringBuilder out = new StringBuilder("peer ");
        try {
            out.append(peers.peer(request));
        } catch (RuntimeException e) {
            out.append("unavailable");
        }
        List<String> lines = header == null ? null : request.getHeaders().get(header);
        if (lines != null && !lines.isEmpty()) {
            out.append(", ").append(header).append(": ").append(LogText.quote(lines));
        }
        return out.toString();
    }
}
