package org.duban.reporting;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Feature roots hold plain Java (domain and use cases); frameworks stay in the adapters. */
class ArchitectureTest {

    private static final String[] FEATURE_ROOTS = {"org.duban.reporting.projection", "org.duban.reporting.statistics",
            "org.duban.reporting.scorecard", "org.duban.reporting.report", "org.duban.reporting.timeline"};

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.duban.reporting");
    }

    @Test
    void featureRootsDependOnNoFramework() {
        noClasses().that().resideInAnyPackage(FEATURE_ROOTS)
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "com.mongodb..", "org.bson..", "org.apache.kafka..",
                        "io.cloudevents..", "tools.jackson..", "com.fasterxml.jackson..", "jakarta.servlet..")
                .check(classes);
    }

    @Test
    void featureRootsReachNoAdapter() {
        noClasses().that().resideInAnyPackage(FEATURE_ROOTS)
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.duban.platform.kafka..", "org.duban.platform.web..", "org.duban.platform.inbox..",
                        "org.duban.platform.outbox..", "org.duban.platform.mongo..", "org.duban.platform.security..",
                        "org.duban.reporting.api..", "org.duban.reporting..web..", "org.duban.reporting..mongo..",
                        "org.duban.reporting..kafka..")
                .because("adapters depend on the use cases, never the other way round")
                .check(classes);
    }

    @Test
    void featuresHaveNoCycles() {
        slices().matching("org.duban.reporting.(*)..").should().beFreeOfCycles().check(classes);
    }
}
