package org.duban.supervision.recommendation;

import java.time.Instant;
import java.util.Optional;

import org.duban.contracts.events.Actor;
import org.duban.contracts.events.DubanEvent;
import org.duban.contracts.events.RecommendationAnswered;
import org.duban.contracts.events.RecommendationIssued;
import org.duban.platform.domain.StateConflict;
import org.duban.supervision.reminder.AlertColour;
import org.duban.supervision.reminder.Deadline;
import org.duban.supervision.reminder.DeadlineKind;
import org.duban.supervision.reminder.Remindable;
import org.duban.supervision.reminder.Reminded;

/**
 * A recommendation (三项建议) to a unit, or to a body outside the platform (the addressee, e.g.
 * 区纪委监委), optionally about an assignment. It waits for a written answer (adopted or not) by
 * {@code feedbackDueAt}; an answer not given by then is flagged overdue and reminded of.
 *
 * @param unitId   the unit it is addressed to (no addressee) or concerns; may be null with an addressee
 * @param addressee a body outside the platform, whose answer a supervisor enters; null for a unit
 * @param answer   null until answered
 */
public record Recommendation(
        String id,
        RecommendationKind kind,
        String unitId,
        String addressee,
        String assignmentId,
        String caseId,
        String text,
        Instant feedbackDueAt,
        Answer answer,
        Instant issuedAt,
        Reminded reminded,
        long version) implements Remindable<Recommendation> {

    public static final long UNSAVED = -1;
    static final String WHAT = "recommendation";

    /** The written answer. */
    public record Answer(boolean adopted, String text, Instant at, boolean late) {
    }

    public record Change(Recommendation recommendation, DubanEvent event) {
    }

    public static Change issue(String id, RecommendationKind kind, String unitId, String addressee, String assignmentId,
            String caseId, String text, Instant feedbackDueAt, Instant now, Actor actor) {
        Recommendation issued = new Recommendation(id, kind, unitId, addressee, assignmentId, caseId, text,
                feedbackDueAt, null, now, null, UNSAVED);
        return new Change(issued, new RecommendationIssued(id, kind.name(), unitId, addressee, assignmentId, caseId,
                feedbackDueAt, now, actor));
    }

    public Change answer(boolean adopted, String answerText, Instant now, Actor actor) {
        if (answered()) {
            throw new StateConflict(WHAT, id, "ANSWERED", "answer again");
        }
        boolean late = now.isAfter(feedbackDueAt);
        Recommendation next = new Recommendation(id, kind, unitId, addressee, assignmentId, caseId, text, feedbackDueAt,
                new Answer(adopted, answerText, now, late), issuedAt, reminded, version);
        return new Change(next, new RecommendationAnswered(id, kind.name(), unitId, caseId, adopted, late, now, actor));
    }

    /** Whether the unit itself answers (addressed to it); otherwise a supervisor enters the addressee's answer. */
    public boolean answeredByUnit() {
        return addressee == null && unitId != null;
    }

    public boolean answered() {
        return answer != null;
    }

    /** Not answered and past its answer deadline: flagged. */
    public boolean overdue(Instant now) {
        return !answered() && now.isAfter(feedbackDueAt);
    }

    @Override
    public Optional<Deadline> applicableDeadline() {
        return answered() ? Optional.empty() : Optional.of(new Deadline(DeadlineKind.FEEDBACK, feedbackDueAt));
    }

    @Override
    public Recommendation remind(AlertColour colour) {
        return new Recommendation(id, kind, unitId, addressee, assignmentId, caseId, text, feedbackDueAt, answer,
                issuedAt, new Reminded(applicableDeadline().orElseThrow(), colour), version);
    }

    public boolean isNew() {
        return version == UNSAVED;
    }
}
