package org.duban.supervision.deadline;

/** Constructor checks of this feature's values: a missing part is an {@link IllegalArgumentException}. */
final class Require {

    private Require() {
    }

    static String text(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is missing");
        }
        return value;
    }

    static <T> T present(T value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " is missing");
        }
        return value;
    }
}
