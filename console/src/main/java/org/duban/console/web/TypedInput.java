package org.duban.console.web;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.duban.console.platform.Attempt;
import org.duban.console.platform.PlatformProblem;

/**
 * Reads what a form's fields hold (always text, so that nothing typed is ever lost to a binding error)
 * into the types the API takes, in the office's time zone. A value that does not parse is noted under the
 * API's field name, in the API's own words, so that the page shows it like any refusal of the platform.
 * Nothing here judges the value: the platform decides what is allowed.
 */
public final class TypedInput {

    /** The API's wording for a value that does not parse (shown in Chinese by {@link ProblemTexts}). */
    static final String MALFORMED = "has an invalid value";

    private final ZoneId zone;
    private final Map<String, String> errors = new LinkedHashMap<>();

    public TypedInput(ZoneId zone) {
        this.zone = zone;
    }

    /** A {@code datetime-local} value ({@code 2026-12-03T14:30}) in office time; null when blank. */
    public OffsetDateTime dateTime(String field, String value) {
        if (blank(value)) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.strip()).atZone(zone).toOffsetDateTime();
        } catch (DateTimeParseException e) {
            return malformed(field);
        }
    }

    /**
     * A deadline typed as a day ({@code 2026-12-20}): the end of that day in office time, as offices
     * count deadlines ("12月20日前"); null when blank.
     */
    public OffsetDateTime endOfDay(String field, String value) {
        LocalDate day = date(field, value);
        return day == null ? null : day.atTime(LocalTime.of(23, 59, 59)).atZone(zone).toOffsetDateTime();
    }

    /** A {@code date} value; null when blank. */
    public LocalDate date(String field, String value) {
        if (blank(value)) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            return malformed(field);
        }
    }

    /** A whole number; null when blank. */
    public Integer integer(String field, String value) {
        if (blank(value)) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return malformed(field);
        }
    }

    /** Text as typed, or null when blank (the API's optional fields are absent, not empty). */
    public static String text(String value) {
        return blank(value) ? null : value.strip();
    }

    /** One of an enum's constants by name (a select's value); null when blank. */
    public <E extends Enum<E>> E choice(String field, String value, Class<E> type) {
        if (blank(value)) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            return malformed(field);
        }
    }

    /** A filter's enum constant by name; null when blank or not one of them (a list then shows all). */
    public static <E extends Enum<E>> E option(String value, Class<E> type) {
        if (blank(value)) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value.strip())) {
                return constant;
            }
        }
        return null;
    }

    public boolean valid() {
        return errors.isEmpty();
    }

    /**
     * The call the form asks for, made only when everything typed was read: otherwise the console refuses
     * it itself, with what did not parse, and the platform is not asked.
     */
    public <T> Attempt<T> attempt(Supplier<T> call) {
        return valid() ? Attempt.of(call) : Attempt.refused(problem());
    }

    /** What did not parse, as a problem the page shows like the platform's. */
    public PlatformProblem problem() {
        return PlatformProblem.invalid(errors);
    }

    private <T> T malformed(String field) {
        errors.put(field, MALFORMED);
        return null;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
