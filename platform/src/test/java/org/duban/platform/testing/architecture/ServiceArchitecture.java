package org.duban.platform.testing.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

/**
 * The structure every service {@code org.duban.<service>} follows (shared/STYLE.md §3, docs/conventions.md), as
 * one set of ArchUnit rules. The service's root package holds the application and its wiring; each package
 * directly below it is a feature, except {@code api}, which the OpenAPI generator writes, and {@code web}, the
 * HTTP edge the features' web adapters share (the page view, views of values several endpoints show). A
 * feature's adapters live in sub-packages named for their technology ({@link #ADAPTER_PACKAGES}); everything
 * else in a feature is its domain and use cases, plain Java.
 *
 * <p>Every rule refuses to pass when its {@code that()} selects nothing, so a wrong package name fails instead
 * of checking nothing. Services apply the set by extending {@link ServiceArchitectureTest}.
 */
public final class ServiceArchitecture {

    /**
     * Sub-package names that hold adapters, at any depth below a feature: incoming ({@code web}, {@code kafka}),
     * storage ({@code mongo}, {@code files}) and outgoing ({@code email}, {@code webhook}, {@code metrics},
     * {@code document}: the annual report rendered by Apache POI). A feature may itself be called like one
     * (notification's {@code webhook} feature): only sub-packages of a feature count.
     */
    public static final Set<String> ADAPTER_PACKAGES =
            Set.of("web", "kafka", "mongo", "files", "email", "webhook", "metrics", "document");

    /** Frameworks and I/O libraries that stay in adapters and configuration. */
    private static final String[] FRAMEWORKS = {
        "org.springframework..", "com.mongodb..", "org.bson..", "org.apache.kafka..", "io.cloudevents..",
        "tools.jackson..", "com.fasterxml.jackson..", "io.micrometer..", "jakarta..", "org.apache.hc..",
        "io.github.resilience4j..", "com.google.crypto..", "org.apache.poi..", "org.yaml.."
    };

    /**
     * The platform's adapter side: storage, messaging, HTTP, the outbox and its entries (all of
     * {@code events}: {@code PendingEvent}, {@code PendingEvents} and the Jackson-based {@code EventJson}), field
     * encryption, security, scheduling, tracing, auto-configuration. Feature code may use
     * {@code org.duban.platform.domain} and {@code org.duban.platform.idempotency} (plain Java).
     */
    private static final String[] PLATFORM_ADAPTER_SIDE = {
        "org.duban.platform.outbox..", "org.duban.platform.events..", "org.duban.platform.mongo..",
        "org.duban.platform.kafka..", "org.duban.platform.web..", "org.duban.platform.inbox..",
        "org.duban.platform.idempotency.mongo..", "org.duban.platform.crypto..", "org.duban.platform.security..",
        "org.duban.platform.scheduling..", "org.duban.platform.tracing..", "org.duban.platform.config.."
    };

    /** Scanned Spring components; {@code @Configuration} is checked by its own rule. */
    private static final List<String> STEREOTYPES = List.of(
            "org.springframework.stereotype.Component", "org.springframework.stereotype.Service",
            "org.springframework.stereotype.Repository", "org.springframework.stereotype.Controller",
            "org.springframework.web.bind.annotation.RestController",
            "org.springframework.web.bind.annotation.ControllerAdvice",
            "org.springframework.web.bind.annotation.RestControllerAdvice");

    private static final Map<Class<?>, JavaClasses> MAIN_CLASSES = new ConcurrentHashMap<>();

    private final String root;
    private final String api;
    private final String sharedWeb;

    private ServiceArchitecture(String root) {
        this.root = root;
        this.api = root + ".api";
        this.sharedWeb = root + ".web";
    }

    /** The rules for the service whose root package is {@code rootPackage}, e.g. {@code org.duban.intake}. */
    public static ServiceArchitecture of(String rootPackage) {
        return new ServiceArchitecture(rootPackage);
    }

    /** The rules for the service whose application class sits in its root package. */
    public static ServiceArchitecture of(Class<?> applicationClass) {
        return of(applicationClass.getPackageName());
    }

    /**
     * The service's main classes: its own output folder (including the generated API), without tests and without
     * the jars on the class path; imported once per application class.
     */
    public static JavaClasses mainClassesOf(Class<?> applicationClass) {
        return MAIN_CLASSES.computeIfAbsent(applicationClass, type -> new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importUrl(type.getProtectionDomain().getCodeSource().getLocation()));
    }

