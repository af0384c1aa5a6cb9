package org.duban.platform.architecture;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks a fixture class that breaks one rule of the shared set on purpose; the value names the rule. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface DeliberateViolation {

    /** The name of the rule (a method of {@code ServiceArchitecture}) the class breaks. */
    String value();
}
