package io.ipguard.jaxrs;

/**
 * Names of the configuration properties read by {@link IpGuardFeature}. The same keys work as
 * JAX-RS application properties ({@code ResourceConfig.property(...)},
 * {@code Application.getProperties()}) and in a configuration file. Any other key that starts
 * with {@code ipguard.} is a configuration error, so that a misspelt key cannot be ignored.
 *
 * <p>This class only holds constants.
 */
public final class IpGuardProperties {

    /**
     * Prefix of a named group: {@code ipguard.group.<name>} holds the group's comma-separated
     * entries (addresses, CIDR blocks, {@code low-high} ranges, {@code !} exclusions). A key with
     * no entry defines an empty group, which refuses everyone. Group names use letters, digits,
     * {@code .}, {@code _} and {@code -}. Default: no groups.
     *
     * <p>The name of the configuration property is <code>{@value}</code>.
     */
    public static final String GROUP_PREFIX = "ipguard.group.";

    /**
     * The HTTP status of a refusal: {@code 403} or {@code 404} (to hide that the resource
     * exists); anything else is a configuration error. Default: {@code 403}.
     *
     * <p>The name of the configuration property is <code>{@value}</code>.
     */
    public static final String DENY_STATUS = "ipguard.deny-status";

    /**
     * {@code true} to log would-be refusals and let the requests through, for rolling out a new
     * list safely; {@code false} to refuse. Default: {@code false}.
     *
     * <p>The name of the configuration property is <code>{@value}</code>.
     */
    public static final String REPORT_ONLY = "ipguard.report-only";

    /**
     * {@code true} to only report would-be refusals for one group and let those requests through,
     * while every other group refuses: for rolling out a new group with the others enforcing.
     * {@code ipguard.report-only.partners = true}. Default: {@code false}.
     *
     * <p>The name of the configuration property is <code>{@value}</code> followed by the group name.
     */
    public static final String REPORT_ONLY_PREFIX = "ipguard.report-only.";

    /**
     * Comma-separated entries (same grammar as a group) of the proxies whose forwarding header is
     * believed. A header is read only when the TCP peer is in this set; walking a list header from
     * the right, trusted proxies are skipped and the first other address is the client. Requires
     * {@link #CLIENT_IP_HEADER}; cannot be combined with {@link #TRUSTED_HOPS}. A set that contains
     * {@code 0.0.0.0/0} or {@code ::/0} is logged as a warning at start-up: it lets any client choose
     * its own address. Default: empty, headers are never read.
     *
     * <p>The name of the configuration property is <code>{@value}</code>.
     */
    public static final String TRUSTED_PROXIES = "ipguard.trusted-proxies";

    /**
     * The header that carries the client address: {@code X-Forwarded-For}, {@code Forwarded}
     * (RFC 7239), {@code X-Real-IP}, or any other header name that carries one address (such as
     * {@code CF-Connecting-IP}). Names are case-insensitive. Default: unset, the client is the TCP
     * peer.
     *
     * <p>The name of the configuration property is <code>{@value}</code>.
     */
    public static final String CLIENT_IP_HEADER = "ipguard.client-ip-header";

    /**
     * A number N from 1 to 20: N proxies whose addresses are not known stand in front of the
     * application, and the client is the N-th element from the right of the
     * {@code X-Forwarded-For} or {@code Forwarded} header, believed from any peer. Only safe when
     * the application cannot be reached except through those proxies. Requires
     * {@link #CLIENT_IP_HEADER} naming a list header; cannot be combined with
     * {@link #TRUSTED_PROXIES}. Default: unset.
     *
     * <p>The name of the configuration property is <code>{@value}</code>.
     */
    public static final String TRUSTED_HOPS = "ipguard.trusted-hops";

    /**
     * Prefix of a group published at a URL: {@code ipguard.url.<name> = https://...} serves the
     * group {@code <name>} from a plain-text list (one or more entries per line, {@code #}
     * comments), fetched at start-up and every {@link #URL_REFRESH_SECONDS}, with
     * {@code ETag}/{@code If-Modified-Since}. Any failure (timeout, a status other than 200 or
     * 304, an invalid entry, a body over {@link #URL_MAX_BYTES}) keeps the list in force; until a
     * first list is fetched the group is empty and refuses everyone. {@code http} is accepted only
     * for loopback hosts. A name is defined once: as a group, a URL or a file.
     *
     * <p>The name of the configuration property is <code>{@value}</code>.
     */
    public static final String URL_PREFIX = "ipguard.url.";

