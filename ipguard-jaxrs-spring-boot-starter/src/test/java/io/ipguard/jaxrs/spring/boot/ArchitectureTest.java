package io.ipguard.jaxrs.spring.boot;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The starter is an integration like any application: it uses the library's public package only. */
class ArchitectureTest {

    @Test
    void whenTheStarterUsesTheLibrary_thenOnlyThroughItsPublicPackage() {
        noClasses().should().dependOnClassesThat().resideInAPackage("io.ipguard.jaxrs.internal..")
                .check(new ClassFileImporter().importPath(Path.of("target", "classes")));
    }
}
