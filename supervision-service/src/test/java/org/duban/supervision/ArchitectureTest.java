package org.duban.supervision;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The shape STYLE.md asks for: plain-Java feature roots, adapters at the edge, no cycles. */
class ArchitectureTest {

    /** The module's own classes only (its output folder): no scan of every jar on the class path. */
    private static final String[] FEATURE_ROOTS = {"org.duban.supervision.deadline", "org.duban.supervision.order",
            "org.duban.supervision.recommendation", "org.duban.supervision.measure",
            "org.duban.supervision.escalation"};

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importUrl(SupervisionApplication.class.getProtectionDomain().getCodeSource().getLocation());

    @Test
    void featureRootsDependOnNoFramework() {
        noClasses().that().resideInAnyPackage(FEATURE_ROOTS)
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "com.mongodb..", "org.bson..", "org.apache.kafka..",
                        "tools.jackson..", "com.fasterxml.jackson..", "jakarta..", "io.cloudevents..",
                        "org.duban.platform.web..", "org.duban.platform.kafka..", "org.duban.platform.inbox..",
                        "org.duban.platform.outbox..", "org.duban.platform.mongo..", "org.duban.supervision.api..")
                .check(CLASSES);
    }

    @Test
    void featureRootsDoNotReachIntoTheirAdapters() {
        for (String root : FEATURE_ROOTS) {
            noClasses().that().resideInAnyPackage(root)
                    .should().dependOnClassesThat().resideInAnyPackage(root + ".(*)..")
                    .allowEmptyShould(true)
                    .check(CLASSES);
        }
    }

    @Test
    void featuresHaveNoCycles() {
        slices().matching("org.duban.supervision.(*)..").should().beFreeOfCycles().check(CLASSES);
    }
}
