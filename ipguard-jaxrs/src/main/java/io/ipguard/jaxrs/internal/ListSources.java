package io.ipguard.jaxrs.internal;

import io.ipguard.jaxrs.IpGuardConfigurationException;
import io.ipguard.jaxrs.IpGuardProperties;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The groups kept outside the configuration, one {@link ListSource} each, and when each is looked
 * at again: a URL every {@code url-refresh-seconds} (sooner after a failure), a file on every poll.
 * When the configuration changes what they are, sources that stay the same are kept with their
 * lists; new files are read at once, new URLs are fetched once the configuration is in force.
 */
final class ListSources {

    /** The longest wait before fetching again a URL list whose latest fetch failed. */
    static final Duration RETRY = Duration.ofSeconds(10);

    private final Clock clock;
    private volatile List<ListSource> all = List.of();
    private SourceSettings settings = SourceSettings.NONE;
    private HttpClient client;
    private ScheduledExecutorService executor;
    private long pollMillis;
    private Consumer<ListSource> refresh;

    ListSources(Clock clock) {
        this.clock = clock;
    }

    List<ListSource> all() {
        return all;
    }

    /** Sources made for new settings, not yet in force: {@code toFetch} are the new URL sources. */
    record Plan(SourceSettings settings, List<ListSource> sources, List<ListSource> started, List<ListSource> toFetch) {
    }

    /**
     * Makes the sources {@code next} describes, keeping the ones that do not change; new files are
     * read now. Nothing changes until {@link #commit}.
     *
     * @throws io.ipguard.jaxrs.IpGuardConfigurationException if a new file cannot be read or does not parse
     */
    synchronized Plan plan(SourceSettings next) {
        Map<String, ListSource> kept = new LinkedHashMap<>();
        for (ListSource source : all) {
            kept.put(identity(source), source);
        }
        boolean sameTimeout = next.timeout().equals(settings.timeout());
        HttpClient http = client;
        if (!next.groups().isEmpty() && (http == null || !next.timeout().equals(settings.timeout()))) {
            http = HttpClient.newBuilder().connectTimeout(next.timeout()).followRedirects(HttpClient.Redirect.NORMAL)
                    .build();
        }
        List<ListSource> sources = new ArrayList<>();
        List<ListSource> toFetch = new ArrayList<>();
        for (Map.Entry<String, URI> url : next.groups().entrySet()) {
            ListSelection selection = next.selections().get(url.getKey());
            if (selection != null && !selection.isCsv()) {
                requireJson(IpGuardProperties.URL_SELECT_PREFIX + url.getKey());
            }
            ListSource old = kept.get("url " + url.getKey() + " " + url.getValue());
            String name = url.getKey();
            if (old != null && sameTimeout && next.maxBytes(name) == settings.maxBytes(name)
                    && java.util.Objects.equals(selection, settings.selections().get(name))) {
                sources.add(old);
            } else {
                ListSource source = new UrlListSource(url.getKey(), url.getValue(), next, http, clock);
                sources.add(source);
                toFetch.add(source);
            }
        }
        List<ListSource> started = new ArrayList<>(toFetch);
        for (Map.Entry<String, Path> file : next.files().entrySet()) {
            ListSource old = kept.get("file " + file.getKey() + " " + file.getValue());
            if (old != null) {
                sources.add(old);
            } else {
                FileListSource source = new FileListSource(file.getKey(), file.getValue(), clock);
                source.load();
                sources.add(source);
                started.add(source);
            }
        }
        client = http;
        return new Plan(next, List.copyOf(sources), started, toFetch);
    }

    /** Puts the planned sources in force; the caller fetches {@code plan.toFetch()} next. */
    synchronized void commit(Plan plan) {
        settings = plan.settings();
        all = plan.sources();
        if (executor != null) {
            plan.started().forEach(this::schedule);
        }
    }

    /** A JSON selection needs Jakarta JSON Processing, which an application adds only when it reads JSON lists. */
    private static void requireJson(String key) {
        try {
            Class.forName("jakarta.json.spi.JsonProvider", false, ListSources.class.getClassLoader());
            JsonListReader.requireProvider();
        } catch (ClassNotFoundException | LinkageError | IllegalStateException e) {
            throw new IpGuardConfigurationException(List.of(key + ": a JSON selection needs Jakarta JSON Processing; "
                    + "add org.eclipse.parsson:parsson (1.1.9 or later) to the application's dependencies"));
        }
    }

    private static String identity(ListSource source) {
        return (source instanceof UrlListSource ? "url " : "file ") + source.group() + " " + source.origin();
    }

