package io.ipguard.jaxrs.functional.generated;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * One randomly drawn resource model: a root class with an optional superclass (maybe generic, maybe
 * in another package) and interface, its resource methods with a guard mark at each place a guard
 * can be written, an optional sub-resource locator and an optional Inflector. Immutable.
 */
record ModelSpec(int id, Marked rootClass, SuperSpec superclass, Marked iface, List<MethodSpec> methods,
                 LocatorSpec locator, InflectorSpec inflector) {

    /** What one element carries. */
    enum Mark { NONE, GROUP, EXEMPT, STEREOTYPE, DEEP_STEREOTYPE }

    /** An element's mark, with the group it names (for GROUP and the stereotypes). */
    record Marked(Mark mark, String group) {
        static final Marked NONE = new Marked(Mark.NONE, null);

        boolean stereotype() {
            return mark == Mark.STEREOTYPE || mark == Mark.DEEP_STEREOTYPE;
        }

        boolean decided() {
            return mark == Mark.GROUP || mark == Mark.EXEMPT;
        }

        /** The annotation as written in source, or "". */
        String source() {
            return switch (mark) {
                case NONE -> "";
                case GROUP -> "@Whitelisted(group = \"" + group + "\") ";
                case EXEMPT -> "@AnyClient ";
                case STEREOTYPE -> "@gen.Stereo" + group + " ";
                case DEEP_STEREOTYPE -> "@gen.DeepStereo" + group + " ";
            };
        }
    }

    /** Where Jersey finds a method's HTTP method and path. */
    enum JaxRs { CLASS, SUPER, IFACE }

    record SuperSpec(Marked mark, boolean elsewhere, boolean generic) {
    }

    /**
     * A resource method declared by the root class, and maybe by the superclass (package-private or
     * public) and the interface, each declaration with its own mark.
     */
    record MethodSpec(String name, Marked own, Marked inSuper, boolean superPackagePrivate, Marked inIface, JaxRs jaxRs) {
        /** Whether Java lets the root class's method override the superclass's (JLS 8.4.8.1). */
        boolean overridesSuper(SuperSpec superclass) {
            return inSuper != null && (!superPackagePrivate || !superclass.elsewhere());
        }
    }

    /** {@code @Path("loc")} on the root class, returning a sub-resource declared as its class or as Object. */
    record LocatorSpec(Marked own, boolean typed, Marked subClass, List<Marked> subMethods) {
    }

    /** An Inflector, maybe extending a base that declares apply; handed over as class or instance, at the root or by a locator. */
    record InflectorSpec(Marked cls, Marked base, Marked apply, boolean applyInBase, boolean byClass, boolean viaLocator) {
    }

    static final String[] GROUPS = {"g1", "g2"};

    static ModelSpec random(Random random, int id) {
        SuperSpec superclass = random.nextInt(3) == 0 ? null
                : new SuperSpec(mark(random), random.nextBoolean(), random.nextInt(3) == 0);
        Marked iface = random.nextBoolean() ? mark(random) : null;
        List<MethodSpec> methods = new ArrayList<>();
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            Marked inSuper = superclass != null && random.nextBoolean() ? mark(random) : null;
            boolean packagePrivate = inSuper != null && random.nextBoolean();
            Marked inIface = iface != null && random.nextBoolean() ? mark(random) : null;
            List<JaxRs> places = new ArrayList<>(List.of(JaxRs.CLASS));
            if (inSuper != null && !packagePrivate && !superclass.generic()) {
                places.add(JaxRs.SUPER);
            }
            if (inIface != null) {
                places.add(JaxRs.IFACE);
            }
            methods.add(new MethodSpec("m" + i, mark(random), inSuper, packagePrivate, inIface,
                    places.get(random.nextInt(places.size()))));
        }
        LocatorSpec locator = null;
        if (random.nextInt(3) == 0) {
            List<Marked> subMethods = new ArrayList<>();
            for (int i = 0, n = 1 + random.nextInt(2); i < n; i++) {
                subMethods.add(mark(random));
            }
            locator = new LocatorSpec(mark(random), random.nextBoolean(), mark(random), subMethods);
        }
        InflectorSpec inflector = null;
        if (random.nextInt(3) == 0) {
            boolean withBase = random.nextBoolean();
            inflector = new InflectorSpec(mark(random), withBase ? mark(random) : null, mark(random),
                    withBase && random.nextBoolean(), random.nextBoolean(), random.nextInt(3) == 0);
        }
        return new ModelSpec(id, mark(random), superclass, iface, methods, locator, inflector);
    }

    /** Mostly nothing, as in real code; otherwise a group, an exemption, or (rarely) a stereotype. */
    private static Marked mark(Random random) {
        int roll = random.nextInt(40);
        String group = GROUPS[random.nextInt(GROUPS.length)];
        if (roll < 22) {
            return Marked.NONE;
        }
        if (roll < 34) {
            return new Marked(Mark.GROUP, group);
        }
        if (roll < 39) {
            return new Marked(Mark.EXEMPT, null);
        }
        return new Marked(random.nextBoolean() ? Mark.STEREOTYPE : Mark.DEEP_STEREOTYPE, group);
    }
}
