package org.duban.console.desk;

import java.time.Clock;
import java.time.OffsetDateTime;

import org.duban.console.web.Deadlines;
import org.springframework.stereotype.Component;

/** A unit's deadlines as its desk reads them, counted as every page counts them ({@link Deadlines}). */
@Component
class UnitDeadlines {

    private final Clock clock;

    UnitDeadlines(Clock clock) {
        this.clock = clock;
    }

    /** A deadline the platform flags itself ({@code overdue} as it answered; null when it did not say). */
    Deadline of(OffsetDateTime at, boolean running, Boolean overdue) {
        if (at == null) {
            return new Deadline(null, false, 0, false);
        }
        long daysLeft = Deadlines.daysLeft(at, clock.instant());
        boolean past = overdue != null ? overdue : clock.instant().isAfter(at.toInstant());
        return new Deadline(at, running, daysLeft, running && past);
    }

    /** A deadline the platform does not flag (an assignment's): overdue once it has passed. */
    Deadline of(OffsetDateTime at, boolean running) {
        return of(at, running, null);
    }
}
