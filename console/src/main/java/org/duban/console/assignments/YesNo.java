package org.duban.console.assignments;

/** A yes/no radio's value ({@code true}, {@code false}); null when none was chosen, for the platform to refuse. */
final class YesNo {

    private YesNo() {
    }

    static Boolean of(String value) {
        if (value == null) {
            return null;
        }
        return switch (value.strip()) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> null;
        };
    }
}
