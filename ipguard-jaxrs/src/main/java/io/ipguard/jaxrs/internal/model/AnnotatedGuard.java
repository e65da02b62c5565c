package io.ipguard.jaxrs.internal.model;

import io.ipguard.jaxrs.IpGuardConfigurationException;
import java.util.List;

/**
 * What the annotations at one level (a method, a class, a locator, the {@code Application}) say
 * about guarding: a group, an exemption, or nothing, in which case the next level out decides.
 * {@code where} names the element that carries the annotation, for messages and the start-up
 * report. Immutable.
 */
public record AnnotatedGuard(Kind kind, String group, String where) {

    public enum Kind {
        GROUP,
        EXEMPT,
        /** Nothing said here. */
        INHERIT,
        /** Nothing visible here, but a guard may hide behind it (a JDK proxy's target): the way here must decide. */
        UNREADABLE
    }

    /** Nothing said here: ask further out. */
    public static final AnnotatedGuard INHERIT = new AnnotatedGuard(Kind.INHERIT, null, null);

    public static AnnotatedGuard group(String group, String where) {
        return new AnnotatedGuard(Kind.GROUP, group, where);
    }

    public static AnnotatedGuard exempt(String where) {
        return new AnnotatedGuard(Kind.EXEMPT, null, where);
    }

    public static AnnotatedGuard unreadable(String where) {
        return new AnnotatedGuard(Kind.UNREADABLE, null, where);
    }

    boolean decided() {
        return kind == Kind.GROUP || kind == Kind.EXEMPT;
    }

    /**
     * What guards the element in {@code scope}, the innermost guard on its way: its own decision,
     * else the scope's. Allocates nothing unless it throws.
     *
     * @throws IpGuardConfigurationException if the element is unreadable and the scope decides nothing
     */
    public AnnotatedGuard within(AnnotatedGuard scope) {
        if (decided()) {
            return this;
        }
        if (kind == Kind.UNREADABLE && !scope.decided()) {
            throw new IpGuardConfigurationException(List.of(where + " hides its target's annotations, and nothing on "
                    + "the way to it decides its guard; put @Whitelisted or @AnyClient on the interface, or on the "
                    + "Application or the locator that leads to it"));
        }
        return scope;
    }

    /** The group this demands, or null when it lets anyone through (exempt, or nothing said anywhere). */
    public String groupOrNull() {
        return kind == Kind.GROUP ? group : null;
    }

    /** Whether two decisions demand the same thing, wherever they were found. */
    boolean sameAs(AnnotatedGuard other) {
        return kind == other.kind && (group == null ? other.group == null : group.equals(other.group));
    }

    /** "group \"admin\"" or "exempt (@AnyClient)" or "open". */
    String describe() {
        return switch (kind) {
            case GROUP -> "group \"" + group + "\"";
            case EXEMPT -> "exempt (@AnyClient)";
            case INHERIT -> "open";
            case UNREADABLE -> "unreadable";
        };
    }
}
