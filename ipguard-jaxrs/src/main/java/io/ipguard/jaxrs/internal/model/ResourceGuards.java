package io.ipguard.jaxrs.internal.model;

import io.ipguard.jaxrs.IpGuardConfigurationException;
import io.ipguard.jaxrs.Whitelisted;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.glassfish.jersey.server.ExtendedUriInfo;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;
import org.glassfish.jersey.server.model.RuntimeResource;

/**
 * The one place that says which group guards what. A resource method's own annotations (see
 * {@link AnnotationReader}) decide first; a method that says nothing takes the innermost guard on
 * its way: the locators that led to it, innermost first (each locator's method, then its class),
 * then the {@code Application}. Filled at deployment by {@link ModelReview}; every filter, the
 * backstop for answers given while matching, the OPTIONS and WADL handling and the start-up report
 * ask it. Thread-safe.
 */
public final class ResourceGuards {

    /**
     * What guards one resource method ({@code httpMethod} set) or one locator's sub-resources
     * ({@code httpMethod} null), as decided at deployment.
     */
    public record Entry(String httpMethod, String description, AnnotatedGuard guarding) {

        /** Sorts by path, then HTTP method, locators first: the report reads like a site map. */
        String sortKey() {
            return httpMethod == null ? description + " " : description.substring(description.indexOf(' ') + 1) + " " + httpMethod;
        }

        /** The start-up report line, or null for an open method. */
        public String reportLine() {
            String prefix = httpMethod == null ? "locator " + description : description;
            return switch (guarding.kind()) {
                case GROUP -> prefix + (httpMethod == null ? " guards its sub-resources with" : " is guarded by")
                        + " group \"" + guarding.group() + "\" (from " + guarding.where() + ")";
                case EXEMPT -> prefix + (httpMethod == null ? " exempts its sub-resources" : " is exempt")
                        + " (@AnyClient on " + guarding.where() + ")";
                case INHERIT, UNREADABLE -> null;
            };
        }
    }

    private volatile AnnotatedGuard application = AnnotatedGuard.INHERIT;
    private volatile boolean reviewed;
    /** Every group that guards something, with the first resource it guards. */
    private final Map<String, String> groups = new LinkedHashMap<>();
    private volatile List<String> allGroups = List.of();
    private volatile List<Entry> entries = List.of();

    /** Called once by the model review, before any filter is registered. */
    public void deployed(AnnotatedGuard application, Map<String, String> groups, List<Entry> entries) {
        this.application = application;
        synchronized (this.groups) {
            this.groups.putAll(groups);
            this.allGroups = List.copyOf(this.groups.keySet());
        }
        this.entries = List.copyOf(entries);
        this.reviewed = true;
    }

    /** Adds a group met on a sub-resource after deployment, so that the WADL needs it too. */
    public void noteGroup(String group, String resource) {
        synchronized (groups) {
            if (groups.putIfAbsent(group, resource) == null) {
                allGroups = List.copyOf(groups.keySet());
            }
        }
    }

    public boolean reviewed() {
        return reviewed;
    }

    public AnnotatedGuard application() {
        return application;
    }

    /** Every group in use, each with the first resource it guards. */
    public Map<String, String> groups() {
        synchronized (groups) {
            return Map.copyOf(groups);
        }
    }

    /** The start-up report: one line per guarded or exempt resource method and locator. */
    public List<String> report() {
        return guarded().stream().map(Entry::reportLine).toList();
    }

    /** Every guarded or exempt resource method and locator, sorted as the report is. */
    public List<Entry> guarded() {
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.removeIf(entry -> entry.reportLine() == null);
        sorted.sort(java.util.Comparator.comparing(Entry::sortKey));
        return sorted;
    }

    /** What a method's own annotations, or its class's, say; {@link AnnotatedGuard#INHERIT} when nothing. */
    public static AnnotatedGuard own(Class<?> type, Method method) {
        return AnnotationReader.of(type, method);
    }

    static HandlerRole roleOf(ResourceMethod method) {
        return HandlerRole.of(method.getInvocable().getHandler().getHandlerClass(), method.getInvocable().getHandlingMethod());
    }

    public static AnnotatedGuard own(ResourceMethod method) {
        return own(method.getInvocable().getHandler().getHandlerClass(), method.getInvocable().getHandlingMethod());
    }

    /**
     * The guard on the way to a method that says nothing itself: the innermost locator that
     * decides (locators innermost first, as Jersey lists them), else the {@code Application}'s.
     * Allocates nothing.
     */
    public AnnotatedGuard scope(List<ResourceMethod> locators) {
        AnnotatedGuard unreadable = null;
        for (int i = 0; i < locators.size(); i++) {
            AnnotatedGuard found = own(locators.get(i));
            if (found.decided()) {
                return found;
            }
            if (unreadable == null && found.kind() == AnnotatedGuard.Kind.UNREADABLE) {
                unreadable = found;
            }
        }
        // A locator that hides its annotations leaves the decision to what is around it, which must decide.
        return unreadable == null ? application : unreadable.within(application);
    }

