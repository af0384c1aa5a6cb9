package org.duban.supervision.recommendation;

import java.time.Instant;

import org.duban.platform.domain.Page;
import org.duban.platform.domain.PageRequest;
import org.duban.supervision.reminder.RemindableStore;

/** The recommendations, with their pending events in the same document. */
public interface Recommendations extends RemindableStore<Recommendation> {

    /**
     * Newest first.
     *
     * @param unitId        only this unit's, or all when null
     * @param addressedOnly only those addressed to the unit itself (no outside addressee)
     * @param overdueAt     when not null, only those unanswered past their deadline at this instant (true)
     *                      or not (false), as {@code overdue} says
     */
    Page<Recommendation> list(String unitId, boolean addressedOnly, RecommendationKind kind, Boolean overdue,
            Instant overdueAt, PageRequest page);
}