    /** Every rule, by the name of the method that builds it. */
    public Map<String, ArchRule> rules() {
        Map<String, ArchRule> rules = new LinkedHashMap<>();
        rules.put("featureCodeDependsOnNoFramework", featureCodeDependsOnNoFramework());
        rules.put("featureCodeDependsOnNoAdapter", featureCodeDependsOnNoAdapter());
        rules.put("noFeatureReachesAnotherFeaturesAdapters", noFeatureReachesAnotherFeaturesAdapters());
        rules.put("onlyWebAdaptersSpeakTheGeneratedApi", onlyWebAdaptersSpeakTheGeneratedApi());
        rules.put("onlyWebAndKafkaEntryPointsAreSpringComponents", onlyWebAndKafkaEntryPointsAreSpringComponents());
        rules.put("controllersLiveInWebAdapters", controllersLiveInWebAdapters());
        rules.put("springConfigurationLivesInTheRootPackage", springConfigurationLivesInTheRootPackage());
        rules.put("noConfigPackages", noConfigPackages());
        rules.put("featuresAreFreeOfCycles", featuresAreFreeOfCycles());
        rules.put("timeComesFromTheInjectedClock", timeComesFromTheInjectedClock());
        return rules;
    }

    /** A feature's domain and use cases use no framework, no generated API and no adapter side of the platform. */
    public ArchRule featureCodeDependsOnNoFramework() {
        return noClasses().that(featureCode())
                .should().dependOnClassesThat(resideInAnyPackage(FRAMEWORKS)
                        .or(resideInAnyPackage(PLATFORM_ADAPTER_SIDE))
                        .or(resideInAPackage(api + "..")))
                .because("a feature's domain and use cases are plain Java; frameworks stay in adapters and the"
                        + " root configuration (STYLE.md §3, §4)")
                .allowEmptyShould(false);
    }

    /** A feature's domain and use cases depend on ports, never on an adapter (their own or another's). */
    public ArchRule featureCodeDependsOnNoAdapter() {
        return noClasses().that(featureCode())
                .should().dependOnClassesThat(adapter())
                .because("adapters depend on the use cases, never the other way round")
                .allowEmptyShould(false);
    }

    /**
     * Features meet through use cases, ports and events; only the root configuration may use any adapter. The
     * shared web edge is for the features' web adapters.
     */
    public ArchRule noFeatureReachesAnotherFeaturesAdapters() {
        return classes().that(inAFeature())
                .should(reachNoOtherFeaturesAdapter())
                .because("a feature's web/mongo/kafka/... classes are used only by that feature and the root"
                        + " configuration (STYLE.md §3)")
                .allowEmptyShould(false);
    }

    /** The generated API package is spoken by the web adapters only. */
    public ArchRule onlyWebAdaptersSpeakTheGeneratedApi() {
        return classes().that().resideInAPackage(api + "..")
                .should().onlyHaveDependentClassesThat(adapterNamed("web").or(resideInAPackage(api + "..")))
                .because("requests and views from the OpenAPI spec are translated at the HTTP edge")
                .allowEmptyShould(false);
    }

    /** Only entry points are scanned: {@code @RestController}s in {@code web}, listeners in {@code kafka}. */
    public ArchRule onlyWebAndKafkaEntryPointsAreSpringComponents() {
        var rule = noClasses().that(resideInAPackage(root + "..")
                        .and(not(adapterNamed("web"))).and(not(adapterNamed("kafka"))))
                .should().beAnnotatedWith(STEREOTYPES.get(0));
        for (String stereotype : STEREOTYPES.subList(1, STEREOTYPES.size())) {
            rule = rule.orShould().beAnnotatedWith(stereotype);
        }
        return rule.because("use cases and adapters are built with new in the root package's @Configuration"
                        + " classes; only entry points are found by scanning")
                .allowEmptyShould(false);
    }

    /** HTTP entry points sit in a feature's {@code web} package. */
    public ArchRule controllersLiveInWebAdapters() {
        return classes().that().areAnnotatedWith("org.springframework.web.bind.annotation.RestController")
                .or().areAnnotatedWith("org.springframework.stereotype.Controller")
                .should(beIn(adapterNamed("web")))
                .because("a controller is the web adapter of its feature")
                .allowEmptyShould(false);
    }

    /** {@code @Configuration} (also meta) and {@code @ConfigurationProperties} classes sit in the root package. */
    public ArchRule springConfigurationLivesInTheRootPackage() {
        return classes().that().areMetaAnnotatedWith("org.springframework.context.annotation.Configuration")
                .or().areAnnotatedWith("org.springframework.boot.context.properties.ConfigurationProperties")
                .should().resideInAPackage(root)
                .because("wiring and typed settings live next to the application, one <Feature>Configuration per"
                        + " feature")
                .allowEmptyShould(false);
    }

    /** No {@code config} package anywhere in the service. */
    public ArchRule noConfigPackages() {
        return noClasses().that().resideInAPackage(root + "..")
                .should().resideInAPackage(root + "..config..")
                .because("configuration lives in the root package, not in config/ sub-packages")
                .allowEmptyShould(false);
    }

