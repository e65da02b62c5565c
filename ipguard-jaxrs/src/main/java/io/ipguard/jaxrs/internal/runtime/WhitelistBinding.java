package io.ipguard.jaxrs.internal.runtime;

import io.ipguard.jaxrs.IpGuardConfigurationException;
import io.ipguard.jaxrs.WhitelistProvider;
import io.ipguard.jaxrs.internal.config.LiveConfig;
import io.ipguard.jaxrs.internal.config.LiveWhitelistProvider;
import io.ipguard.jaxrs.internal.io.Logs;
import io.ipguard.jaxrs.internal.model.AnnotatedGuard;
import io.ipguard.jaxrs.internal.model.HandlerRole;
import io.ipguard.jaxrs.internal.model.ResourceDescription;
import io.ipguard.jaxrs.internal.model.ResourceGuards;
import jakarta.enterprise.inject.Vetoed;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Registers, for each resource method Jersey builds (at deployment, and for sub-resources when a
 * locator first returns them), the filter its guard needs, as the {@link ResourceGuards} decides: a
 * {@link GroupFilter} holding the group when the method or its class names one; a
 * {@link InheritedGroupFilter} when they say nothing, since the guard then depends on the way the
 * request came (or, for a handler that hides its annotations, when they cannot be read); a
 * {@link DescriptionFilter} for the answers Jersey gives on a resource's behalf; an
 * {@link ExemptFilter} that marks exempt methods decided. On the first call it checks that every
 * group the plan uses is configured, and logs the start-up report.
 */
@Vetoed // built by HK2: Jersey's CDI layer would hand it to CDI, which cannot inject its HK2-only types
public final class WhitelistBinding implements DynamicFeature {

    private static final System.Logger LOG = Logs.LOG;

    private final Gate guard;
    private final ResourceGuards plan;
    private final WhitelistProvider provider;
    private final LiveConfig live;
    private boolean checked;

    @Inject
    public WhitelistBinding(Gate guard, ResourceGuards plan, WhitelistProvider provider, LiveConfig live) {
        this.guard = guard;
        this.plan = plan;
        this.provider = provider;
        this.live = live;
    }

    @Override
    public synchronized void configure(ResourceInfo info, FeatureContext context) {
        Method method = info.getResourceMethod();
        Class<?> type = info.getResourceClass();
        if (method == null || type == null) {
            return;
        }
        if (!checked) {
            checkDeployment();
            checked = true;
        }
        String resource = ResourceDescription.of(type, method);
        if (HandlerRole.of(type, method) != HandlerRole.RESOURCE) {
            // Jersey's own answers for a resource (OPTIONS, WADL): what they describe decides.
            context.register(new DescriptionFilter(guard, plan), GuardPriority.GUARD);
            return;
        }
        AnnotatedGuard own;
        try {
            own = ResourceGuards.own(type, method);
        } catch (IpGuardConfigurationException e) {
            // Only a sub-resource met while serving gets here: deployment reviewed the others.
            LOG.log(System.Logger.Level.ERROR, "ipguard: " + resource + " is refused to everyone: " + e.getMessage());
            context.register(new UndecidableFilter(guard, resource, String.join("; ", e.problems())), GuardPriority.GUARD);
            return;
        }
        switch (own.kind()) {
            case GROUP -> {
                // The method or its class names the group: nothing on the way can change it.
                plan.noteGroup(own.group(), resource);
                // Only our own provider is asked here (a memory read that cannot fail or block): an
                // application's is asked by the guard alone, which bounds its time and refuses on its errors.
                if (provider instanceof LiveWhitelistProvider) {
                    if (provider.group(own.group()) == null) {
                        // Only a sub-resource met while serving gets here: deployment checked the others.
                        LOG.log(System.Logger.Level.ERROR, "ipguard: " + resource + " names group \"" + own.group()
                                + "\", which is not configured: it is refused to everyone");
                    } else {
                        live.require(own.group(), resource);
                    }
                }
                context.register(new GroupFilter(guard, own.group(), resource), GuardPriority.GUARD);
            }
            case INHERIT, UNREADABLE -> context.register(new InheritedGroupFilter(guard, plan, own, resource),
                    GuardPriority.GUARD);
            // @AnyClient: open to everyone, wherever it is reached from; marked, for the second line.
            case EXEMPT -> context.register(ExemptFilter.INSTANCE, GuardPriority.GUARD);
        }
    }

    /** Every group in use must be configured; a reload may not take one away. */
    private void checkDeployment() {
        if (!plan.reviewed()) {
            throw new IpGuardConfigurationException(List.of("the resource model was not reviewed; "
                    + "register IpGuardFeature rather than its parts"));
        }
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> use : plan.groups().entrySet()) {
            String group = use.getKey();
            if (provider.group(group) == null) {
                problems.add(use.getValue() + ": @Whitelisted group \"" + group + "\" is not configured; define "
                        + "ipguard.group." + group + " (" + provider + ")");
            } else if (provider instanceof LiveWhitelistProvider) {
                live.require(group, use.getValue());
            }
        }
        if (!problems.isEmpty()) {
            throw new IpGuardConfigurationException(problems);
        }
        plan.report().forEach(line -> LOG.log(System.Logger.Level.INFO, "ipguard: " + line));
    }
}
