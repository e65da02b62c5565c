package io.ipguard.jaxrs.internal;

import io.ipguard.jaxrs.AnyClient;
import io.ipguard.jaxrs.ClientIpResolver;
import io.ipguard.jaxrs.DecisionListener;
import io.ipguard.jaxrs.IpGuardConfigurationException;
import io.ipguard.jaxrs.IpGuardFeature;
import io.ipguard.jaxrs.WhitelistProvider;
import io.ipguard.jaxrs.Whitelisted;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.FeatureContext;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.glassfish.hk2.api.IterableProvider;
import org.glassfish.jersey.server.ResourceConfig;

/**
 * Decides at deployment, once per resource method, which group guards it, and registers one
 * {@link GuardFilter} holding that group. Precedence: method, then class, then the
 * {@code Application}; {@link AnyClient} exempts. A group the provider does not define stops
 * deployment.
 */
public final class WhitelistBinding implements DynamicFeature {

    private static final System.Logger LOG = System.getLogger(IpGuardFeature.class.getName());
    private static final String OPTIONS_PROCESSOR = "org.glassfish.jersey.server.wadl.processor.OptionsMethodProcessor$";

    private final Guard guard;
    private final WhitelistProvider provider;
    private final Whitelisted applicationGuard;

    @Inject
    public WhitelistBinding(ClientIpResolver resolver, WhitelistProvider provider, LiveConfig live,
                            PeerLookup peers, IterableProvider<DecisionListener> listeners,
                            @Context Application application) {
        this.provider = provider;
        List<DecisionListener> all = new ArrayList<>();
        listeners.forEach(all::add);
        int timeout = live.current().providerTimeoutMillis();
        // The built-in provider never blocks; an application's may, so its lookups get a deadline.
        WhitelistProvider bounded = provider instanceof LiveWhitelistProvider || timeout == 0
                ? provider : new TimeBoundProvider(provider, timeout);
        this.guard = new Guard(resolver, bounded, live, new RefusalLog(LOG, System::nanoTime), peers, all);
        this.applicationGuard = application == null ? null : applicationClass(application).getAnnotation(Whitelisted.class);
    }

    private static Class<?> applicationClass(Application application) {
        // Jersey may hand out a wrapper; the user's annotations sit on the original.
        Application original = application instanceof ResourceConfig config ? config.getApplication() : application;
        return (original == null ? application : original).getClass();
    }

    @Override
    public void configure(ResourceInfo info, FeatureContext context) {
        Method method = info.getResourceMethod();
        Class<?> type = info.getResourceClass();
        if (method == null || type == null) {
            return;
        }
        if (type.getName().startsWith(OPTIONS_PROCESSOR)) {
            // Jersey's automatic OPTIONS answers list a resource's methods: guard it like them.
            context.register(new OptionsGuardFilter(guard, this::groupOf), IpGuardFeature.PRIORITY);
            return;
        }
        String resource = ResourceDescription.of(type, method);
        String group = effectiveGroup(method, type, resource);
        if (group == null) {
            return;
        }
        if (group.isEmpty()) {
            LOG.log(System.Logger.Level.INFO, "ipguard: " + resource + " is exempt (@AnyClient)");
            return;
        }
        if (provider.group(group) == null) {
            throw new IpGuardConfigurationException(List.of(resource + ": @Whitelisted group \"" + group
                    + "\" is not configured; define ipguard.group." + group + " (" + provider + ")"));
        }
        if (provider instanceof LiveWhitelistProvider own) {
            // A reload of our own configuration may not take this group away.
            own.live().require(group, resource);
        }
        context.register(new GuardFilter(guard, group, resource), IpGuardFeature.PRIORITY);
        LOG.log(System.Logger.Level.INFO, "ipguard: " + resource + " is guarded by group \"" + group + "\"");
    }

    /** The group guarding a resource method, or null when it is open or exempt. */
    private String groupOf(Class<?> type, Method method) {
        String group = effectiveGroup(method, type, ResourceDescription.of(type, method));
        return group == null || group.isEmpty() ? null : group;
    }

    /** Returns the group, "" when exempted by {@code @AnyClient}, or null when unguarded. */
    private String effectiveGroup(Method method, Class<?> type, String resource) {
        // The method's own annotation beats everything.
        String onMethod = declared(method, resource + " method");
        if (onMethod != null) {
            return onMethod;
        }
        // Then the class's, which covers all of its methods.
        String onClass = declared(type, resource + " class " + type.getName());
        if (onClass != null) {
            return onClass;
        }
        // Then the Application's, which covers every resource.
        if (applicationGuard != null) {
            return applicationGuard.group();
        }
        // Not annotated anywhere: an open resource, as in plain JAX-RS.
        return null;
    }

    private static String declared(AnnotatedElement element, String what) {
        Whitelisted whitelisted = element.getAnnotation(Whitelisted.class);
        boolean exempt = element.isAnnotationPresent(AnyClient.class);
        if (whitelisted != null && exempt) {
            throw new IpGuardConfigurationException(List.of(what + ": has both @Whitelisted and @AnyClient"));
        }
        return exempt ? "" : whitelisted == null ? null : whitelisted.group();
    }
}
