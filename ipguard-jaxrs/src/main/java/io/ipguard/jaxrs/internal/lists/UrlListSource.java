package io.ipguard.jaxrs.internal.lists;

import io.ipguard.jaxrs.internal.address.CompiledIpSet;
import io.ipguard.jaxrs.internal.address.ListEntry;
import io.ipguard.jaxrs.internal.io.BoundedBody;
import io.ipguard.jaxrs.internal.io.IoProblems;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One group published at a URL as plain text: entries separated by line breaks or commas,
 * {@code #} comments to the end of a line. Fetched with {@code ETag}/{@code If-Modified-Since};
 * any failure keeps the list in force (an empty one until a first fetch succeeds). Errors name
 * {@code url:line}. Thread-safe: fetches are serialised, readers see immutable snapshots.
 */
public final class UrlListSource implements ListSource {

    private final String group;
    private final URI uri;
    /** The URL as messages show it ({@link #shown(URI)}). */
    private final String shown;
    private final SourceSettings settings;
    private final HttpClient client;
    /** How to read the document: null for a plain list. */
    private final ListSelection selection;
    private final SourceHealth health;
    private volatile CompiledIpSet set;
    private volatile String entries = "";
    /** The list before the latest fetch, so that a fetch the whole configuration refuses can be undone. */
    private Fetched previous;
    private String etag;
    private String lastModified;

    public UrlListSource(String group, URI uri, SourceSettings settings, HttpClient client, Clock clock) {
        this.group = group;
        this.uri = uri;
        this.settings = settings;
        this.client = client;
        this.selection = settings.selections().get(group);
        this.shown = shown(uri);
        this.health = new SourceHealth("url " + shown + " (group \"" + group + "\")", "url:" + group, clock);
    }

    @Override
    public String origin() {
        return shown;
    }

    @Override
    public String location() {
        return uri.toString();
    }

    /**
     * The URL for messages, the status and logs: without user name and password, and with the value of
     * every query parameter hidden, since a private list's URL often carries its access token.
     */
    static String shown(URI uri) {
        StringBuilder out = new StringBuilder().append(uri.getScheme()).append("://").append(uri.getHost());
        if (uri.getPort() != -1) {
            out.append(':').append(uri.getPort());
        }
        out.append(uri.getRawPath() == null ? "" : uri.getRawPath());
        String query = uri.getRawQuery();
        if (query != null) {
            out.append('?');
            String[] parameters = query.split("&", -1);
            for (int i = 0; i < parameters.length; i++) {
                int equals = parameters[i].indexOf('=');
                out.append(i == 0 ? "" : "&").append(equals < 0 ? "***" : parameters[i].substring(0, equals + 1) + "***");
            }
        }
        return out.toString();
    }

    @Override
    public String group() {
        return group;
    }

    /** The list as last fetched, or null until a fetch succeeds. */
    @Override
    public CompiledIpSet set() {
        return set;
    }

    @Override
    public String entries() {
        return entries;
    }

    @Override
    public SourceHealth health() {
        return health;
    }

    /** Whether the latest fetch failed (or none succeeded yet): the next one comes sooner. */
    public boolean failing() {
        return health.status().lastError().isPresent() || health.status().version() == 0;
    }

    private record Fetched(CompiledIpSet set, String entries, SourceHealth.Before health) {
    }

    /** Also forgets the validators, so that the next fetch of the same list is refused the same way. */
    @Override
    public synchronized void refuseLatest(String why) {
        set = previous.set();
        entries = previous.entries();
        etag = null;
        lastModified = null;
        health.refused(previous.health(), shown + ": " + why);
    }

    /** Fetches the list, conditionally. */
    @Override
    public synchronized boolean refresh() {
        try {
            HttpResponse<byte[]> response = fetch();
            if (response.statusCode() == 304) {
                health.fetched(SourceHealth.Fetch.NOT_MODIFIED);
                health.checked();
                return false;
            }
            if (response.statusCode() != 200) {
                health.fetched(SourceHealth.Fetch.ERROR);
                health.failed(shown + ": " + status(response.statusCode()));
                return false;
            }
            int maxBytes = settings.maxBytes(group);
            if (response.body().length > maxBytes) {
                // Answered, but not a list that can be used: its own outcome, so that an alert on errors sees it.
                health.fetched(SourceHealth.Fetch.INVALID);
                health.failed(shown + ": the list is larger than " + maxBytes + " bytes");
                return false;
            }
            String text = ListText.decode(response.body());
            List<String> problems = new ArrayList<>();
            List<ListEntry> parsedEntries = new ArrayList<>();
            String normalized = selection == null ? ListText.parse(text, shown, parsedEntries, problems, true)
                    : selection.isCsv() ? ListText.parseCsv(text, selection.csvColumn(), shown, parsedEntries, problems)
                    : JsonListReader.read(text, selection, shown, parsedEntries, problems);
            if (problems.size() > 20) {
                problems.subList(20, problems.size()).clear();
                problems.add("and more");
            }
            if (problems.isEmpty() && (selection == null || selection.isCsv())
                    && ListText.emptyUnlessSaid(text, parsedEntries.size())) {
                problems.add(shown + ": " + ListText.EMPTY);
            }
            if (!problems.isEmpty()) {
                health.fetched(SourceHealth.Fetch.INVALID);
                health.failed(String.join("; ", problems));
                return false;
            }
            health.fetched(SourceHealth.Fetch.OK);
            previous = new Fetched(set, entries, health.before());
            set = CompiledIpSet.compile(parsedEntries);
            entries = normalized;
            etag = response.headers().firstValue("ETag").orElse(null);
            lastModified = response.headers().firstValue("Last-Modified").orElse(null);
            health.loaded(parsedEntries.size());
            return true;
        } catch (HttpTimeoutException e) {
            health.fetched(SourceHealth.Fetch.ERROR);
            health.failed(shown + ": no complete answer within " + settings.timeout().toSeconds() + " s");
        } catch (IOException | RuntimeException e) {
            health.fetched(SourceHealth.Fetch.ERROR);
            health.failed(shown + ": " + (e instanceof IOException io ? IoProblems.describe(io) : String.valueOf(e.getMessage())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            health.failed(shown + ": interrupted");
        }
        return false;
    }

    /** What an answer other than 200 or 304 means, in words. */
    private static String status(int code) {
        if (code >= 300 && code < 400) {
            // The client follows redirects on the same scheme; one that comes back is a loop or a change of scheme.
            return "answered HTTP " + code + ", a redirect that was not followed (a loop, too many, or from https to http)";
        }
        return "answered HTTP " + code;
    }

    /**
     * One conditional GET, body included, within the timeout: a server that sends its headers and
     * then never ends the body must not hold start-up or the reload thread. A body over the bound
     * comes back one byte over it.
     */
    private HttpResponse<byte[]> fetch() throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(settings.timeout()).GET()
                .header("Accept", selection == null ? "text/plain"
                        : selection.isCsv() ? "text/csv, text/plain" : "application/json");
        if (etag != null) {
            request.header("If-None-Match", etag);
        }
        if (lastModified != null) {
            request.header("If-Modified-Since", lastModified);
        }
        CompletableFuture<HttpResponse<byte[]>> exchange = client.sendAsync(request.build(),
                BoundedBody.upTo(settings.maxBytes(group)));
        try {
            return exchange.get(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw new HttpTimeoutException("timed out");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
    }
}
