package io.crossbook.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The module rules of ARCHITECTURE.md: dependencies point downwards only, and core is JDK-only. */
class ArchitectureTest {
    private static final JavaClasses CROSSBOOK = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.crossbook");

    @Test
    void coreDependsOnTheJdkOnly() {
        classes().that().resideInAPackage("io.crossbook.core..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("io.crossbook.core..", "java..")
                .check(CROSSBOOK);
    }

    @Test
    void venuesDependOnCoreOnly() {
        noClasses().that().resideInAPackage("io.crossbook.venues..")
                .should().dependOnClassesThat().resideInAnyPackage("io.crossbook.store..", "io.crossbook.server..",
                        "io.crossbook.testkit..", "org.springframework..")
                .check(CROSSBOOK);
    }

    @Test
    void storeDependsOnCoreAndJdbcOnly() {
        noClasses().that().resideInAPackage("io.crossbook.store..")
                .should().dependOnClassesThat().resideInAnyPackage("io.crossbook.venues..", "io.crossbook.server..",
                        "io.crossbook.testkit..", "org.springframework.boot..", "org.springframework.context..",
                        "org.springframework.beans..", "org.springframework.web..")
                .check(CROSSBOOK);
    }

    @Test
    void productionCodeNeverUsesTheTestEquipment() {
        noClasses().that().resideOutsideOfPackage("io.crossbook.testkit..")
                .should().dependOnClassesThat().resideInAPackage("io.crossbook.testkit..")
                .check(CROSSBOOK);
    }

    @Test
    void venueAdaptersDoNotDependOnEachOther() {
        for (String venue : new String[] {"binance", "bybit", "okx"}) {
            noClasses().that().resideInAPackage("io.crossbook.venues." + venue + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(otherVenues(venue))
                    .check(CROSSBOOK);
        }
    }

    private static String[] otherVenues(String venue) {
        return java.util.stream.Stream.of("binance", "bybit", "okx").filter(v -> !v.equals(venue))
                .map(v -> "io.crossbook.venues." + v + "..").toArray(String[]::new);
    }
}