    /**
     * Features do not depend on each other in a circle. The shared web edge is no feature: like a feature's own
     * web adapter it may show any feature's values, and every web adapter may use it.
     */
    public ArchRule featuresAreFreeOfCycles() {
        return slices().assignedFrom(new SliceAssignment() {
                    @Override
                    public SliceIdentifier getIdentifierOf(JavaClass type) {
                        return featureOf(type).map(SliceIdentifier::of).orElse(SliceIdentifier.ignore());
                    }

                    @Override
                    public String getDescription() {
                        return "features below " + root;
                    }
                })
                .should().beFreeOfCycles()
                .allowEmptyShould(false);
    }

    /**
     * No reading of the system clock in main code: time comes from the injected {@code Clock}
     * ({@code Instant.now(clock)} is fine, {@code System.nanoTime()} for measuring durations too).
     */
    public ArchRule timeComesFromTheInjectedClock() {
        return noClasses().that().resideInAPackage(root + "..")
                .should().callMethod(Instant.class, "now")
                .orShould().callMethod(LocalDate.class, "now")
                .orShould().callMethod(LocalDateTime.class, "now")
                .orShould().callMethod(LocalTime.class, "now")
                .orShould().callMethod(ZonedDateTime.class, "now")
                .orShould().callMethod(OffsetDateTime.class, "now")
                .orShould().callMethod(Year.class, "now")
                .orShould().callMethod(YearMonth.class, "now")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .orShould().callConstructor(Date.class)
                .because("time comes from the injected Clock, so that tests can move it")
                .allowEmptyShould(false);
    }

    // ---- where a class sits ----

    /** The package path below the root, e.g. [order, mongo]; empty for the root itself and outside it. */
    private List<String> segmentsBelowRoot(String packageName) {
        if (!packageName.startsWith(root + ".")) {
            return List.of();
        }
        return Arrays.asList(packageName.substring(root.length() + 1).split("\\."));
    }

    private Optional<String> featureOf(JavaClass type) {
        List<String> segments = segmentsBelowRoot(type.getBaseComponentType().getPackageName());
        if (segments.isEmpty() || segments.get(0).equals("api") || segments.get(0).equals("web")) {
            return Optional.empty();
        }
        return Optional.of(segments.get(0));
    }

    /** In {@code <root>.web} (or below): the web edge all features share. */
    private boolean inSharedWeb(JavaClass type) {
        String packageName = type.getBaseComponentType().getPackageName();
        return packageName.equals(sharedWeb) || packageName.startsWith(sharedWeb + ".");
    }

    private boolean isAdapter(JavaClass type, Set<String> adapterNames) {
        if (inSharedWeb(type)) {
            return adapterNames.contains("web");
        }
        List<String> segments = segmentsBelowRoot(type.getBaseComponentType().getPackageName());
        return featureOf(type).isPresent()
                && segments.subList(1, segments.size()).stream().anyMatch(adapterNames::contains);
    }

    private DescribedPredicate<JavaClass> inAFeature() {
        return describe("reside in a feature package below " + root + " (not " + api + ")",
                type -> featureOf(type).isPresent());
    }

    private DescribedPredicate<JavaClass> adapter() {
        return describe("are adapters (a feature's sub-package named " + ADAPTER_PACKAGES + ")",
                type -> isAdapter(type, ADAPTER_PACKAGES));
    }

    private DescribedPredicate<JavaClass> adapterNamed(String name) {
        return describe("are " + name + " adapters", type -> isAdapter(type, Set.of(name)));
    }

    private DescribedPredicate<JavaClass> featureCode() {
        return describe("are a feature's domain or use cases (below " + root + ", outside " + api
                + " and the adapter packages " + ADAPTER_PACKAGES + ")",
                type -> featureOf(type).isPresent() && !isAdapter(type, ADAPTER_PACKAGES));
    }

    private static ArchCondition<JavaClass> beIn(DescribedPredicate<JavaClass> place) {
        return new ArchCondition<>("be classes that " + place.getDescription()) {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                if (!place.test(type)) {
                    events.add(SimpleConditionEvent.violated(type, "Class <" + type.getName() + "> is not a class that "
                            + place.getDescription() + " in " + type.getSourceCodeLocation()));
                }
            }
        };
    }

    private ArchCondition<JavaClass> reachNoOtherFeaturesAdapter() {
        return new ArchCondition<>("depend on no other feature's adapters") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                String feature = featureOf(origin).orElseThrow();
                boolean webAdapter = isAdapter(origin, Set.of("web"));
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                    JavaClass target = dependency.getTargetClass();
                    boolean otherFeaturesAdapter = inSharedWeb(target) ? !webAdapter
                            : isAdapter(target, ADAPTER_PACKAGES) && !featureOf(target).orElseThrow().equals(feature);
                    if (otherFeaturesAdapter) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }
}
