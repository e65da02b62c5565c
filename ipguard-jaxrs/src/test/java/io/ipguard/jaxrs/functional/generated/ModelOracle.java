package io.ipguard.jaxrs.functional.generated;

import io.ipguard.jaxrs.functional.generated.ModelSpec.Marked;
import io.ipguard.jaxrs.functional.generated.ModelSpec.MethodSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The rule of docs/configuration.md, written again over the generator's own description of a model
 * rather than over reflection, as the independent answer the guard is checked against. A method's
 * own marks decide (the method, then what it overrides in Java: superclass, then interface), else
 * its class's (class, superclass, interface), else the way to it (the locator, then the locator's
 * class), else the {@code Application}. Every place a guard can be read from is read: a stereotype
 * in any of them cannot be decided, which fails deployment when it is read at deployment and
 * refuses everyone when it is met only while serving.
 */
final class ModelOracle {

    /** What an outsider and a member of the group get. */
    enum Outcome {
        /** Members of the group only. */
        GROUP,
        /** Everyone: nothing guards it. */
        OPEN,
        /** Everyone: {@code @AnyClient} exempts it (Jersey may still bind it). */
        EXEMPT,
        /** Nobody: its guard cannot be decided, and it is met only while serving. */
        REFUSE_ALL
    }

    record Expected(String method, String path, String body, Outcome outcome, String group) {
        @Override
        public String toString() {
            return method + " " + path + " -> " + outcome + (group == null ? "" : " " + group);
        }
    }

    /** Thrown while reading a place that holds a stereotype. */
    private static final class Undecidable extends RuntimeException {
        Undecidable() {
            super(null, null, false, false);
        }
    }

    private ModelOracle() {
    }

    /** Whether deploying the model must fail: something read at deployment cannot be decided. */
    static boolean deploymentFails(ModelSpec model) {
        try {
            for (MethodSpec method : model.methods()) {
                own(model, method);
            }
            if (model.locator() != null) {
                locatorOwn(model);
                if (model.locator().typed()) {
                    for (Marked sub : model.locator().subMethods()) {
                        first(read(sub), read(model.locator().subClass()));
                    }
                }
            }
            if (model.inflector() != null) {
                if (model.inflector().viaLocator()) {
                    classChain(model);
                } else {
                    inflectorOwn(model);
                }
            }
            return false;
        } catch (Undecidable e) {
            return true;
        }
    }

    /** Every endpoint of a model that deploys, with what it must answer under an Application guarded by {@code app} (or null). */
    static List<Expected> endpoints(ModelSpec model, String app) {
        Marked application = app == null ? Marked.NONE : new Marked(ModelSpec.Mark.GROUP, app);
        boolean generic = model.superclass() != null && model.superclass().generic();
        List<Expected> found = new ArrayList<>();
        String root = "/m" + model.id();
        for (MethodSpec method : model.methods()) {
            found.add(expected(generic ? "POST" : "GET", root + "/" + method.name(), model.id() + "." + method.name(),
                    first(own(model, method), application)));
        }
        if (model.locator() != null) {
            Marked scope = first(locatorOwn(model), application);
            for (int i = 0; i < model.locator().subMethods().size(); i++) {
                Marked decided;
                try {
                    decided = first(read(model.locator().subMethods().get(i)), read(model.locator().subClass()), scope);
                } catch (Undecidable e) {
                    decided = null;
                }
                found.add(expected("GET", root + "/loc/s" + i, model.id() + ".s" + i, decided));
            }
        }
        if (model.inflector() != null) {
            boolean via = model.inflector().viaLocator();
            Marked scope = via ? first(classChain(model), application) : application;
            Marked decided;
            try {
                decided = first(inflectorOwn(model), scope);
            } catch (Undecidable e) {
                decided = null;
            }
            found.add(expected("GET", via ? root + "/il" : root + "-infl", model.id() + ".infl", decided));
        }
        return found;
    }

    private static Expected expected(String method, String path, String body, Marked decided) {
        if (decided == null) {
            return new Expected(method, path, body, Outcome.REFUSE_ALL, null);
        }
        return switch (decided.mark()) {
            case GROUP -> new Expected(method, path, body, Outcome.GROUP, decided.group());
            case EXEMPT -> new Expected(method, path, body, Outcome.EXEMPT, null);
            default -> new Expected(method, path, body, Outcome.OPEN, null);
        };
    }

    /** A resource method's own answer: its declarations, then its class's. */
    private static Marked own(ModelSpec model, MethodSpec method) {
        Marked inSuper = method.overridesSuper(model.superclass()) ? read(method.inSuper()) : Marked.NONE;
        Marked inIface = method.inIface() != null ? read(method.inIface()) : Marked.NONE;
        Marked onMethod = first(read(method.own()), inSuper, inIface);
        Marked onClass = classChain(model);
        return first(onMethod, onClass);
    }

    /** The locator's own answer: its method, then the root class's. */
    private static Marked locatorOwn(ModelSpec model) {
        return first(read(model.locator().own()), classChain(model));
    }

    private static Marked classChain(ModelSpec model) {
        Marked onSuper = model.superclass() == null ? Marked.NONE : read(model.superclass().mark());
        Marked onIface = model.iface() == null ? Marked.NONE : read(model.iface());
        return first(read(model.rootClass()), onSuper, onIface);
    }

    private static Marked inflectorOwn(ModelSpec model) {
        ModelSpec.InflectorSpec spec = model.inflector();
        Marked onBase = spec.base() == null ? Marked.NONE : read(spec.base());
        return first(read(spec.apply()), read(spec.cls()), onBase);
    }

    private static Marked read(Marked marked) {
        if (marked.stereotype()) {
            throw new Undecidable();
        }
        return marked;
    }

    /** The first that decides, else NONE. */
    private static Marked first(Marked... candidates) {
        for (Marked candidate : candidates) {
            if (candidate.decided()) {
                return candidate;
            }
        }
        return Marked.NONE;
    }
}
