package org.duban.intake;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "org.duban.intake", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule featureRootsAreFreeOfFrameworks = noClasses()
            .that().resideInAnyPackage("org.duban.intake.unit", "org.duban.intake.cases",
                    "org.duban.intake.assignment", "org.duban.platform.idempotency", "org.duban.intake.calendar",
                    "org.duban.intake.evaluation", "org.duban.intake.ratelimit",
                    "org.duban.intake.progress", "org.duban.intake.lawyer")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.mongodb..", "org.bson..",
                    "org.apache.kafka..", "tools.jackson..", "com.fasterxml..", "org.duban.intake.api..",
                    "com.google.crypto..", "org.duban.platform.crypto..");

    @ArchTest
    static final ArchRule onlyWebAdaptersSpeakTheGeneratedApi = noClasses()
            .that().resideOutsideOfPackages("..web..", "org.duban.intake.api..")
            .should().dependOnClassesThat().resideInAnyPackage("..web..", "org.duban.intake.api..");

    @ArchTest
    static final ArchRule featuresHaveNoCycles = slices().matching("org.duban.intake.(*)..").should().beFreeOfCycles();
}
