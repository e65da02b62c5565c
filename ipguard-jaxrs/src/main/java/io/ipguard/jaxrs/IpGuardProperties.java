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

    /** The group that {@code @Whitelisted} without a {@code group} selects: <code>{@value}</code>. */
    public static final String DEFAULT_GROUP = "default";

    /** The prefix shared by every key of this library: <code>{@value}</code>. */
    public static final String PREFIX = "ipguard.";

    private IpGuardProperties() {
    }
}
