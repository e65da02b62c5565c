package io.ipguard.jaxrs.internal;

/**
 * What the annotations at one level (a method, a class, a locator, the {@code Application}) say
 * about guarding: a group, an exemption, or nothing, in which case the next level out decides.
 * {@code where} names the element that carries the annotation, for messages and the start-up
 * report. Immutable.
 */
record Guarding(Kind kind, String group, String where) {

    enum Kind { GROUP, EXEMPT, INHERIT }

    /** Nothing said here: ask further out. */
    static final Guarding INHERIT = new Guarding(Kind.INHERIT, null, null);

    static Guarding group(String group, String where) {
        return new Guarding(Kind.GROUP, group, where);
    }

    static Guarding exempt(String where) {
        return new Guarding(Kind.EXEMPT, null, where);
    }

    boolean decided() {
        return kind != Kind.INHERIT;
    }

    /** The group this demands, or null when it lets anyone through (exempt, or nothing said anywhere). */
    String groupOrNull() {
        return kind == Kind.GROUP ? group : null;
    }

    /** Whether two decisions demand the same thing, wherever they were found. */
    boolean sameAs(Guarding other) {
        return kind == other.kind && (group == null ? other.group == null : group.equals(other.group));
    }

    /** "group \"admin\"" or "exempt (@AnyClient)" or "open". */
    String describe() {
        return switch (kind) {
            case GROUP -> "group \"" + group + "\"";
            case EXEMPT -> "exempt (@AnyClient)";
            case INHERIT -> "open";
        };
    }
}
