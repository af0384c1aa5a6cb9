package org.duban.reporting.projection;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/** The counters per office-local day, unit and category. */
public interface DailyFigures {

    /**
     * Adds the increment unless its contribution was already counted: idempotent by construction, so
     * an event handled again (a crash after the increment and before the event id was recorded) does
     * not count twice.
     *
     * @return whether it was counted now
     */
    boolean add(Increment increment);

    /** The counters summed over the days {@code [from, to)}, for one unit or (empty) all of them. */
    CounterTotals sum(LocalDate from, LocalDate to, Optional<String> unitId);

    /**
     * The counters summed over the days {@code [from, to)} per unit id, category or day
     * ({@code yyyy-MM-dd}); keys nothing was counted for are absent.
     */
    Map<String, CounterTotals> sumBy(LocalDate from, LocalDate to, Dimension dimension);
}
