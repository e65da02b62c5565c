package io.ipguard.jaxrs.internal.client;

import io.ipguard.jaxrs.ClientAddress;
import io.ipguard.jaxrs.IpGuardProperties;
import io.ipguard.jaxrs.ListStatus;
import io.ipguard.jaxrs.internal.config.Forwarding;
import io.ipguard.jaxrs.internal.io.Logs;
import io.ipguard.jaxrs.internal.lists.SourceStatus;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;

/**
 * Notices the commonest proxy misconfiguration: a forwarding header arriving from a peer that is
 * not a trusted proxy (or with no header configured at all). The guard then takes the proxy itself
 * for the client, and if the proxy's address is in a group, lets everyone behind it in. This says
 * so in a WARNING naming the peer, the header and the key to set, once per peer and header every
 * ten minutes and at most once a second in all, and keeps the latest for
 * {@code IpGuardInspector.status()}. It looks at each of the first {@value #FIRST} requests, so that
 * a few test requests after a deployment show the mistake, then at one in {@value #SAMPLE}: a proxy
 * sends the header on every request, so it is seen within a few, and the others pay nothing.
 * Thread-safe.
 */
public final class UntrustedForwarding {

    static final int SAMPLE = 16;
    static final int FIRST = 64;
    public static final List<String> USUAL_HEADERS = List.of("X-Forwarded-For", "Forwarded", "X-Real-IP");
    private static final System.Logger LOG = Logs.LOG;
    private static final long QUIET_MILLIS = 10 * 60 * 1000;
    private static final int MAX_REMEMBERED = 1024;

    private final Clock clock;
    private final BooleanSupplier sampled;
    /** Counts calls, racily on purpose: a lost increment only shifts which request is looked at. */
    private int calls;
    private final Map<String, Long> lastWarned = new ConcurrentHashMap<>();
    private volatile long lastAnyWarning = Long.MIN_VALUE / 2;
    private volatile String latest;
    private volatile Instant latestAt;
    private volatile long seen;
    /** Set once a meter counts these requests: then every request is looked at, not a sample. */
    private volatile boolean counting;
    private final LongAdder requests = new LongAdder();

    public UntrustedForwarding(Clock clock) {
        this(clock, null);
    }

    /** With {@code sampled} deciding which requests are looked at (tests look at every one); null for one in {@value #SAMPLE}. */
    UntrustedForwarding(Clock clock, BooleanSupplier sampled) {
        this.clock = clock;
        this.sampled = sampled;
    }

    /** Called by the resolver for a request whose forwarding headers it ignores; looks at some of them. */
    void ignoredHeaders(ContainerRequestContext request, ClientAddress peer, Forwarding forwarding) {
        if (counting) {
            countEvery(request, peer, forwarding);
            return;
        }
        int call = ++calls;
        // Every one of the first requests, so that a few test requests show a mistake; then one in SAMPLE.
        // (After 2^31 calls the count wraps below zero; those are sampled like the rest, not all looked at.)
        if (sampled == null ? (call > FIRST || call < 0) && (call & (SAMPLE - 1)) != 0 : !sampled.getAsBoolean()) {
            return;
        }
        if (forwarding.kind() != Forwarding.Kind.NONE) {
            if (request.getHeaderString(forwarding.header()) != null) {
                warn(peer, forwarding.header(), false);
            }
            return;
        }
        for (int i = 0; i < USUAL_HEADERS.size(); i++) {
            if (request.getHeaderString(USUAL_HEADERS.get(i)) != null) {
                warn(peer, USUAL_HEADERS.get(i), true);
                return;
            }
        }
    }

    /**
     * With a meter counting: looks at every request, so that the count is of requests; the warning
     * is still logged at most once a second, and once in ten minutes per peer and header.
     */
    private void countEvery(ContainerRequestContext request, ClientAddress peer, Forwarding forwarding) {
        String header = null;
        if (forwarding.kind() != Forwarding.Kind.NONE) {
            header = request.getHeaderString(forwarding.header()) != null ? forwarding.header() : null;
        } else {
            for (int i = 0; i < USUAL_HEADERS.size() && header == null; i++) {
                header = request.getHeaderString(USUAL_HEADERS.get(i)) != null ? USUAL_HEADERS.get(i) : null;
            }
        }
        if (header != null) {
            requests.increment();
            warn(peer, header, forwarding.kind() == Forwarding.Kind.NONE);
        }
    }

    /** From now on every request is looked at and counted ({@link #requests()}); a meter asks for it. */
    public void count() {
        counting = true;
    }

    /** Requests that carried a forwarding header from a peer it is not believed from, since {@link #count()}. */
    public long requests() {
        return requests.sum();
    }

    /** The warning for a header from an untrusted peer; also used by explanations. */
    static String advice(ClientAddress peer, String header, boolean noHeaderConfigured) {
        if (noHeaderConfigured) {
            return "a request from " + peer + " carries " + header + ", but " + IpGuardProperties.CLIENT_IP_HEADER
                    + " is not set, so the client is taken to be " + peer + " itself; if " + peer + " is a proxy, set "
                    + IpGuardProperties.CLIENT_IP_HEADER + " = " + header + " and " + IpGuardProperties.TRUSTED_PROXIES
                    + " to the address it connects from (docs/proxies.md)";
        }
        return "a request from " + peer + " carries " + header + ", but " + peer + " is not in "
                + IpGuardProperties.TRUSTED_PROXIES + ", so the header is ignored and the client is taken to be " + peer
                + "; if " + peer + " is your proxy, add it to " + IpGuardProperties.TRUSTED_PROXIES
                + " (otherwise a client is sending the header itself)";
    }

    private synchronized void warn(ClientAddress peer, String header, boolean noHeaderConfigured) {
        long now = clock.millis();
        String key = peer + " " + header;
        Long last = lastWarned.get(key);
        if (last != null && now - last < QUIET_MILLIS || now - lastAnyWarning < 1000) {
            return;
        }
        if (lastWarned.size() >= MAX_REMEMBERED) {
            // Many distinct peers: forget them rather than grow; the one-a-second limit still holds.
            lastWarned.clear();
        }
        lastWarned.put(key, now);
        lastAnyWarning = now;
        String advice = advice(peer, header, noHeaderConfigured);
        latest = advice;
        latestAt = Instant.ofEpochMilli(now);
        seen++;
        LOG.log(System.Logger.Level.WARNING, "ipguard: " + advice);
    }

    /** How many warnings were logged. */
    public long warnings() {
        return seen;
    }

    /** The latest warning as a status line, or null if there was none. */
    public ListStatus status() {
        String advice = latest;
        return advice == null ? null : new SourceStatus("forwarding headers from peers that are not trusted proxies", null,
                seen, advice, latestAt, 0, null, latestAt);
    }
}
