package io.ipguard.jaxrs.dropwizard;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The bundle is an integration like any application: it uses the library's public package only (docs/architecture.md). */
class PublicApiOnlyTest {

    @Test
    void whenTheBundleIsCompiled_thenItNamesNothingInsideTheLibrary() {
        // The bundle's own classes only (the build's output), not the class path: scanning Dropwizard's takes seconds.
        JavaClasses bundle = new ClassFileImporter().importPath(Path.of("target", "classes"));

        noClasses().should().dependOnClassesThat().resideInAPackage("io.ipguard.jaxrs.internal..").check(bundle);
    }
}
