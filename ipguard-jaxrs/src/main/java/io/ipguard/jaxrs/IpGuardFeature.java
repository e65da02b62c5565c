package io.ipguard.jaxrs;

import io.ipguard.jaxrs.internal.config.ConfigLoader;
import io.ipguard.jaxrs.internal.config.ConfigSnapshot;
import io.ipguard.jaxrs.internal.config.LiveWhitelistProvider;
import io.ipguard.jaxrs.internal.config.PropertiesFile;
import io.ipguard.jaxrs.internal.config.Setting;
import io.ipguard.jaxrs.internal.observe.DefaultInspector;
import io.ipguard.jaxrs.internal.runtime.GuardInstaller;
import io.ipguard.jaxrs.internal.runtime.GuardPriority;
import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The JAX-RS feature that enables {@link Whitelisted}. Register the class to configure it from
 * the application's {@code ipguard.*} properties (see {@link IpGuardProperties}), or an instance
 * made by {@link #builder()}, whose settings override application properties of the same key.
 *
 * <pre>{@code
 * register(IpGuardFeature.class);
 * property("ipguard.group.admin", "10.0.0.0/8, !10.9.9.9");
 * }</pre>
 *
 * <p>The configuration is validated when the application starts: any error stops start-up with
 * an {@link IpGuardConfigurationException} listing every problem. Instances are immutable.
 */
public final class IpGuardFeature implements Feature {

    /** The guard's filter priority: before authentication filters ({@code Priorities.AUTHENTICATION}). */
    public static final int PRIORITY = GuardPriority.GUARD;

    private final Path configFile;
    private final boolean watch;
    private final List<Setting> overrides;
    /** A Micrometer MeterRegistry, held untyped so that this class never makes the JVM load Micrometer. */
    private final Object meterRegistry;

    /** Creates a feature configured only by the application's properties. */
    public IpGuardFeature() {
        this(null, false, List.of(), null);
    }

    private IpGuardFeature(Path configFile, boolean watch, List<Setting> overrides, Object meterRegistry) {
        this.configFile = configFile;
        this.watch = watch;
        this.overrides = List.copyOf(overrides);
        this.meterRegistry = meterRegistry;
    }

    /**
     * Starts a programmatic configuration.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns an inspector over this feature's own settings (its configuration file and builder
     * settings, without application properties), for checking a configuration outside a running
     * application, such as a command-line "why am I blocked?". In a running application inject
     * {@link IpGuardInspector} instead: it also sees application properties and reloads.
     *
     * @return an inspector; {@link IpGuardInspector#reload()} re-reads the configuration file
     * @throws IpGuardConfigurationException if the configuration is invalid
     */
    public IpGuardInspector inspector() {
        ConfigLoader loader = ConfigLoader.load(Map.of(), configFile, overrides, Clock.systemUTC());
        return new DefaultInspector(loader, new LiveWhitelistProvider(loader.live()));
    }

    /**
     * Validates the configuration and registers the guard.
     *
     * @throws IpGuardConfigurationException if the configuration is invalid
     */
    @Override
    public boolean configure(FeatureContext context) {
        GuardInstaller.install(context, configFile, watch, overrides, meterRegistry);
        return true;
    }

    /**
     * Collects settings for an {@link IpGuardFeature}; each is validated when it is set. A later
     * setting of the same key replaces an earlier one. Not thread-safe.
     */
    public static final class Builder {

        private final Map<String, Setting> settings = new LinkedHashMap<>();
        private Path configFile;
        private boolean watch;
        private Object meterRegistry;

        private Builder() {
        }

        /**
         * Defines a group.
         *
         * @param name the group name, as in {@code @Whitelisted(group = name)}
         * @param entries comma-separated entries (addresses, CIDR blocks, ranges, {@code !} exclusions)
         * @return this builder
         * @throws IpGuardConfigurationException if the name or an entry is invalid
         * @throws NullPointerException if an argument is null
         */
        public Builder group(String name, String entries) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(entries, "entries");
            return set(new Setting(IpGuardProperties.GROUP_PREFIX + name, entries, null));
        }

        /**
         * Sets the HTTP status of a refusal.
         *
         * @param status {@code 403} (the default) or {@code 404}
         * @return this builder
         * @throws IllegalArgumentException if {@code status} is neither
         */
        public Builder denyStatus(int status) {
            if (status != 403 && status != 404) {
                throw new IllegalArgumentException("deny status must be 403 or 404, not " + status);
            }
            return set(new Setting(IpGuardProperties.DENY_STATUS, Integer.toString(status), null));
        }

        /**
         * Sets report-only mode: refusals are logged and the requests let through.
         *
         * @param reportOnly whether to only report
         * @return this builder
         */
        public Builder reportOnly(boolean reportOnly) {
            return set(new Setting(IpGuardProperties.REPORT_ONLY, Boolean.toString(reportOnly), null));
        }

        /**
         * Sets the proxies whose forwarding header is believed.
         *
         * @param entries comma-separated addresses, CIDR blocks or ranges
         * @return this builder
         * @throws IpGuardConfigurationException if an entry is invalid
         * @throws NullPointerException if {@code entries} is null
         * @see IpGuardProperties#TRUSTED_PROXIES
         */
        public Builder trustedProxies(String entries) {
            Objects.requireNonNull(entries, "entries");
            return set(new Setting(IpGuardProperties.TRUSTED_PROXIES, entries, null));
        }

        /**
         * Sets the header that carries the client address.
         *
         * @param header {@code X-Forwarded-For}, {@code Forwarded}, {@code X-Real-IP} or another single-address header
         * @return this builder
         * @throws IpGuardConfigurationException if {@code header} is not a header name
         * @throws NullPointerException if {@code header} is null
         * @see IpGuardProperties#CLIENT_IP_HEADER
         */
        public Builder clientIpHeader(String header) {
            Objects.requireNonNull(header, "header");
            return set(new Setting(IpGuardProperties.CLIENT_IP_HEADER, header, null));
        }

        /**
         * Sets the number of proxies, of unknown addresses, in front of the application.
         *
         * @param hops from 1 to 20
         * @return this builder
         * @throws IllegalArgumentException if {@code hops} is out of range
         * @see IpGuardProperties#TRUSTED_HOPS
         */
        public Builder trustedHops(int hops) {
            if (hops < 1 || hops > 20) {
                throw new IllegalArgumentException("trusted hops must be from 1 to 20, not " + hops);
            }
            return set(new Setting(IpGuardProperties.TRUSTED_HOPS, Integer.toString(hops), null));
        }

        /**
         * Sets one {@code ipguard.*} property, as in the application's properties.
         *
         * @param key the key, see {@link IpGuardProperties}
         * @param value its value
         * @return this builder
         * @throws IpGuardConfigurationException if the key is unknown or the value invalid
         * @throws NullPointerException if an argument is null
         */
        public Builder property(String key, String value) {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
            return set(new Setting(key, value, null));
        }

        /**
         * Takes settings from a UTF-8 configuration file ({@code key = value} lines, {@code #}
         * comments), read and checked now and read again when the application starts. Its settings
         * override application properties; settings made on this builder override the file's.
         * Errors name {@code file:line}.
         *
         * @param file the file
         * @return this builder
         * @throws IpGuardConfigurationException if the file cannot be read or holds an invalid setting
         * @throws NullPointerException if {@code file} is null
         */
        public Builder configFile(Path file) {
            Objects.requireNonNull(file, "file");
            ConfigSnapshot.checkValues(PropertiesFile.read(file).values());
            this.configFile = file;
            this.watch = false;
            return this;
        }

        /**
         * Like {@link #configFile(Path)}, and keeps watching the file while the application runs:
         * a change is in force within two seconds, whether the file is edited in place, replaced by
         * an atomic rename or swapped through a symbolic link (a Kubernetes ConfigMap). A change
         * that is invalid is logged with {@code file:line} and the configuration in force is kept;
         * {@link IpGuardInspector#status()} shows it.
         *
         * @param file the file
         * @return this builder
         * @throws IpGuardConfigurationException if the file cannot be read or holds an invalid setting
         * @throws NullPointerException if {@code file} is null
         */
        public Builder watchConfigFile(Path file) {
            configFile(file);
            this.watch = true;
            return this;
        }

        /**
         * Counts the guard's decisions, and reports the health of its lists, in a Micrometer registry
         * (meters in docs/metrics.md). Needs {@code io.micrometer:micrometer-core} on the class path;
         * an application without it never loads a Micrometer class. Binding a {@code MeterRegistry}
         * through HK2 does the same.
         *
         * @param registry the registry
         * @return this builder
         * @throws NullPointerException if {@code registry} is null
         */
        public Builder meterRegistry(io.micrometer.core.instrument.MeterRegistry registry) {
            this.meterRegistry = Objects.requireNonNull(registry, "registry");
            return this;
        }

        /**
         * Sets one {@code ipguard.*} property taken from where the application keeps its settings,
         * naming that place in error messages, as integrations with other configuration systems do
         * (Spring's {@code Environment}, Dropwizard's YAML):
         * {@code class path resource [application.properties] - 3:22: ipguard.group.admin: ...}.
         *
         * @param key the key, see {@link IpGuardProperties}
         * @param value its value
         * @param source where the value came from, such as a file and line or a configuration path
         * @return this builder
         * @throws IpGuardConfigurationException if the key is unknown or the value invalid
         * @throws NullPointerException if an argument is null
         */
        public Builder property(String key, String value, String source) {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(source, "source");
            return set(new Setting(key, value, source));
        }

        private Builder set(Setting setting) {
            ConfigSnapshot.checkValues(List.of(setting));
            settings.put(setting.key(), setting);
            return this;
        }

        /**
         * Returns a feature with the settings made so far; the builder can go on independently.
         *
         * @return an immutable feature
         */
        public IpGuardFeature build() {
            return new IpGuardFeature(configFile, watch, new ArrayList<>(settings.values()), meterRegistry);
        }
    }
}
