package io.ipguard.jaxrs.internal.observe;

import io.ipguard.jaxrs.IpSet;
import io.ipguard.jaxrs.ListStatus;
import io.ipguard.jaxrs.WhitelistProvider;
import io.ipguard.jaxrs.internal.client.UntrustedForwarding;
import io.ipguard.jaxrs.internal.config.ConfigLoader;
import io.ipguard.jaxrs.internal.config.ConfigSnapshot;
import io.ipguard.jaxrs.internal.config.Forwarding;
import io.ipguard.jaxrs.internal.config.LiveWhitelistProvider;
import io.ipguard.jaxrs.internal.io.JsonText;
import io.ipguard.jaxrs.internal.lists.ListSource;
import io.ipguard.jaxrs.internal.lists.NamedLists;
import io.ipguard.jaxrs.internal.lists.UrlListSource;
import io.ipguard.jaxrs.internal.model.ResourceGuards;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the guard has in force, as one JSON document: the groups, the sources of lists and
 * their health, what guards each resource, how the client is found, and the warnings. Built on
 * request from the configuration in force; docs/status.md describes its fields.
 */
final class StatusDocument {

    private StatusDocument() {
    }

    static String of(ConfigLoader loader, WhitelistProvider provider, ResourceGuards plan, UntrustedForwarding untrusted) {
        ConfigSnapshot config = loader.live().current();
        boolean configured = provider instanceof LiveWhitelistProvider;
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("lists", configured ? "configuration" : "provider " + provider.getClass().getName());
        document.put("denyStatus", config.denyStatus());
        document.put("reportOnly", config.reportOnly());
        document.put("groups", configured ? groups(config, plan) : providerGroups(provider, plan));
        document.put("sources", sources(loader));
        document.put("guards", guards(plan));
        document.put("client", client(config));
        document.put("warnings", warnings(loader, untrusted));
        return JsonText.write(document);
    }

    /** Each group of the configuration: as written, what it draws on, and which resources use it. */
    private static List<Object> groups(ConfigSnapshot config, ResourceGuards plan) {
        NamedLists lists = config.lists();
        Map<String, String> inUse = plan.groups();
        Set<String> names = new LinkedHashSet<>(lists.names());
        names.addAll(inUse.keySet());
        List<Object> groups = new ArrayList<>();
        for (String name : names) {
            Map<String, Object> group = new LinkedHashMap<>();
            group.put("name", name);
            group.put("definedBy", lists.keyOf(name));
            NamedLists.Written written = lists.written(name);
            if (written != null) {
                group.put("entries", entries(written.value()));
                group.put("references", written.parsed().references().stream().map(Object::toString).toList());
            }
            group.put("sources", config.sourced().sourcesOf(name));
            group.put("notLoaded", config.sourced().notLoaded(config.sourced().sourcesOf(name)));
            group.put("reportOnly", config.reportOnly(name));
            group.put("usedBy", inUse.get(name));
            groups.add(group);
        }
        return groups;
    }

    /** The groups resources use, when an application's provider serves them: only whether it has each. */
    private static List<Object> providerGroups(WhitelistProvider provider, ResourceGuards plan) {
        List<Object> groups = new ArrayList<>();
        plan.groups().forEach((name, usedBy) -> {
            Map<String, Object> group = new LinkedHashMap<>();
            group.put("name", name);
            IpSet set;
            try {
                set = provider.group(name);
            } catch (RuntimeException e) {
                set = null;
                group.put("error", e.getClass().getSimpleName() + ": " + e.getMessage());
            }
            group.put("defined", set != null);
            group.put("usedBy", usedBy);
            groups.add(group);
        });
        return groups;
    }

    private static List<String> entries(String value) {
        List<String> entries = new ArrayList<>();
        for (String entry : value.split(",")) {
            if (!entry.isBlank()) {
                entries.add(entry.strip());
            }
        }
        return entries;
    }

    /** The configuration, then each list kept at a URL or in a file, with its health. */
    private static List<Object> sources(ConfigLoader loader) {
        List<Object> sources = new ArrayList<>();
        sources.add(source("configuration", null, null, loader.status().get(0)));
        for (ListSource list : loader.sources()) {
            sources.add(source(list instanceof UrlListSource ? "url" : "file", list.group(), list.origin(), list.status()));
        }
        return sources;
    }

    private static Map<String, Object> source(String kind, String group, String location, ListStatus status) {
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("kind", kind);
        if (group != null) {
            source.put("group", group);
            source.put("location", location);
        } else {
            source.put("location", status.source());
        }
        source.put("loaded", status.version() > 0);
        source.put("version", status.version());
        source.put("entries", status.entries());
        source.put("loadedAt", time(status.loadedAt()));
        source.put("checkedAt", time(status.checkedAt()));
        source.put("attemptedAt", time(status.attemptedAt()));
        source.put("lastError", status.lastError().orElse(null));
        source.put("lastErrorAt", time(status.lastErrorAt()));
        return source;
    }

    private static String time(Optional<Instant> at) {
        return at.map(Instant::toString).orElse(null);
    }

    private static List<Object> guards(ResourceGuards plan) {
        List<Object> guards = new ArrayList<>();
        for (ResourceGuards.Entry entry : plan.guarded()) {
            Map<String, Object> guard = new LinkedHashMap<>();
            guard.put("resource", entry.httpMethod() == null ? "locator " + entry.description() : entry.description());
            guard.put("group", entry.guarding().group());
            guard.put("exempt", entry.guarding().group() == null);
            guard.put("from", entry.guarding().where());
            guard.put("line", entry.reportLine());
            guards.add(guard);
        }
        return guards;
    }

    /** How the client is found: the header believed, and from whom. */
    private static Map<String, Object> client(ConfigSnapshot config) {
        Forwarding forwarding = config.forwarding();
        Map<String, Object> client = new LinkedHashMap<>();
        boolean peerOnly = forwarding.kind() == Forwarding.Kind.NONE;
        client.put("from", peerOnly ? "the TCP peer" : forwarding.header());
        client.put("trustedHops", forwarding.trustedHops());
        NamedLists.Written proxies = config.lists().trustedProxies();
        client.put("trustedProxies", proxies == null ? List.of() : entries(proxies.value()));
        client.put("trustedProxySources", config.sourced().sourcesOfTrustedProxies());
        client.put("notLoaded", config.sourced().notLoaded(config.sourced().sourcesOfTrustedProxies()));
        return client;
    }

    /** The start-up warnings of the configuration in force, and the latest untrusted forwarding peer. */
    private static List<Object> warnings(ConfigLoader loader, UntrustedForwarding untrusted) {
        List<Object> warnings = new ArrayList<>();
        for (String text : loader.warnings()) {
            Map<String, Object> warning = new LinkedHashMap<>();
            warning.put("kind", "configuration");
            warning.put("message", text);
            warnings.add(warning);
        }
        ListStatus forwarding = untrusted == null ? null : untrusted.status();
        if (forwarding != null) {
            Map<String, Object> warning = new LinkedHashMap<>();
            warning.put("kind", "untrusted-forwarding");
            warning.put("message", forwarding.lastError().orElse(""));
            warning.put("at", time(forwarding.lastErrorAt()));
            warning.put("warningsLogged", untrusted.warnings());
            warnings.add(warning);
        }
        return warnings;
    }
}
