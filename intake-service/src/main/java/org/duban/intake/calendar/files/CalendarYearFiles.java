package org.duban.intake.calendar.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.duban.intake.calendar.CalendarYear;
import org.duban.intake.calendar.OfficeCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The office calendar from year files ({@code 2026.yaml}): the built-in ones under {@code calendar/} on
 * the classpath, each replaced by a file of the same year in the office's own directory, which may also
 * add years. Every file is checked as it is read; a bad one stops start-up with its name and the date.
 */
public final class CalendarYearFiles {

    static final String BUILT_IN = "classpath:calendar/*.yaml";
    private static final Pattern YEAR_FILE = Pattern.compile("(\\d{4})\\.ya?ml");
    private static final Logger log = LoggerFactory.getLogger(CalendarYearFiles.class);

    private CalendarYearFiles() {
    }

    /** The built-in years, replaced or added to by the files in {@code officeDirectory} (none when blank). */
    public static OfficeCalendar load(String officeDirectory) {
        Map<Integer, CalendarYear> years = new TreeMap<>();
        readBuiltIn(years);
        if (officeDirectory != null && !officeDirectory.isBlank()) {
            readDirectory(Path.of(officeDirectory.strip()), years);
        }
        return new OfficeCalendar(years.values());
    }

    private static void readBuiltIn(Map<Integer, CalendarYear> years) {
        Resource[] resources;
        try {
            resources = new PathMatchingResourcePatternResolver(CalendarYearFiles.class.getClassLoader())
                    .getResources(BUILT_IN);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the built-in calendar files " + BUILT_IN, e);
        }
        for (Resource resource : resources) {
            String origin = "classpath:calendar/" + resource.getFilename();
            int year = yearOf(origin, resource.getFilename());
            try (InputStream in = resource.getInputStream()) {
                years.put(year, read(origin, year, in));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + origin, e);
            }
            log.info("Office calendar {} from {}: {}", year, origin, years.get(year).source());
        }
    }

    private static void readDirectory(Path directory, Map<Integer, CalendarYear> years) {
        if (!Files.isDirectory(directory)) {
            throw new InvalidCalendarFile(directory.toString(),
                    "the office calendar directory (duban.intake.calendar-dir, DUBAN_CALENDAR_DIR) is not a directory");
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(directory)) {
            files = listing.filter(file -> file.getFileName().toString().matches(".*\\.ya?ml"))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the office calendar directory " + directory, e);
        }
        Map<Integer, Path> seen = new TreeMap<>();
        for (Path file : files) {
            String origin = file.toString();
            int year = yearOf(origin, file.getFileName().toString());
            Path other = seen.put(year, file);
            if (other != null) {
                throw new InvalidCalendarFile(origin, "a second file for " + year + " beside " + other);
            }
            CalendarYear data;
            try (InputStream in = Files.newInputStream(file)) {
                data = read(origin, year, in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + origin, e);
            }
            boolean replaces = years.put(year, data) != null;
            log.info("Office calendar {} from {}{}: {}", year, origin, replaces ? " (replaces the built-in one)" : "",
                    data.source());
        }
    }

    private static CalendarYear read(String origin, int year, InputStream in) {
        Reader text = new InputStreamReader(in, StandardCharsets.UTF_8);
        return CalendarYearFile.read(origin, year, text);
    }

    private static int yearOf(String origin, String fileName) {
        Matcher name = YEAR_FILE.matcher(fileName == null ? "" : fileName);
        if (!name.matches()) {
            throw new InvalidCalendarFile(origin, "the name must be the year it holds, like 2027.yaml");
        }
        return Integer.parseInt(name.group(1));
    }
}
