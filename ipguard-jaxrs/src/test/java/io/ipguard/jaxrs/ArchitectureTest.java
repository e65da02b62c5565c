package io.ipguard.jaxrs;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;

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

/** Keeps the layering true: a small public API, implementation in internal, no name resolution. */
class ArchitectureTest {

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
                "IpGuardConfigurationException", "IpGuardFeature", "IpGuardInspector", "IpGuardProperties", "IpSet",
                "ListStatus", "WhitelistProvider", "Whitelisted"), publicTypes);
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
}
