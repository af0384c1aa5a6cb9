package org.duban.platform.testing.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

/**
 * The shared structure rules ({@link ServiceArchitecture}) as one test per rule. A service applies them with
 * <pre>
 * class ArchitectureTest extends ServiceArchitectureTest {
 *     ArchitectureTest() { super(IntakeApplication.class); }
 * }
 * </pre>
 * and may add its own rules next to them, checked against {@link #mainClasses()}. The service's classes are
 * imported once.
 */
public abstract class ServiceArchitectureTest {

    private final ServiceArchitecture rules;
    private final JavaClasses classes;

    /** @param applicationClass the service's application class, in its root package */
    protected ServiceArchitectureTest(Class<?> applicationClass) {
        this.rules = ServiceArchitecture.of(applicationClass);
        this.classes = ServiceArchitecture.mainClassesOf(applicationClass);
    }

    protected ServiceArchitecture rules() {
        return rules;
    }

    protected JavaClasses mainClasses() {
        return classes;
    }

    @Test
    public void featureCodeDependsOnNoFramework() {
        rules.featureCodeDependsOnNoFramework().check(classes);
    }

    @Test
    public void featureCodeDependsOnNoAdapter() {
        rules.featureCodeDependsOnNoAdapter().check(classes);
    }

    @Test
    public void noFeatureReachesAnotherFeaturesAdapters() {
        rules.noFeatureReachesAnotherFeaturesAdapters().check(classes);
    }

    @Test
    public void onlyWebAdaptersSpeakTheGeneratedApi() {
        rules.onlyWebAdaptersSpeakTheGeneratedApi().check(classes);
    }

    @Test
    public void onlyWebAndKafkaEntryPointsAreSpringComponents() {
        rules.onlyWebAndKafkaEntryPointsAreSpringComponents().check(classes);
    }

    @Test
    public void controllersLiveInWebAdapters() {
        rules.controllersLiveInWebAdapters().check(classes);
    }

    @Test
    public void springConfigurationLivesInTheRootPackage() {
        rules.springConfigurationLivesInTheRootPackage().check(classes);
    }

    @Test
    public void noConfigPackages() {
        rules.noConfigPackages().check(classes);
    }

    @Test
    public void featuresAreFreeOfCycles() {
        rules.featuresAreFreeOfCycles().check(classes);
    }

    @Test
    public void timeComesFromTheInjectedClock() {
        rules.timeComesFromTheInjectedClock().check(classes);
    }
}
