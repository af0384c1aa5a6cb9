package org.duban.intake;

import java.time.Clock;
import java.time.ZoneId;

import org.duban.intake.assignment.AssignmentService.AssignmentSupport;
import org.duban.intake.assignment.DeadlineRecount;
import org.duban.intake.assignment.mongo.MongoAssignments;
import org.duban.intake.calendar.OfficeCalendar;
import org.duban.intake.calendar.files.CalendarYearFiles;
import org.duban.intake.calendar.statutory.StatutoryHolidays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The office calendar, read and checked at start-up from the built-in year files and the office's
 * directory; a year without a file is computed from the statutory holidays and marked provisional. At
 * start-up, provisional deadlines are counted again on the years read (a year file added since then makes
 * them official).
 */
@Configuration(proxyBeanMethods = false)
class CalendarConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CalendarConfiguration.class);

    @Bean
    OfficeCalendar officeCalendar(IntakeProperties properties, Clock clock, ZoneId officeZone) {
        OfficeCalendar official = CalendarYearFiles.load(properties.calendarDir());
        OfficeCalendar calendar = new OfficeCalendar(official.coveredYears().stream()
                .map(year -> official.year(year).orElseThrow()).toList(), StatutoryHolidays::provisionalYear);
        int thisYear = clock.instant().atZone(officeZone).getYear();
        for (int year = thisYear; year <= thisYear + 1; year++) {
            if (!calendar.covers(year)) {
                log.warn("The office calendar has no official data for {} (it has {}): working days in {} are counted "
                        + "on a provisional year (statutory holidays and weekends, no 调休) and deadlines reaching it "
                        + "are marked provisional until {}.yaml, copied from the State Council's notice, is put in "
                        + "DUBAN_CALENDAR_DIR", year, calendar.coveredYears(), year, year);
            }
        }
        return calendar;
    }

    @Bean
    DeadlineRecount deadlineRecount(MongoAssignments assignments, AssignmentSupport support) {
        return new DeadlineRecount(assignments, assignments, support);
    }

    /** Counts provisional deadlines again on the calendar just read: a new official year moves them. */
    @Bean
    ApplicationRunner provisionalDeadlinesRecount(DeadlineRecount recount, OfficeCalendar calendar) {
        return arguments -> {
            DeadlineRecount.Recount done = recount.recountProvisionalDeadlines();
            if (done.examined() > 0) {
                log.info("Provisional deadlines counted again on the official calendar years {}: {} open assignments "
                        + "with provisional deadlines, {} changed", calendar.coveredYears(), done.examined(),
                        done.changed());
            }
            done.failed().forEach(failure -> log.warn("Provisional deadlines not counted again (next start "
                    + "retries): {}", failure));
        };
    }
}
