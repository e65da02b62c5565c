package io.ipguard.jaxrs.internal.config;

import io.ipguard.jaxrs.IpGuardConfigurationException;
import io.ipguard.jaxrs.IpGuardProperties;
import io.ipguard.jaxrs.internal.address.CompiledIpSet;
import io.ipguard.jaxrs.internal.lists.FileListSource;
import io.ipguard.jaxrs.internal.lists.JsonListReader;
import io.ipguard.jaxrs.internal.lists.ListSelection;
import io.ipguard.jaxrs.internal.lists.ListSource;
import io.ipguard.jaxrs.internal.lists.ProxyBreadth;
import io.ipguard.jaxrs.internal.lists.SourceHealth;
import io.ipguard.jaxrs.internal.lists.SourceSettings;
import io.ipguard.jaxrs.internal.lists.UrlListSource;
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
    private HttpClient localClient;
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
        return plan(next, false);
    }

    /** As {@link #plan(SourceSettings)}; with {@code refetchUrls}, URL sources start afresh too, as at a restart. */
    synchronized Plan plan(SourceSettings next, boolean refetchUrls) {
        Map<String, ListSource> kept = new LinkedHashMap<>();
        for (ListSource source : all) {
            if (!(refetchUrls && source instanceof UrlListSource)) {
                kept.put(identity(source), source);
            }
        }
        boolean sameTimeout = next.timeout().equals(settings.timeout());
        HttpClient http = client;
        HttpClient local = localClient;
        if (!next.groups().isEmpty() && (http == null || !next.timeout().equals(settings.timeout()))) {
            http = HttpClient.newBuilder().connectTimeout(next.timeout()).followRedirects(HttpClient.Redirect.NORMAL)
                    .build();
            // http is for a loopback sidecar only: a redirect from it would fetch from elsewhere in clear text.
            local = HttpClient.newBuilder().connectTimeout(next.timeout()).followRedirects(HttpClient.Redirect.NEVER)
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
                ListSource source = new UrlListSource(url.getKey(), url.getValue(), next,
                        "https".equalsIgnoreCase(url.getValue().getScheme()) ? http : local, clock);
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
        localClient = local;
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
        return (source instanceof UrlListSource ? "url " : "file ") + source.group() + " " + source.location();
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
     * {@code config} with the planned sources' lists, unless list files would make the trusted
     * proxies trust too much beyond what the configuration writes ({@link ProxyBreadth}): a file is
     * configuration, so that stops start-up or refuses the change.
     */
    static ConfigSnapshot applyTo(ConfigSnapshot config, Plan plan) {
        ConfigSnapshot next = applyTo(config, plan.sources());
        String harm = trustsTooMany(next);
        if (harm != null) {
            throw new IpGuardConfigurationException(List.of(IpGuardProperties.TRUSTED_PROXIES + ": with the lists it "
                    + "names it would " + ProxyBreadth.refusal(harm)));
        }
        List<String> wide = new ArrayList<>();
        for (ListSource source : plan.sources()) {
            // A list file is configuration read now (a URL list is checked when it is fetched): too wide stops it.
            String admits = !(source instanceof FileListSource) || source.set() == null ? null
                    : ProxyBreadth.admitsTooMany(source.set(), config.urls().maxShare(source.group()));
            if (admits != null) {
                wide.add(source.origin() + ": admits " + admits + "; a list from a file may admit at most "
                        + config.urls().maxShare(source.group()) + "% (" + IpGuardProperties.LIST_MAX_SHARE
                        + "); write so wide a group in the configuration itself");
            }
        }
        if (!wide.isEmpty()) {
            throw new IpGuardConfigurationException(wide);
        }
        return next;
    }

    /** What the trusted proxies of {@code next} would trust past what lists may add to what it writes; else null. */
    static String trustsTooMany(ConfigSnapshot next) {
        return ProxyBreadth.tooBroad((CompiledIpSet) next.forwarding().trustedProxies(),
                next.lists().writtenTrustedProxies());
    }

    /** {@code config} with the lists of the sources in force. */
    ConfigSnapshot applyTo(ConfigSnapshot config) {
        return applyTo(config, all);
    }

    /** {@code config} with the lists of {@code all}: by group (those not loaded yet are absent), entries where kept. */
    static ConfigSnapshot applyTo(ConfigSnapshot config, List<ListSource> all) {
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
