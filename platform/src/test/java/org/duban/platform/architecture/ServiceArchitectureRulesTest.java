package org.duban.platform.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import org.duban.platform.architecture.petitions.PetitionsApplication;
import org.duban.platform.testing.architecture.ServiceArchitecture;
import org.duban.platform.testing.architecture.ServiceArchitectureTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shared structure rules against a small fake service ({@code petitions}): each holds for the well-shaped
 * service, fails on its own deliberate violation and on no other rule's, and fails rather than pass when it
 * would check nothing.
 */
class ServiceArchitectureRulesTest {

    private static final JavaClasses PETITIONS =
            new ClassFileImporter().importPackagesOf(PetitionsApplication.class);

    private static final ServiceArchitecture RULES = ServiceArchitecture.of(PetitionsApplication.class);

    static Stream<String> ruleNames() {
        return RULES.rules().keySet().stream();
    }

    @ParameterizedTest
    @MethodSource("ruleNames")
    void ruleHoldsForTheWellShapedService(String rule) {
        // given
        JavaClasses wellShaped = petitionsWith(violated -> violated.isEmpty());

        // when / then
        assertThatCode(() -> rule(rule).check(wellShaped)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @MethodSource("ruleNames")
    void ruleFailsOnItsDeliberateViolationNamingTheOffendingClasses(String rule) {
        // given
        JavaClasses withViolation = wellShapedPlusViolationsOf(rule);
        List<String> offenders = offendersOf(rule);

        // when / then
        assertThat(offenders).isNotEmpty();
        assertThatThrownBy(() -> rule(rule).check(withViolation))
                .isInstanceOf(AssertionError.class)
                .satisfies(failure -> assertThat(failure.getMessage()).contains(offenders));
    }

    @ParameterizedTest
    @MethodSource("ruleNames")
    void deliberateViolationOfOneRuleBreaksNoOtherRule(String rule) {
        // given
        JavaClasses withViolation = wellShapedPlusViolationsOf(rule);

        // when / then
        RULES.rules().forEach((other, otherRule) -> {
            if (!other.equals(rule)) {
                assertThatCode(() -> otherRule.check(withViolation)).as(other).doesNotThrowAnyException();
            }
        });
    }

    @ParameterizedTest
    @MethodSource("ruleNames")
    void ruleFailsInsteadOfPassingWhenItsRootPackageHoldsNothing(String rule) {
        // given
        ServiceArchitecture wrongRoot = ServiceArchitecture.of("org.duban.platform.architecture.nosuchservice");
        JavaClasses wellShaped = petitionsWith(violated -> violated.isEmpty());

        // when / then
        assertThatThrownBy(() -> wrongRoot.rules().get(rule).check(wellShaped)).isInstanceOf(AssertionError.class);
    }

    @Test
    void everyRuleHasADeliberateViolationInTheFixture() {
        // given
        Set<String> violated = PETITIONS.stream().map(ServiceArchitectureRulesTest::violatedRule)
                .flatMap(Optional::stream).collect(Collectors.toSet());

        // then
        assertThat(violated).containsExactlyInAnyOrderElementsOf(RULES.rules().keySet());
    }

    @Test
    void theServicesTestBaseRunsEveryRule() {
        // given
        Set<String> tests = Arrays.stream(ServiceArchitectureTest.class.getDeclaredMethods())
                .filter(method -> method.isAnnotationPresent(Test.class)).map(Method::getName)
                .collect(Collectors.toSet());

        // then
        assertThat(tests).containsExactlyInAnyOrderElementsOf(RULES.rules().keySet());
    }

    @Test
    void aFeatureNamedLikeAnAdapterPackageIsAFeature() {
        // given: order's use case depends on the feature called webhook, order.webhook is order's adapter
        JavaClasses orderAndWebhook = PETITIONS.that(describe("order and webhook, well shaped", type ->
                violatedRule(type).isEmpty() && type.getPackageName().matches(".*\\.petitions\\.(order|webhook).*")));

        // when / then
        assertThatCode(() -> RULES.featureCodeDependsOnNoAdapter().check(orderAndWebhook))
                .doesNotThrowAnyException();
        assertThatCode(() -> RULES.featureCodeDependsOnNoFramework().check(orderAndWebhook))
                .doesNotThrowAnyException();
    }

    private static ArchRule rule(String name) {
        return RULES.rules().get(name);
    }

    private static Optional<String> violatedRule(JavaClass type) {
        return type.tryGetAnnotationOfType(DeliberateViolation.class).map(DeliberateViolation::value);
    }

    private static JavaClasses wellShapedPlusViolationsOf(String rule) {
        return petitionsWith(violated -> violated.map(rule::equals).orElse(true));
    }

    /**
     * A fresh import without the classes left out: filtering an import would not do, since a class's dependents
     * (which onlyWebAdaptersSpeakTheGeneratedApi checks) are those of the whole import.
     */
    private static JavaClasses petitionsWith(Predicate<Optional<String>> violatedRuleKept) {
        Set<String> leftOut = PETITIONS.stream().filter(type -> !violatedRuleKept.test(violatedRule(type)))
                .map(type -> "/" + type.getName().replace('.', '/') + ".class").collect(Collectors.toSet());
        return new ClassFileImporter().withImportOption(location -> leftOut.stream().noneMatch(location::contains))
                .importPackagesOf(PetitionsApplication.class);
    }

    private static List<String> offendersOf(String rule) {
        return PETITIONS.stream().filter(type -> violatedRule(type).filter(rule::equals).isPresent())
                .map(JavaClass::getName).toList();
    }
}
