package org.duban.intake.calendar.files;

import java.io.Reader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import org.duban.intake.calendar.CalendarYear;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * One year file: {@code source: <the notice>}, {@code holidays: [...]} and {@code makeUpWorkingDays: [...]},
 * each entry a date {@code 2025-10-01} or an inclusive range {@code 2025-10-01..2025-10-08}.
 */
final class CalendarYearFile {

    private static final Set<String> KEYS = Set.of("source", "holidays", "makeUpWorkingDays");
    private static final String RANGE = "..";

    private CalendarYearFile() {
    }

    /** Reads and checks the file {@code origin} that holds the calendar of {@code year}. */
    static CalendarYear read(String origin, int year, Reader text) {
        Map<?, ?> document = document(origin, text);
        for (Object key : document.keySet()) {
            if (!KEYS.contains(String.valueOf(key))) {
                throw new InvalidCalendarFile(origin, "unknown key '" + key + "' (expected " + KEYS + ")");
            }
        }
        Object source = document.get("source");
        if (!(source instanceof String notice) || notice.isBlank()) {
            throw new InvalidCalendarFile(origin, "'source' must name the notice the dates come from");
        }
        SortedSet<LocalDate> holidays = dates(origin, document, "holidays");
        SortedSet<LocalDate> makeUpWorkingDays = dates(origin, document, "makeUpWorkingDays");
        try {
            return new CalendarYear(year, holidays, makeUpWorkingDays, notice.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidCalendarFile(origin, e.getMessage(), e);
        }
    }

    private static Map<?, ?> document(String origin, Reader text) {
        Object document;
        try {
            document = yaml().load(text);
        } catch (YAMLException e) {
            throw new InvalidCalendarFile(origin, "not readable YAML: " + e.getMessage(), e);
        }
        if (!(document instanceof Map<?, ?> map)) {
            throw new InvalidCalendarFile(origin, "must hold the keys " + KEYS);
        }
        return map;
    }

    /** Plain YAML, duplicate keys refused, dates kept as text (not turned into {@code java.util.Date}). */
    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        SafeConstructor constructor = new SafeConstructor(options) {
            {
                yamlConstructors.put(Tag.TIMESTAMP, new ConstructYamlStr());
            }
        };
        return new Yaml(constructor);
    }

    private static SortedSet<LocalDate> dates(String origin, Map<?, ?> document, String key) {
        if (!document.containsKey(key)) {
            throw new InvalidCalendarFile(origin, "'" + key + "' is missing (write '" + key + ": []' for none)");
        }
        Object entries = document.get(key);
        if (entries == null) {
            entries = List.of();
        }
        if (!(entries instanceof List<?> list)) {
            throw new InvalidCalendarFile(origin, "'" + key + "' must be a list of dates");
        }
        SortedSet<LocalDate> dates = new TreeSet<>();
        for (Object entry : list) {
            for (LocalDate day : expand(origin, key, entry)) {
                if (!dates.add(day)) {
                    throw new InvalidCalendarFile(origin, day + " is listed twice under '" + key + "'");
                }
            }
        }
        return dates;
    }

    private static List<LocalDate> expand(String origin, String key, Object entry) {
        if (!(entry instanceof String text)) {
            throw new InvalidCalendarFile(origin, "'" + entry + "' under '" + key
                    + "' is not a date (YYYY-MM-DD) or a range (YYYY-MM-DD..YYYY-MM-DD)");
        }
        int range = text.indexOf(RANGE);
        LocalDate first = date(origin, key, range < 0 ? text : text.substring(0, range));
        LocalDate last = range < 0 ? first : date(origin, key, text.substring(range + RANGE.length()));
        if (last.isBefore(first)) {
            throw new InvalidCalendarFile(origin, "range " + text + " under '" + key + "' ends before it starts");
        }
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            days.add(day);
        }
        return days;
    }

    private static LocalDate date(String origin, String key, String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidCalendarFile(origin, "'" + text.strip() + "' under '" + key + "' is not a date (YYYY-MM-DD)", e);
        }
    }
}
