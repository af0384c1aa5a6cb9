package org.duban.supervision.recommendation;

import java.time.Instant;
import java.util.List;

import org.duban.platform.domain.Page;
import org.duban.platform.domain.PageRequest;
import org.duban.platform.events.PendingEvent;
import org.duban.supervision.deadline.RemindableSubjects;

/** The recommendations, with their pending events in the same document. */
public interface Recommendations extends RemindableSubjects<Recommendation> {

    boolean insert(Recommendation recommendation, List<PendingEvent> events);

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

    List<Recommendation> ofUnit(String unitId);
}
