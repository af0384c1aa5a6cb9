package org.duban.reporting.projection;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One fact adding 1 to one counter of one office-local day and unit.
 *
 * @param day          the office-local day the fact is counted on
 * @param unitId       the responsible unit it is counted for
 * @param counter      the counter it adds to
 * @param contribution what is counted (an assignment id, …): the same contribution to the same
 *                     counter is counted once, however often the event that carries it is handled
 */
public record Increment(LocalDate day, String unitId, Counter counter, String contribution) {

    public Increment {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(unitId, "unitId");
        Objects.requireNonNull(counter, "counter");
        Objects.requireNonNull(contribution, "contribution");
    }

    /** Identifies this contribution among all that the day and unit received, whatever the counter. */
    public String key() {
        return counter.key() + ":" + contribution;
    }
}
