package org.duban.supervision.reminder;

import org.duban.platform.domain.Page;
import org.duban.platform.domain.PageRequest;

/**
 * The board's view of one kind of subject other than assignments (orders, recommendations,
 * measures): those whose deadline applies now, selected by unit and a range of deadlines (the
 * colour) and paged by the store, most urgent first.
 */
public interface WatchedSubjects {

    AlertKind kind();

    /**
     * @param unitId  only this unit's, or every unit's when null
     * @param forUnit the caller is that unit: only what the unit itself owes (a recommendation to an
     *                outside addressee about the unit is not the unit's to see)
     */
    Page<Watched> open(String unitId, boolean forUnit, DeadlineRange deadlines, PageRequest page);

    /** How many {@link #open} would select in all: counted by the store, nothing loaded. */
    long count(String unitId, boolean forUnit, DeadlineRange deadlines);
}
