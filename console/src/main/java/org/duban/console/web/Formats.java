package org.duban.console.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.duban.console.ConsoleProperties;
import org.springframework.stereotype.Component;

/**
 * Times as the office reads them: in its own time zone, to the minute. Templates call it as
 * {@code @formats}; the {@code input*} methods give the values HTML date inputs take.
 */
@Component("formats")
public class Formats {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter INPUT_DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private final ZoneId zone;
    private final Clock clock;

    Formats(ConsoleProperties properties, Clock clock) {
        this.zone = properties.officeZone();
        this.clock = clock;
    }

    public String dateTime(OffsetDateTime at) {
        return at == null ? "" : at.atZoneSameInstant(zone).format(DATE_TIME);
    }

    public String date(OffsetDateTime at) {
        return at == null ? "" : at.atZoneSameInstant(zone).format(DATE);
    }

    public String date(LocalDate day) {
        return day == null ? "" : day.format(DATE);
    }

    /** The value of a {@code datetime-local} input for a time. */
    public String inputDateTime(OffsetDateTime at) {
        return at == null ? "" : at.atZoneSameInstant(zone).format(INPUT_DATE_TIME);
    }

    /** The current minute, for a {@code datetime-local} input that defaults to now. */
    public String inputNow() {
        return OffsetDateTime.now(clock).atZoneSameInstant(zone).format(INPUT_DATE_TIME);
    }

    /** Today in the office, as a {@code date} input takes it. */
    public String inputToday() {
        return LocalDate.now(clock.withZone(zone)).format(DATE);
    }

    /** A day {@code days} from today in the office, as a {@code date} input takes it. */
    public String inputDaysFromToday(int days) {
        return LocalDate.now(clock.withZone(zone)).plusDays(days).format(DATE);
    }

    /** A rate as the office writes it: two decimals. */
    public String percent(Double percent) {
        return percent == null ? "" : String.format("%.2f%%", percent);
    }
}
