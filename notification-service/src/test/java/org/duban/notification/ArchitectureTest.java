package org.duban.notification;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Feature roots are plain Java; adapters stay at the edge; features do not go round in circles. */
@AnalyzeClasses(packages = "org.duban.notification", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String[] FEATURE_ROOTS = {
        "org.duban.notification.inbox", "org.duban.notification.routing", "org.duban.notification.template",
        "org.duban.notification.unit", "org.duban.notification.webhook", "org.duban.notification.delivery"
    };

    @ArchTest
    static final ArchRule featureRootsDependOnNoFramework = noClasses()
            .that().resideInAnyPackage(FEATURE_ROOTS)
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "com.mongodb..", "org.bson..", "org.apache.kafka..",
                    "tools.jackson..", "com.fasterxml.jackson..", "io.cloudevents..", "jakarta..",
                    "org.duban.platform.outbox..", "org.duban.platform.kafka..", "org.duban.platform.inbox..",
                    "org.duban.platform.events..", "org.duban.platform.web..", "org.duban.notification.api..",
                    "org.duban.platform.crypto..", "com.google.crypto..", "org.apache.hc..");

    @ArchTest
    static final ArchRule featureRootsDoNotReachIntoAdapters = noClasses()
            .that().resideInAnyPackage(FEATURE_ROOTS)
            .should().dependOnClassesThat().resideInAnyPackage("..web..", "..mongo..", "..kafka..");

    @ArchTest
    static final ArchRule featuresAreFreeOfCycles = slices()
            .matching("org.duban.notification.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule featuresMeetThroughUseCasesNotAdapters = noClasses()
            .that().resideInAnyPackage("org.duban.notification.routing..", "org.duban.notification.template..",
                    "org.duban.notification.delivery..", "org.duban.notification.webhook..")
            .and().resideOutsideOfPackage("org.duban.notification.webhook.mongo..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.duban.notification.inbox.web..", "org.duban.notification.inbox.mongo..",
                    "org.duban.notification.webhook.web..", "org.duban.notification.webhook.mongo..",
                    "org.duban.notification.unit.mongo..");

    /** The webhooks' Mongo adapter is several classes (endpoints, their secrets' fields, the re-encryption). */
    @ArchTest
    static final ArchRule theWebhooksStoreReachesNoOtherAdapter = noClasses()
            .that().resideInAPackage("org.duban.notification.webhook.mongo..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.duban.notification.inbox.web..", "org.duban.notification.inbox.mongo..",
                    "org.duban.notification.webhook.web..", "org.duban.notification.unit.mongo..");
}
