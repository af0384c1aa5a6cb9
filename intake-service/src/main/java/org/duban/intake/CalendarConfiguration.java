package org.duban.intake;

import java.time.Clock;
import java.time.ZoneId;

import org.duban.intake.calendar.OfficeCalendar;
import org.duban.intake.calendar.files.CalendarYearFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The office calendar, read and checked at start-up from the built-in year files and the office's directory. */
@Configuration(proxyBeanMethods = false)
class CalendarConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CalendarConfiguration.class);

    @Bean
    OfficeCalendar officeCalendar(IntakeProperties properties, Clock clock, ZoneId officeZone) {
        OfficeCalendar calendar = CalendarYearFiles.load(properties.calendarDir());
        int thisYear = clock.instant().atZone(officeZone).getYear();
        for (int year = thisYear; year <= thisYear + 1; year++) {
            if (!calendar.covers(year)) {
                log.warn("The office calendar has no data for {} (it covers {}): working-day deadlines that reach {} "
                        + "will be refused until {}.yaml, copied from the State Council's notice, is put in "
                        + "DUBAN_CALENDAR_DIR", year, calendar.coveredYears(), year, year);
            }
        }
        return calendar;
    }
}
