package io.ipguard.jaxrs;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the layering true (docs/architecture.md): a small public API, implementation in internal
 * packages by concern that form layers without cycles, the lower ones free of JAX-RS and Jersey, no
 * import cycle across the public/internal line, no name resolution.
 */
class ArchitectureTest {

    /** The internal packages, lowest first: each may use only those before it. */
    private static final List<String> LAYERS = List.of("io", "address", "lists", "config", "client", "model", "observe",
            "runtime");
    /** The layers that know nothing of JAX-RS or Jersey. */
    private static final List<String> PLAIN_JAVA = List.of("io", "address", "lists", "config");

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.ipguard.jaxrs");

    @Test
    void whenPublicApiIsInspected_thenNoSignatureExposesInternalTypes() {
        List<String> leaks = new ArrayList<>();
        for (JavaClass type : MAIN) {
            if (!type.getPackageName().equals("io.ipguard.jaxrs") || !type.getModifiers().contains(JavaModifier.PUBLIC)) {
                continue;
            }
            for (JavaCodeUnit member : type.getCodeUnits()) {
                if (isExposed(member.getModifiers())) {
                    Stream.concat(Stream.of(member.getRawReturnType()), member.getRawParameterTypes().stream())
                            .filter(ArchitectureTest::isInternal)
                            .forEach(t -> leaks.add(member.getFullName() + " exposes " + t.getName()));
                }
            }
            for (JavaField field : type.getFields()) {
                if (isExposed(field.getModifiers()) && isInternal(field.getRawType())) {
                    leaks.add(field.getFullName() + " exposes " + field.getRawType().getName());
                }
            }
            if (type.getRawSuperclass().map(ArchitectureTest::isInternal).orElse(false)) {
                leaks.add(type.getName() + " extends an internal class");
            }
        }
        assertEquals(List.of(), leaks);
    }

    private static boolean isExposed(Set<JavaModifier> modifiers) {
        return modifiers.contains(JavaModifier.PUBLIC) || modifiers.contains(JavaModifier.PROTECTED);
    }

    private static boolean isInternal(JavaClass type) {
        String name = type.getName();
        return name.startsWith("io.ipguard.jaxrs.internal.")
                || (name.startsWith("org.glassfish.jersey.") && name.contains(".internal."));
    }

    @Test
    void whenMainCodeIsInspected_thenNothingResolvesNames() {
        noClasses().should().callMethod(InetAddress.class, "getByName", String.class)
                .orShould().callMethod(InetAddress.class, "getAllByName", String.class)
                .because("nothing in this library may turn text into an address through DNS")
                .check(MAIN);
    }

    @Test
    void whenLibraryIsInspected_thenItDoesNotDependOnTheExamples() {
        noClasses().that().resideInAPackage("io.ipguard.jaxrs..")
                .should().dependOnClassesThat().resideInAPackage("io.ipguard.jaxrs.examples..")
                .allowEmptyShould(true)
                .check(MAIN);
    }

    @Test
    void whenPublicPackageIsListed_thenItHoldsOnlyTheApi() {
        List<String> publicTypes = MAIN.stream()
                .filter(c -> c.getPackageName().equals("io.ipguard.jaxrs") && c.getModifiers().contains(JavaModifier.PUBLIC)
                        && !c.isNestedClass())
                .map(JavaClass::getSimpleName).sorted().toList();

        assertEquals(List.of("AnyClient", "ClientAddress", "ClientIpResolver", "Decision", "DecisionListener", "Explanation",
                "IpGuardConfigurationException", "IpGuardFeature", "IpGuardInspector", "IpGuardProperties",
                "IpGuardStatusResource", "IpSet", "ListStatus", "WhitelistProvider", "Whitelisted"), publicTypes);
    }

    @Test
    void whenPublicTypesAreInspected_thenTheyOfferWhatUsersWriteReadAndImplementOnly() {
        // The bits of an address, and the constructors of what the inspector hands out, are the library's own.
        List<String> clientAddress = MAIN.get(ClientAddress.class).getMembers().stream()
                .filter(m -> m.getModifiers().contains(JavaModifier.PUBLIC))
                .map(m -> m.getName()).distinct().sorted().toList();

        assertEquals(List.of("PROPERTY", "equals", "hashCode", "isIpv4", "isKnown", "of", "parse", "toInetAddress",
                "toString", "unknown"), clientAddress);
        assertEquals(true, MAIN.get(Explanation.class).isInterface());
        assertEquals(true, MAIN.get(ListStatus.class).isInterface());
    }

