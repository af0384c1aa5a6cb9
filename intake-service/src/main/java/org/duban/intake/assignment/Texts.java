package org.duban.intake.assignment;

import org.duban.platform.domain.InvalidInput;

/** Checks of the free texts people write into an assignment (reasons, notes, summaries). */
final class Texts {

    static final int NOTE = 2000;
    static final int SUMMARY = 5000;

    private Texts() {
    }

    /** The text, or {@link InvalidInput} naming {@code field} when it is blank or longer than {@code max}. */
    static String required(String field, String text, int max) {
        if (text == null || text.isBlank()) {
            throw new InvalidInput(field, "is required");
        }
        return optional(field, text, max);
    }

    /** The text (null when absent), or {@link InvalidInput} when it is longer than {@code max}. */
    static String optional(String field, String text, int max) {
        if (text != null && text.length() > max) {
            throw new InvalidInput(field, "must be at most " + max + " characters");
        }
        return text == null || text.isBlank() ? null : text;
    }
}