    /** Looks at every source again from now on, on {@code executor}, handing each to {@code refresh}. */
    synchronized void schedule(ScheduledExecutorService executor, long pollMillis, Consumer<ListSource> refresh) {
        this.executor = executor;
        this.pollMillis = pollMillis;
        this.refresh = refresh;
        all.forEach(this::schedule);
    }

    private void schedule(ListSource source) {
        long delay = pollMillis;
        if (source instanceof UrlListSource url) {
            Duration every = settings.refresh();
            delay = (url.failing() && every.compareTo(RETRY) > 0 ? RETRY : every).toMillis();
        }
        executor.schedule(() -> {
            if (!all.contains(source)) {
                return; // dropped by a configuration change
            }
            try {
                refresh.accept(source);
            } catch (RuntimeException | Error e) {
                // Whatever went wrong, the source is looked at again: a watch must not end silently.
                source.health().failed(source.origin() + ": " + e);
            } finally {
                synchronized (this) {
                    schedule(source);
                }
            }
        }, delay, TimeUnit.MILLISECONDS);
    }

    /**
     * The widest share of an address family the lists may make the trusted proxies trust: far above
     * any provider's proxy ranges (Cloudflare's or CloudFront's are well under 1% of IPv4), far
     * below "everyone but a few", which would let nearly every client choose its own address.
     */
    static final double MAX_PROXY_SHARE = 1.0 / 16;

    /** Says why trusted proxies that are too wide are refused, after what {@link #trustsTooMany} found. */
    static String tooWide(String harm) {
        return "trust " + harm + " (lists may widen it to "
                + "6.25% of an address family at most), so nearly any client could choose its own address";
    }

    /**
     * {@code config} with the planned sources' lists, unless list files would make the trusted
     * proxies trust too much (see {@link #trustsTooMany}): a file is configuration, so that stops
     * start-up or refuses the change.
     */
    static GuardConfig applyTo(GuardConfig config, Plan plan, GuardConfig before) {
        GuardConfig next = applyTo(config, plan.sources());
        String harm = trustsTooMany(next, before);
        if (harm != null) {
            throw new IpGuardConfigurationException(List.of(IpGuardProperties.TRUSTED_PROXIES + ": with the lists it "
                    + "names it would " + tooWide(harm)));
        }
        return next;
    }

    /**
     * What the trusted proxies of {@code next} would trust, such as {@code every IPv4 address} or
     * {@code 99.99% of all IPv6 addresses}, if the lists take them past {@link #MAX_PROXY_SHARE} of an
     * address family and beyond what {@code now} trusts; else null. A list from elsewhere must not
     * be able to make (nearly) every client a proxy that names its own address.
     */
    static String trustsTooMany(GuardConfig next, GuardConfig now) {
        CompiledIpSet after = (CompiledIpSet) next.forwarding().trustedProxies();
        CompiledIpSet before = (CompiledIpSet) now.forwarding().trustedProxies();
        String ipv4 = tooMany(after.ipv4Share(), before.ipv4Share(), after.coversAllIpv4(), "IPv4");
        return ipv4 != null ? ipv4 : tooMany(after.ipv6Share(), before.ipv6Share(), after.coversAllIpv6(), "IPv6");
    }

    private static String tooMany(double after, double before, boolean all, String family) {
        if (after <= MAX_PROXY_SHARE || after <= before) {
            return null;
        }
        // Rounded down and short of 100% unless it is, so that "all but one address" does not read as all.
        return all ? "every " + family + " address" : String.format(java.util.Locale.ROOT, "%.2f%% of all %s addresses",
                Math.min(99.99, Math.floor(after * 10_000) / 100), family);
    }

    /** {@code config} with the lists of the sources in force. */
    GuardConfig applyTo(GuardConfig config) {
        return applyTo(config, all);
    }

    /** {@code config} with the lists of {@code all}: by group (those not loaded yet are absent), entries where kept. */
    static GuardConfig applyTo(GuardConfig config, List<ListSource> all) {
        if (all.isEmpty()) {
            return config;
        }
        Map<String, ListSource.Content> loaded = new LinkedHashMap<>();
        Map<String, String> notes = new LinkedHashMap<>();
        Map<String, SourceHealth> health = new LinkedHashMap<>();
        for (ListSource source : all) {
            health.put(source.group(), source.health());
            ListSource.Content content = source.content();
            loaded.put(source.group(), content);
            if (content.set() != null) {
                // Explanations name where a list came from and when: "https://api.github.com/meta, fetched 12:00:03Z".
                notes.put(source.group(), source.origin() + (source instanceof UrlListSource ? ", fetched " : ", read ")
                        + source.status().loadedAt().map(at -> at.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                        .toString()).orElse("?"));
            }
        }
        return config.withSourceLists(loaded, notes, health);
    }
}
