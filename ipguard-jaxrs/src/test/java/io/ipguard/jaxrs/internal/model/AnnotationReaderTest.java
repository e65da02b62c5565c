package io.ipguard.jaxrs.internal.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ipguard.jaxrs.AnyClient;
import io.ipguard.jaxrs.IpGuardConfigurationException;
import io.ipguard.jaxrs.Whitelisted;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.lang.reflect.Method;
import java.util.Arrays;
import org.glassfish.jersey.process.Inflector;
import org.junit.jupiter.api.Test;

/** The annotation rule, read as JAX-RS reads annotations: what guards each method of these classes. */
class AnnotationReaderTest {

    interface Api {
        @Whitelisted(group = "api")
        String get();

        String plain();
    }

    @Whitelisted(group = "typed")
    interface TypedApi {
        String typed();
    }

    public static class Impl implements Api, TypedApi {
        public String get() {
            return "";
        }

        public String plain() {
            return "";
        }

        public String typed() {
            return "";
        }
    }

    public static class Base<T> {
        @Whitelisted(group = "base")
        public String post(T body) {
            return "";
        }

        @AnyClient
        public String put(Object body) {
            return "";
        }

        @Whitelisted(group = "base")
        public String get() {
            return "";
        }
    }

    @Whitelisted(group = "child")
    public static class Child extends Base<String> implements Api {
        @Override
        public String post(String body) {
            return "";
        }

        /** An overload, not an override of put(Object): its @AnyClient must not exempt it. */
        public String put(String body) {
            return "";
        }

        public String get() {
            return "";
        }

        public String plain() {
            return "";
        }
    }

    /** A proxy-style subclass that overrides everything and annotates nothing. */
    public static class ChildProxy extends Child {
        @Override
        public String post(String body) {
            return "";
        }
    }

    interface Left {
        @Whitelisted(group = "left")
        String get();
    }

    interface Right {
        @Whitelisted(group = "right")
        String get();
    }

    public static class Torn implements Left, Right {
        public String get() {
            return "";
        }
    }

    interface Narrower extends Left {
        @Override
        @Whitelisted(group = "narrow")
        String get();
    }

    public static class Narrowed implements Narrower, Left {
        public String get() {
            return "";
        }
    }

    @Whitelisted(group = "parent")
    public static class GuardedParent {
    }

    @AnyClient
    public static class ExemptChild extends GuardedParent {
    }

    @Test
    void whenAnnotationSitsOnTheImplementedInterfaceMethod_thenItGuards() throws Exception {
        assertEquals(AnnotatedGuard.group("api", "method Api.get"), of(Impl.class, "get"));
    }

    @Test
    void whenAnnotationSitsOnTheInterfaceType_thenItGuardsTheImplementation() throws Exception {
        assertEquals(AnnotatedGuard.group("typed", "interface " + TypedApi.class.getName()), of(Impl.class, "typed"));
        assertEquals(AnnotatedGuard.group("typed", "interface " + TypedApi.class.getName()), of(Impl.class, "plain"));
    }

    @Test
    void whenGenericSuperclassMethodIsOverridden_thenItsAnnotationGuardsTheOverrideAndTheBridge() throws Exception {
        Method override = Child.class.getMethod("post", String.class);
        Method bridge = Arrays.stream(Child.class.getDeclaredMethods())
                .filter(m -> m.getName().equals("post") && m.isBridge()).findFirst().orElseThrow();

        assertEquals(AnnotatedGuard.group("base", "method Base.post"), AnnotationReader.of(Child.class, override));
        assertEquals(AnnotatedGuard.group("base", "method Base.post"), AnnotationReader.of(Child.class, bridge));
    }

    @Test
    void whenProxySubclassOverridesWithoutAnnotations_thenTheNearestSuperclassMethodDecides() throws Exception {
        Method post = ChildProxy.class.getMethod("post", String.class);

        assertEquals(AnnotatedGuard.group("base", "method Base.post"), AnnotationReader.of(ChildProxy.class, post));
    }

    @Test
    void whenUnrelatedOverloadIsExempt_thenTheMethodKeepsItsClassGuard() throws Exception {
        Method overload = Child.class.getMethod("put", String.class);

        assertEquals(AnnotatedGuard.group("child", "class " + Child.class.getName()), AnnotationReader.of(Child.class, overload));
    }

    @Test
    void whenSuperclassAndInterfaceBothSpeak_thenTheSuperclassWins() throws Exception {
        // Child.get overrides Base.get (group "base") and implements Api.get (group "api"), as JAX-RS orders them.
        assertEquals(AnnotatedGuard.group("base", "method Base.get"), of(Child.class, "get"));
    }

    @Test
    void whenInterfacesDisagree_thenTheMethodIsUndecidable() {
        IpGuardConfigurationException e = assertThrows(IpGuardConfigurationException.class, () -> of(Torn.class, "get"));

        assertEquals("method Torn.get: its interfaces disagree about its guard (group \"left\" on method Left.get; "
                + "group \"right\" on method Right.get); annotate it directly", e.problems().get(0));
    }

    @Test
    void whenOneInterfaceExtendsTheOther_thenTheMoreSpecificDecides() throws Exception {
        assertEquals(AnnotatedGuard.group("narrow", "method Narrower.get"), of(Narrowed.class, "get"));
    }

    @Test
    void whenSubclassIsExemptFromItsSuperclassGuard_thenTheSubclassWins() {
        assertEquals(AnnotatedGuard.exempt("class " + ExemptChild.class.getName()), AnnotationReader.ofClass(ExemptChild.class));
    }

    /** The overload comes first, so that reading the first method named apply would read the wrong one. */
    public static class OverloadedInflector implements Inflector<ContainerRequestContext, String> {
        public String apply(String text) {
            return "overload";
        }

        @Whitelisted(group = "inflected")
        @Override
        public String apply(ContainerRequestContext request) {
            return "inflected";
        }
    }

    @Test
    void whenAnInflectorOverloadsApply_thenTheApplyJavaRunsForInflectorApplyIsRead() throws Exception {
        Method apply = Inflector.class.getMethod("apply", Object.class);

        assertEquals(AnnotatedGuard.group("inflected", "method OverloadedInflector.apply"),
                AnnotationReader.of(OverloadedInflector.class, apply));
    }

    private static AnnotatedGuard of(Class<?> type, String method) throws NoSuchMethodException {
        return AnnotationReader.of(type, type.getMethod(method));
    }
}
