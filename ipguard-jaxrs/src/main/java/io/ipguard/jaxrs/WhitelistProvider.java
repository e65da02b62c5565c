package io.ipguard.jaxrs;

import io.ipguard.jaxrs.internal.config.GroupPropertiesParser;
import java.util.Map;

/**
 * The source of the named groups that {@link Whitelisted} refers to. The default provider
 * serves the {@code ipguard.group.*} properties, compiled once at start-up.
 *
 * <p>Replace it by binding your own implementation in an HK2 binder registered with the
 * application:
 * <pre>{@code
 * register(new AbstractBinder() {
 *     protected void configure() {
 *         bind(MyListProvider.class).to(WhitelistProvider.class).in(Singleton.class);
 *     }
 * });
 * }</pre>
 * Every group that a {@code @Whitelisted} resource names must be defined when the application
 * is deployed. The guard calls {@link #group(String)} on every request, so it must be fast;
 * return prebuilt sets (see {@link IpSet#parse(String, String)}).
 *
 * <p>Implementations are called concurrently and must be thread-safe.
 */
@FunctionalInterface
public interface WhitelistProvider {

    /**
     * Returns the current set of a group.
     *
     * @param name the group name
     * @return the group's set, or null if no such group is defined (the guard then refuses)
     */
    IpSet group(String name);

    /**
     * Returns a provider of fixed groups.
     *
     * @param groups the groups by name; copied
     * @return an immutable provider
     * @throws NullPointerException if {@code groups} holds a null name or set
     */
    static WhitelistProvider of(Map<String, IpSet> groups) {
        return fixed(groups);
    }

    /**
     * Returns a provider of the {@code ipguard.group.<name>} entries of a property map (other
     * keys are ignored), compiled now.
     *
     * @param properties the properties, such as {@code Application.getProperties()}
     * @return an immutable provider
     * @throws IpGuardConfigurationException naming every invalid key and entry
     */
    static WhitelistProvider fromProperties(Map<String, ?> properties) {
        return fixed(GroupPropertiesParser.parse(properties));
    }

    /** Fixed groups, looked up in an immutable copy of the map. */
    private static WhitelistProvider fixed(Map<String, IpSet> groups) {
        Map<String, IpSet> copy = Map.copyOf(groups);
        return new WhitelistProvider() {
            @Override
            public IpSet group(String name) {
                return copy.get(name);
            }

            @Override
            public String toString() {
                return "groups " + copy.keySet();
            }
        };
    }
}