    private static String internal(String layer) {
        return "io.ipguard.jaxrs.internal." + layer + "..";
    }

    @Test
    void whenInternalPackagesAreSliced_thenTheyFormNoCycle() {
        slices().matching("io.ipguard.jaxrs.internal.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void whenInternalPackagesAreLayered_thenEachUsesOnlyTheLayersBeforeIt() {
        for (int i = 0; i < LAYERS.size() - 1; i++) {
            String[] above = LAYERS.subList(i + 1, LAYERS.size()).stream().map(ArchitectureTest::internal)
                    .toArray(String[]::new);
            noClasses().that().resideInAPackage(internal(LAYERS.get(i)))
                    .should().dependOnClassesThat().resideInAnyPackage(above)
                    .because(LAYERS.get(i) + " lies below " + String.join(", ", LAYERS.subList(i + 1, LAYERS.size())))
                    .check(MAIN);
        }
    }

    @Test
    void whenLowerLayersAreInspected_thenTheyKnowNothingOfJaxRsOrJersey() {
        noClasses().that().resideInAnyPackage(PLAIN_JAVA.stream().map(ArchitectureTest::internal).toArray(String[]::new))
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.ws.rs..", "org.glassfish..", "jakarta.inject..")
                .because("addresses, lists and configuration are plain Java, usable and testable without a container")
                .check(MAIN);
    }

    @Test
    void whenEveryClassIsPlaced_thenTheInternalPackageItselfHoldsAHandfulAtMost() {
        List<String> loose = MAIN.stream().filter(c -> c.getPackageName().equals("io.ipguard.jaxrs.internal"))
                .map(JavaClass::getName).toList();
        List<String> unplaced = MAIN.stream()
                .filter(c -> c.getPackageName().startsWith("io.ipguard.jaxrs.internal.")
                        && LAYERS.stream().noneMatch(layer -> c.getPackageName().equals("io.ipguard.jaxrs.internal." + layer)))
                .map(JavaClass::getName).toList();

        assertTrue(loose.size() <= 5, loose.toString());
        assertEquals(List.of(), unplaced);
    }

    @Test
    void whenPublicAndInternalFilesAreInspected_thenNoneImportsAFileThatImportsItBack() {
        List<String> cycles = new ArrayList<>();
        for (JavaClass api : MAIN) {
            if (!api.getPackageName().equals("io.ipguard.jaxrs")) {
                continue;
            }
            for (JavaClass used : dependencies(api)) {
                if (used.getPackageName().startsWith("io.ipguard.jaxrs.internal")
                        && dependencies(used).contains(topLevel(api))) {
                    cycles.add(topLevel(api).getSimpleName() + " <-> " + used.getName());
                }
            }
        }
        assertEquals(List.of(), cycles.stream().distinct().sorted().toList());
    }

    /** The top-level classes a file uses, its nested and anonymous classes' uses included. */
    private static Set<JavaClass> dependencies(JavaClass type) {
        JavaClass file = topLevel(type);
        Set<JavaClass> found = new java.util.HashSet<>();
        for (JavaClass c : MAIN) {
            if (topLevel(c).equals(file)) {
                c.getDirectDependenciesFromSelf().forEach(d -> found.add(topLevel(d.getTargetClass())));
            }
        }
        found.remove(file);
        return found;
    }

    private static JavaClass topLevel(JavaClass type) {
        JavaClass c = type;
        while (c.getEnclosingClass().isPresent()) {
            c = c.getEnclosingClass().get();
        }
        return c;
    }

    @Test
    void whenTheLibraryLogs_thenItWritesToTheLoggerOperatorsKnowByTheFeaturesName() {
        assertEquals(IpGuardFeature.class.getName(), io.ipguard.jaxrs.internal.io.Logs.LOG.getName());
    }
}
