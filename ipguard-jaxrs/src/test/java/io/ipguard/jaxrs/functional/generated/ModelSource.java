package io.ipguard.jaxrs.functional.generated;

import io.ipguard.jaxrs.functional.generated.ModelSpec.JaxRs;
import io.ipguard.jaxrs.functional.generated.ModelSpec.Marked;
import io.ipguard.jaxrs.functional.generated.ModelSpec.MethodSpec;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes a model as Java source files (path to text), in package {@code gen.m<id>}. */
final class ModelSource {

    private static final String IMPORTS = """
            import io.ipguard.jaxrs.AnyClient;
            import io.ipguard.jaxrs.Whitelisted;
            import jakarta.ws.rs.*;
            import jakarta.ws.rs.container.ContainerRequestContext;
            import org.glassfish.jersey.process.Inflector;
            import org.glassfish.jersey.server.model.Resource;
            """;

    private ModelSource() {
    }

    /** The stereotypes, one and two levels deep, and the two application classes every model shares. */
    static Map<String, String> shared() {
        Map<String, String> files = new LinkedHashMap<>();
        String meta = "@java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)\n"
                + "@java.lang.annotation.Target({java.lang.annotation.ElementType.TYPE, "
                + "java.lang.annotation.ElementType.METHOD, java.lang.annotation.ElementType.ANNOTATION_TYPE})\n";
        for (String group : ModelSpec.GROUPS) {
            files.put("gen/Stereo" + group + ".java", "package gen;\n" + meta
                    + "@io.ipguard.jaxrs.Whitelisted(group = \"" + group + "\")\npublic @interface Stereo" + group + " {}\n");
            files.put("gen/DeepStereo" + group + ".java", "package gen;\n" + meta
                    + "@Stereo" + group + "\npublic @interface DeepStereo" + group + " {}\n");
        }
        files.put("gen/GuardedApp.java", "package gen;\n@io.ipguard.jaxrs.Whitelisted(group = \"app\")\n"
                + "public class GuardedApp extends org.glassfish.jersey.server.ResourceConfig {}\n");
        files.put("gen/PlainApp.java", "package gen;\n"
                + "public class PlainApp extends org.glassfish.jersey.server.ResourceConfig {}\n");
        return files;
    }

    static String packageOf(ModelSpec model) {
        return "gen.m" + model.id();
    }

    static Map<String, String> of(ModelSpec model) {
        Map<String, String> files = new LinkedHashMap<>();
        String pkg = packageOf(model);
        String dir = pkg.replace('.', '/');
        boolean generic = model.superclass() != null && model.superclass().generic();
        String superPkg = model.superclass() != null && model.superclass().elsewhere() ? pkg + ".other" : pkg;

        StringBuilder root = new StringBuilder(header(pkg)).append("@Path(\"/m").append(model.id()).append("\")\n")
                .append(model.rootClass().source()).append("\npublic class Root");
        if (model.superclass() != null) {
            root.append(" extends ").append(superPkg).append(".Base").append(generic ? "<String>" : "");
        }
        if (model.iface() != null) {
            root.append(" implements Api");
        }
        root.append(" {\n");
        for (MethodSpec method : model.methods()) {
            root.append("    ").append(method.own().source()).append(method.jaxRs() == JaxRs.CLASS ? jaxRs(method, generic) : "")
                    .append("public String ").append(method.name()).append(params(generic, "String"))
                    .append(" { return \"").append(model.id()).append('.').append(method.name()).append("\"; }\n");
        }
        if (model.locator() != null) {
            root.append("    @Path(\"loc\") ").append(model.locator().own().source()).append("public ")
                    .append(model.locator().typed() ? "Sub" : "Object").append(" loc() { return new Sub(); }\n");
        }
        if (model.inflector() != null && model.inflector().viaLocator()) {
            root.append("    @Path(\"il\") public Resource il() { Resource.Builder b = Resource.builder(); b.addMethod(\"GET\")"
                    + ".produces(\"text/plain\").handledBy(new Infl()); return b.build(); }\n");
        }
        files.put(dir + "/Root.java", root.append("}\n").toString());

        if (model.superclass() != null) {
            StringBuilder base = new StringBuilder(header(superPkg)).append(model.superclass().mark().source())
                    .append("\npublic class Base").append(generic ? "<T>" : "").append(" {\n");
            for (MethodSpec method : model.methods()) {
                if (method.inSuper() != null) {
                    base.append("    ").append(method.inSuper().source())
                            .append(method.jaxRs() == JaxRs.SUPER ? jaxRs(method, generic) : "")
                            .append(method.superPackagePrivate() ? "" : "public ").append("String ").append(method.name())
                            .append(params(generic, "T")).append(" { return \"base\"; }\n");
                }
            }
            files.put(superPkg.replace('.', '/') + "/Base.java", base.append("}\n").toString());
        }
        if (model.iface() != null) {
            StringBuilder api = new StringBuilder(header(pkg)).append(model.iface().source()).append("\npublic interface Api {\n");
            for (MethodSpec method : model.methods()) {
                if (method.inIface() != null) {
                    api.append("    ").append(method.inIface().source())
                            .append(method.jaxRs() == JaxRs.IFACE ? jaxRs(method, generic) : "")
                            .append("String ").append(method.name()).append(params(generic, "String")).append(";\n");
                }
            }
            files.put(dir + "/Api.java", api.append("}\n").toString());
        }
        if (model.locator() != null) {
            StringBuilder sub = new StringBuilder(header(pkg)).append(model.locator().subClass().source())
                    .append("\npublic class Sub {\n");
            for (int i = 0; i < model.locator().subMethods().size(); i++) {
                sub.append("    @GET @Path(\"s").append(i).append("\") ").append(model.locator().subMethods().get(i).source())
                        .append("public String s").append(i).append("() { return \"").append(model.id()).append(".s")
                        .append(i).append("\"; }\n");
            }
            files.put(dir + "/Sub.java", sub.append("}\n").toString());
        }
        if (model.inflector() != null) {
            inflector(model, pkg, dir, files);
        }
        return files;
    }

    private static void inflector(ModelSpec model, String pkg, String dir, Map<String, String> files) {
        ModelSpec.InflectorSpec spec = model.inflector();
        String apply = "public String apply(ContainerRequestContext request) { return \"" + model.id() + ".infl\"; }\n";
        if (spec.base() != null) {
            files.put(dir + "/InflBase.java", header(pkg) + spec.base().source() + "\npublic abstract class InflBase "
                    + "implements Inflector<ContainerRequestContext, String> {\n"
                    + (spec.applyInBase() ? "    " + spec.apply().source() + apply : "") + "}\n");
        }
        String type = spec.base() != null ? "extends InflBase" : "implements Inflector<ContainerRequestContext, String>";
        files.put(dir + "/Infl.java", header(pkg) + spec.cls().source() + "\npublic class Infl " + type + " {\n"
                + (spec.base() != null && spec.applyInBase() ? "" : "    " + spec.apply().source() + apply) + "}\n");
    }

    private static String header(String pkg) {
        return "package " + pkg + ";\n" + IMPORTS;
    }

    private static String jaxRs(MethodSpec method, boolean generic) {
        return (generic ? "@POST " : "@GET ") + "@Path(\"" + method.name() + "\") ";
    }

    private static String params(boolean generic, String type) {
        return generic ? "(" + type + " body)" : "()";
    }

    /** A readable marker for an element, used in the listing of a failing model. */
    static String describe(Marked marked) {
        return marked == null ? "-" : marked.mark() + (marked.group() == null ? "" : "(" + marked.group() + ")");
    }
}
