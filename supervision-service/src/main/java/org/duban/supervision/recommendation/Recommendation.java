package org.duban.supervision.recommendation;

import java.time.Instant;
import java.util.Optional;

import org.duban.contracts.events.Actor;
import org.duban.contracts.events.RecommendationAnswered;
import org.duban.contracts.events.RecommendationIssued;
import org.duban.platform.domain.StateConflict;
import org.duban.supervision.recommendation.RecommendationSnapshot.Addressing;
import org.duban.supervision.recommendation.RecommendationSnapshot.Answer;
import org.duban.supervision.reminder.Deadline;
import org.duban.supervision.reminder.DeadlineKind;
import org.duban.supervision.reminder.RemindedSubject;

/**
 * A recommendation (三项建议) to a unit, or to a body outside the platform (the addressee, e.g.
 * 区纪委监委), optionally about an assignment. It waits for a written answer (adopted or not) by
 * {@code feedbackDueAt}; an answer not given by then is flagged overdue and reminded of. Each change
 * records the event it causes.
 */
public final class Recommendation extends RemindedSubject {

    static final String WHAT = "recommendation";

    private final RecommendationKind kind;
    private final Addressing addressing;
    private final String text;
    private final Instant feedbackDueAt;
    private final Instant issuedAt;
    private Answer answer;

    private Recommendation(RecommendationSnapshot stored) {
        super(stored.id(), stored.version(), stored.reminded());
        this.kind = stored.kind();
        this.addressing = stored.addressing();
        this.text = stored.text();
        this.feedbackDueAt = stored.feedbackDueAt();
        this.issuedAt = stored.issuedAt();
        this.answer = stored.answer();
    }

    /** Rebuilds a stored recommendation. */
    public static Recommendation restore(RecommendationSnapshot stored) {
        return new Recommendation(stored);
    }

    public RecommendationSnapshot snapshot() {
        return new RecommendationSnapshot(id(), kind, addressing, text, feedbackDueAt, answer, issuedAt, reminded(),
                version());
    }

    public static Recommendation issue(String id, RecommendationKind kind, Addressing addressing, String text,
            Instant feedbackDueAt, Instant now, Actor actor) {
        Recommendation issued = new Recommendation(new RecommendationSnapshot(id, kind, addressing, text,
                feedbackDueAt, null, now, null, UNSAVED));
        issued.record(new RecommendationIssued(id, kind.name(), addressing.unitId(), addressing.addressee(),
                addressing.assignmentId(), addressing.caseId(), feedbackDueAt, now, actor));
        return issued;
    }

    public void answer(boolean adopted, String answerText, Instant now, Actor actor) {
        if (answered()) {
            throw new StateConflict(WHAT, id(), "ANSWERED", "answer again");
        }
        boolean late = now.isAfter(feedbackDueAt);
        answer = new Answer(adopted, answerText, now, late);
        record(new RecommendationAnswered(id(), kind.name(), unitId(), caseId(), adopted, late, now, actor));
    }

    /** Whether the unit itself answers (addressed to it); otherwise a supervisor enters the addressee's answer. */
    public boolean answeredByUnit() {
        return addressing.addressee() == null && unitId() != null;
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
    public String unitId() {
        return addressing.unitId();
    }

    @Override
    public String assignmentId() {
        return addressing.assignmentId();
    }

    @Override
    public String caseId() {
        return addressing.caseId();
    }

    /** Since when the board watches it. */
    public Instant issuedAt() {
        return issuedAt;
    }

    @Override
    protected String subjectType() {
        return RecommendationReminders.SUBJECT_TYPE;
    }
}
