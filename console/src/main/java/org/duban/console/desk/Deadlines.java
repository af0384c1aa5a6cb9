package org.duban.console.desk;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import org.duban.console.ConsoleProperties;
import org.springframework.stereotype.Component;

/** Counts the days to a deadline in the office's calendar, from the console's clock. */
@Component
class Deadlines {

    private final Clock clock;
    private final ZoneId zone;

    Deadlines(Clock clock, ConsoleProperties properties) {
        this.clock = clock;
        this.zone = properties.officeZone();
    }

    /** A deadline the platform flags itself ({@code overdue} as it answered; null when it did not say). */
    Deadline of(OffsetDateTime at, boolean running, Boolean overdue) {
        if (at == null) {
            return new Deadline(null, false, 0, false);
        }
        LocalDate today = LocalDate.now(clock.withZone(zone));
        long daysLeft = ChronoUnit.DAYS.between(today, at.atZoneSameInstant(zone).toLocalDate());
        boolean past = overdue != null ? overdue : clock.instant().isAfter(at.toInstant());
        return new Deadline(at, running, daysLeft, running && past);
    }

    /** A deadline the platform does not flag (an assignment's): overdue once it has passed. */
    Deadline of(OffsetDateTime at, boolean running) {
        return of(at, running, null);
    }
}
