package org.duban.supervision.measure;

import java.time.Instant;
import java.util.Optional;

import org.duban.contracts.events.Actor;
import org.duban.contracts.events.DubanEvent;
import org.duban.contracts.events.MeasureIssued;
import org.duban.contracts.events.MeasureRecorded;
import org.duban.contracts.events.MeasureSubmitted;
import org.duban.platform.domain.StateConflict;
import org.duban.supervision.reminder.AlertColour;
import org.duban.supervision.reminder.Deadline;
import org.duban.supervision.reminder.DeadlineKind;
import org.duban.supervision.reminder.Remindable;
import org.duban.supervision.reminder.Reminded;

/**
 * An accountability measure (问责措施) issued to a unit, optionally tied to an assignment or a
 * supervision order. A written self-review or rectification order waits for the unit's submission
 * by {@code dueAt} (reminded like any deadline); an interview is scheduled, then recorded as held
 * with minutes; a notice or listed supervision asks nothing more.
 */
public record Measure(
        String id,
        MeasureKind kind,
        String unitId,
        String assignmentId,
        String caseId,
        String supervisionId,
        String reason,
        MeasureStatus status,
        Instant dueAt,
        Instant scheduledAt,
        Submission submission,
        Held held,
        Instant issuedAt,
        Reminded reminded,
        long version) implements Remindable<Measure> {

    public static final long UNSAVED = -1;
    static final String WHAT = "measure";

    public record Submission(String text, Instant at, boolean late) {
    }

    public record Held(Instant at, String minutes, Instant recordedAt) {
    }

    public record Change(Measure measure, DubanEvent event) {
    }

    public static Change issue(String id, MeasureKind kind, String unitId, String assignmentId, String caseId,
            String supervisionId, String reason, Instant dueAt, Instant scheduledAt, Instant now, Actor actor) {
        MeasureStatus status = kind.asksForSubmission() ? MeasureStatus.AWAITING_SUBMISSION
                : kind.isScheduled() ? MeasureStatus.SCHEDULED : MeasureStatus.ISSUED;
        Measure measure = new Measure(id, kind, unitId, assignmentId, caseId, supervisionId, reason, status, dueAt,
                scheduledAt, null, null, now, null, UNSAVED);
        return new Change(measure, new MeasureIssued(id, kind.name(), unitId, assignmentId, caseId, supervisionId,
                dueAt, scheduledAt, now, actor));
    }

    /** The unit submits its written self-review or rectification report; late when past {@code dueAt}. */
    public Change submit(String text, Instant now, Actor actor) {
        if (status != MeasureStatus.AWAITING_SUBMISSION) {
            throw new StateConflict(WHAT, id, status.name(), "submit");
        }
        boolean late = now.isAfter(dueAt);
        Measure next = new Measure(id, kind, unitId, assignmentId, caseId, supervisionId, reason,
                MeasureStatus.SUBMITTED, dueAt, scheduledAt, new Submission(text, now, late), held, issuedAt, reminded,
                version);
        return new Change(next, new MeasureSubmitted(id, kind.name(), unitId, caseId, late, now, actor));
    }

    /** A supervisor records the interview as held, with minutes. */
    public Change record(Instant heldAt, String minutes, Instant now, Actor actor) {
        if (status != MeasureStatus.SCHEDULED) {
            throw new StateConflict(WHAT, id, status.name(), "record an interview");
        }
        Measure next = new Measure(id, kind, unitId, assignmentId, caseId, supervisionId, reason, MeasureStatus.HELD,
                dueAt, scheduledAt, submission, new Held(heldAt, minutes, now), issuedAt, reminded, version);
        return new Change(next, new MeasureRecorded(id, kind.name(), unitId, caseId, heldAt, now, actor));
    }

    @Override
    public Optional<Deadline> applicableDeadline() {
        return status == MeasureStatus.AWAITING_SUBMISSION
                ? Optional.of(new Deadline(DeadlineKind.SUBMISSION, dueAt)) : Optional.empty();
    }

    public boolean overdue(Instant now) {
        return status == MeasureStatus.AWAITING_SUBMISSION && now.isAfter(dueAt);
    }

    @Override
    public Measure remind(AlertColour colour) {
        return new Measure(id, kind, unitId, assignmentId, caseId, supervisionId, reason, status, dueAt, scheduledAt,
                submission, held, issuedAt, new Reminded(applicableDeadline().orElseThrow(), colour), version);
    }
}