    /**
     * The groups a client must all be in to get any answer from what the request reached: the
     * matched method, or, when matching failed part way (an unknown sub-path, a method or media
     * type not supported, a locator or a constructor that threw), the resource it reached.
     * Empty when nothing guards it.
     *
     * @throws io.ipguard.jaxrs.IpGuardConfigurationException if a method met has no decidable group
     */
    public List<String> requirement(ExtendedUriInfo info) {
        List<ResourceMethod> locators = info.getMatchedResourceLocators();
        ResourceMethod matched = info.getMatchedResourceMethod();
        if (matched != null) {
            HandlerRole role = roleOf(matched);
            if (role == HandlerRole.RESOURCE) {
                String group = effective(own(matched), locators).groupOrNull();
                return group == null ? List.of() : List.of(group);
            }
            if (role == HandlerRole.DESCRIPTION) {
                return allGroups;
            }
            List<String> described = described(matched.getParent(), locators);
            if (described.isEmpty() && matched.getNameBindings().contains(Whitelisted.class)) {
                // A programmatic method Jersey binds to @Whitelisted by name, with no group on its way: refuse.
                throw new IpGuardConfigurationException(List.of(matched.getHttpMethod() + " " + matched.getParent().getPath()
                        + " (programmatic): is bound to @Whitelisted by name but has no group"));
            }
            return described;
        }
        List<RuntimeResource> reached = info.getMatchedRuntimeResources();
        if (!reached.isEmpty()) {
            return requirement(reached.get(0).getResources(), locators);
        }
        String group = locators.isEmpty() ? null : scope(locators).groupOrNull();
        return group == null ? List.of() : List.of(group);
    }

    /**
     * The groups of every method and locator of the resources, in the scope of the locators, with the
     * groups a typed locator's declared sub-resource names; for a
     * resource that has none of its own (a path prefix with only sub-resources), its classes' groups;
     * for a programmatic resource, which has no annotated class either, the scope's group.
     */
    public List<String> requirement(List<Resource> resources, List<ResourceMethod> locators) {
        List<String> found = new ArrayList<>();
        for (Resource resource : resources) {
            boolean decidedByMethods = false;
            for (ResourceMethod method : resource.getResourceMethods()) {
                HandlerRole role = roleOf(method);
                if (role == HandlerRole.RESOURCE) {
                    add(found, effective(own(method), locators));
                    decidedByMethods = true;
                } else if (role == HandlerRole.DESCRIPTION) {
                    allGroups.forEach(group -> addGroup(found, group));
                    decidedByMethods = true;
                }
            }
            ResourceMethod locator = resource.getResourceLocator();
            if (locator != null) {
                add(found, effective(own(locator), locators));
                // A locator that throws (an unknown id) must answer as its sub-resource would: the groups its declared type names.
                Class<?> type = SubResources.typeOf(locator.getInvocable().getHandlingMethod());
                if (type != null) {
                    SubResources.groupsNamedIn(type).forEach(group -> addGroup(found, group));
                }
                decidedByMethods = true;
            }
            if (decidedByMethods) {
                continue;
            }
            boolean decidedByClasses = false;
            for (Class<?> handler : resource.getHandlerClasses()) {
                HandlerRole role = HandlerRole.of(handler);
                if (role == HandlerRole.RESOURCE) {
                    add(found, effective(AnnotationReader.ofClass(handler), locators));
                    decidedByClasses = true;
                } else if (role == HandlerRole.DESCRIPTION) {
                    allGroups.forEach(group -> addGroup(found, group));
                    decidedByClasses = true;
                }
            }
            if (!decidedByClasses) {
                // A programmatic resource carries no annotations: the guard on its way decides, else the Application's.
                add(found, scope(locators));
            }
        }
        return found;
    }

    /**
     * The groups of everything a resource's own description shows (Jersey's OPTIONS answer, a
     * method list or the resource's WADL with its sub-resources): its methods, its children's, its
     * locators' scopes, and the groups the sub-resources of its typed locators name (as
     * {@link #requirement(List, List)} counts them).
     */
    List<String> described(Resource resource, List<ResourceMethod> locators) {
        List<String> found = requirement(List.of(resource), locators);
        for (Resource child : resource.getChildResources()) {
            described(child, locators).forEach(group -> addGroup(found, group));
        }
        return found;
    }

    private AnnotatedGuard effective(AnnotatedGuard own, List<ResourceMethod> locators) {
        return own.decided() ? own : own.within(scope(locators));
    }

    private static void add(List<String> found, AnnotatedGuard guarding) {
        String group = guarding.groupOrNull();
        if (group != null) {
            addGroup(found, group);
        }
    }

    private static void addGroup(List<String> found, String group) {
        if (!found.contains(group)) {
            found.add(group);
        }
    }
}
