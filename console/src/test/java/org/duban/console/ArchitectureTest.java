package org.duban.console;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The console's structure: one package per feature, each standing on the shared foundation (platform,
 * security, web) and never on another feature (the review queues build on the assignment pages they
 * lead to); the foundation knows no feature; nothing reaches the platform but through the generated client.
 */
class ArchitectureTest {

    private static final String[] FEATURES = {"board", "units", "matters", "assignments", "review", "supervision",
        "desk", "statistics", "inbox"};

    private final JavaClasses console = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.duban.console");

    @Test
    void featuresDoNotDependOnEachOtherButTheReviewQueuesOnTheAssignmentPages() {
        for (String feature : FEATURES) {
            for (String other : FEATURES) {
                if (feature.equals(other) || (feature.equals("review") && other.equals("assignments"))) {
                    continue;
                }
                noClasses().that().resideInAPackage("org.duban.console." + feature + "..")
                        .should().dependOnClassesThat().resideInAPackage("org.duban.console." + other + "..")
                        .because("features meet only through the platform's API and the shared foundation")
                        .check(console);
            }
        }
    }

    @Test
    void theFoundationKnowsNoFeature() {
        String[] features = java.util.Arrays.stream(FEATURES).map(f -> "org.duban.console." + f + "..")
                .toArray(String[]::new);
        noClasses().that().resideInAnyPackage("org.duban.console.platform..", "org.duban.console.security..",
                        "org.duban.console.web..")
                .should().dependOnClassesThat().resideInAnyPackage(features)
                .check(console);
    }

    @Test
    void featuresFormNoCycles() {
        slices().matching("org.duban.console.(*)..").should().beFreeOfCycles()
                .ignoreDependency(com.tngtech.archunit.base.DescribedPredicate.alwaysTrue(),
                        com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage(
                                "org.duban.console.platform..", "org.duban.console.security..", "org.duban.console.web.."))
                .check(console);
    }

    @Test
    void thePlatformIsReachedOnlyThroughTheGeneratedClient() {
        noClasses().that().resideInAPackage("org.duban.console..")
                .and().resideOutsideOfPackage("org.duban.console.platform..")
                .should().dependOnClassesThat().haveFullyQualifiedName("org.springframework.web.client.RestClient")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.http.HttpClient")
                .because("pages call the API through the generated client's API objects (PlatformClients)")
                .check(console);
    }
}
