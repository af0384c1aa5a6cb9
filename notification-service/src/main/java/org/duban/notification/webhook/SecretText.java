package org.duban.notification.webhook;

import java.util.Objects;

/**
 * A secret's text, revealed only where it is needed: to sign a message, and in the one answer that hands a
 * new secret to its unit. A stored secret stays encrypted until then (ADR 0011); printing one never shows it.
 */
@FunctionalInterface
public interface SecretText {

    String reveal();

    /** A secret known in the clear: one just made. */
    static SecretText of(String text) {
        return new Known(text);
    }

    /** A secret known in the clear. */
    record Known(String text) implements SecretText {

        public Known {
            Objects.requireNonNull(text, "text");
        }

        @Override
        public String reveal() {
            return text;
        }

        @Override
        public String toString() {
            return "SecretText[***]";
        }
    }
}