    /**
     * Which addresses to take from the document at {@code ipguard.url.<name>}, when it is not a plain
     * list: {@code csv} (or {@code csv:N}) takes the first (N-th) column of a CSV list such as an
     * RFC 8805 geofeed; otherwise comma-separated JSON paths, each a dot-separated list of field
     * names, where a field holding an array stands for each element, and {@code [field=value]} or
     * {@code [field~value]} (an array field holding the value) keep only matching elements, e.g.
     * {@code prefixes[service=CLOUDFRONT].ip_prefix, ipv6_prefixes[service=CLOUDFRONT].ipv6_prefix}.
     * A JSON selection needs Jakarta JSON Processing: add {@code org.eclipse.parsson:parsson}.
     * A selection that matches nothing, or a value that is not an address, keeps the list in force.
     *
     * <p>The name of the configuration property is <code>{@value}</code> followed by the group name.
     */
    public static final String URL_SELECT_PREFIX = "ipguard.url-select.";

    /**
     * Prefix of a group kept in a local file: {@code ipguard.file.partners = /etc/lists/partners.txt}
     * serves group {@code partners} from that file, one entry per line ({@code #} starts a comment;
     * commas also separate entries). The file is read at start-up, where a missing or invalid file
     * stops start-up naming {@code file:line}, and checked twice a second after that: a change is
     * applied once the file has stopped changing, and a change that cannot be read or does not parse
     * keeps the list in force. For lists too long for a property line (10^6 entries). A relative path
     * is taken from the working directory. A name is defined once: as a group, a URL or a file.
     *
     * <p>The name of the configuration property is <code>{@value}</code>.
     */
    public static final String FILE_PREFIX = "ipguard.file.";

    /**
     * Seconds between two fetches of each URL group, from 1 to 86400; after a failure the next
     * attempt comes after at most 10 seconds. Default: {@code 300}.
     *
     * <p>The name of the configuration property is <code>{@value}</code>.
     */
    public static final String URL_REFRESH_SECONDS = "ipguard.url-refresh-seconds";

    /**
     * Seconds a fetch of a URL group may take, from 1 to 300. Default: {@code 10}.
     *
     * <p>The name of the configuration property is <code>{@value}</code>.
     */
    public static final String URL_TIMEOUT_SECONDS = "ipguard.url-timeout-seconds";

    /**
     * The largest list body accepted from a URL, in bytes, from 1 to 67108864. Default:
     * {@code 1048576} (1 MiB).
     *
     * <p>The name of the configuration property is <code>{@value}</code>.
     */
    public static final String URL_MAX_BYTES = "ipguard.url-max-bytes";

    /**
     * The largest body accepted from one URL group's URL, in bytes, from 1 to 67108864, instead of
     * {@link #URL_MAX_BYTES}: {@code ipguard.url-max-bytes.aws = 8388608} for a large provider document.
     *
     * <p>The name of the configuration property is <code>{@value}</code> followed by the group name.
     */
    public static final String URL_MAX_BYTES_PREFIX = "ipguard.url-max-bytes.";

    /**
     * How much of the address space a list from a URL or a file may admit, in percent, from 1 to
     * 50: at most this share of the public IPv4 addresses, and of the global IPv6 addresses
     * ({@code 2000::/3}). A list that admits more (a server that starts answering
     * {@code 0.0.0.0/0}, say) is not applied; the list in force stays and its status says why. Only
     * what the configuration itself writes may be wider. Default {@code 10}.
     *
     * <p>The name of the configuration property is <code>{@value}</code>.
     */
    public static final String LIST_MAX_SHARE = "ipguard.list-max-share";

    /**
     * {@link #LIST_MAX_SHARE} for the list of one group kept at a URL or in a file:
     * {@code ipguard.list-max-share.aws = 20}.
     *
     * <p>The name of the configuration property is <code>{@value}</code> followed by the group name.
     */
    public static final String LIST_MAX_SHARE_PREFIX = "ipguard.list-max-share.";

    /**
     * How long, in milliseconds, the guard waits for an application's own
     * {@link WhitelistProvider} (bound through HK2) before refusing the request; {@code 0} waits
     * without limit. Lookups run on at most 16 threads of their own; when all are busy, requests
     * are refused at once. The built-in provider never blocks and is not affected. Read at
     * start-up. Default: {@code 1000}.
     *
     * <p>The name of the configuration property is <code>{@value}</code>.
     */
    public static final String PROVIDER_TIMEOUT_MILLIS = "ipguard.provider-timeout-millis";

    /** The group that {@code @Whitelisted} without a {@code group} selects: <code>{@value}</code>. */
    public static final String DEFAULT_GROUP = "default";

    /** The prefix shared by every key of this library: <code>{@value}</code>. */
    public static final String PREFIX = "ipguard.";

    private IpGuardProperties() {
    }
}
