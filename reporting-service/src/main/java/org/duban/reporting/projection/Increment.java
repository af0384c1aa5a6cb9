package org.duban.reporting.projection;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One fact adding 1 to one counter of one office-local day, unit and category.
 *
 * @param day          the office-local day the fact is counted on
 * @param unitId       the responsible unit it is counted for ({@link #NO_UNIT} when it names none)
 * @param category     the matter's category ({@link #NO_CATEGORY} for facts whose event carries none)
 * @param counter      the counter it adds to
 * @param contribution what is counted (an assignment id, …): the same contribution to the same
 *                     counter is counted once, however often the event that carries it is handled
 */
public record Increment(LocalDate day, String unitId, String category, Counter counter, String contribution) {

    /** The unit of a fact that names none (a recommendation to the district government, …). */
    public static final String NO_UNIT = "-";

    /** The category of a fact whose event does not carry the matter's category. */
    public static final String NO_CATEGORY = "-";

    public Increment {
        Objects.requireNonNull(day, "day");
        unitId = unitId == null ? NO_UNIT : unitId;
        category = category == null ? NO_CATEGORY : category;
        Objects.requireNonNull(counter, "counter");
        Objects.requireNonNull(contribution, "contribution");
    }

    /** A fact without a category. */
    public Increment(LocalDate day, String unitId, Counter counter, String contribution) {
        this(day, unitId, NO_CATEGORY, counter, contribution);
    }

    /** Identifies this contribution among all that the day, unit and category received. */
    public String key() {
        return counter.key() + ":" + contribution;
    }
}
