package org.duban.supervision.measure;

import java.time.Instant;
import java.util.Optional;

import org.duban.contracts.events.Actor;
import org.duban.contracts.events.MeasureIssued;
import org.duban.contracts.events.MeasureRecorded;
import org.duban.contracts.events.MeasureSubmitted;
import org.duban.platform.domain.StateConflict;
import org.duban.supervision.measure.MeasureSnapshot.Concerns;
import org.duban.supervision.measure.MeasureSnapshot.Dates;
import org.duban.supervision.measure.MeasureSnapshot.Held;
import org.duban.supervision.measure.MeasureSnapshot.Submission;
import org.duban.supervision.reminder.Deadline;
import org.duban.supervision.reminder.DeadlineKind;
import org.duban.supervision.reminder.RemindedSubject;

/**
 * An accountability measure (问责措施) issued to a unit, optionally tied to an assignment or a
 * supervision order. A written self-review or rectification order waits for the unit's submission
 * by {@code dueAt} (reminded like any deadline); an interview is scheduled, then recorded as held
 * with minutes; a notice or listed supervision asks nothing more. Each change records the event it causes.
 */
public final class Measure extends RemindedSubject {

    static final String WHAT = "measure";

    private final MeasureKind kind;
    private final Concerns concerns;
    private final String reason;
    private final Dates dates;
    private MeasureStatus status;
    private Submission submission;
    private Held held;

    private Measure(MeasureSnapshot stored) {
        super(stored.id(), stored.version(), stored.reminded());
        this.kind = stored.kind();
        this.concerns = stored.concerns();
        this.reason = stored.reason();
        this.dates = stored.dates();
        this.status = stored.status();
        this.submission = stored.submission();
        this.held = stored.held();
    }

    /** Rebuilds a stored measure. */
    public static Measure restore(MeasureSnapshot stored) {
        return new Measure(stored);
    }

    public MeasureSnapshot snapshot() {
        return new MeasureSnapshot(id(), kind, concerns, reason, status, dates, submission, held, reminded(), version());
    }

    public static Measure issue(String id, MeasureKind kind, Concerns concerns, String reason, Instant dueAt,
            Instant scheduledAt, Instant now, Actor actor) {
        MeasureStatus status = kind.asksForSubmission() ? MeasureStatus.AWAITING_SUBMISSION
                : kind.isScheduled() ? MeasureStatus.SCHEDULED : MeasureStatus.ISSUED;
        Measure measure = new Measure(new MeasureSnapshot(id, kind, concerns, reason, status,
                new Dates(dueAt, scheduledAt, now), null, null, null, UNSAVED));
        measure.record(new MeasureIssued(id, kind.name(), concerns.unitId(), concerns.assignmentId(),
                concerns.caseId(), concerns.supervisionId(), dueAt, scheduledAt, now, actor));
        return measure;
    }

    /** The unit submits its written self-review or rectification report; late when past {@code dueAt}. */
    public void submit(String text, Instant now, Actor actor) {
        if (status != MeasureStatus.AWAITING_SUBMISSION) {
            throw new StateConflict(WHAT, id(), status.name(), "submit");
        }
        boolean late = now.isAfter(dates.dueAt());
        status = MeasureStatus.SUBMITTED;
        submission = new Submission(text, now, late);
        record(new MeasureSubmitted(id(), kind.name(), unitId(), caseId(), late, now, actor));
    }

    /** A supervisor records the interview as held, with minutes. */
    public void record(Instant heldAt, String minutes, Instant now, Actor actor) {
        if (status != MeasureStatus.SCHEDULED) {
            throw new StateConflict(WHAT, id(), status.name(), "record an interview");
        }
        status = MeasureStatus.HELD;
        held = new Held(heldAt, minutes, now);
        record(new MeasureRecorded(id(), kind.name(), unitId(), caseId(), heldAt, now, actor));
    }

    @Override
    public Optional<Deadline> applicableDeadline() {
        return status == MeasureStatus.AWAITING_SUBMISSION
                ? Optional.of(new Deadline(DeadlineKind.SUBMISSION, dates.dueAt())) : Optional.empty();
    }

    public boolean overdue(Instant now) {
        return status == MeasureStatus.AWAITING_SUBMISSION && now.isAfter(dates.dueAt());
    }

    public MeasureKind kind() {
        return kind;
    }

    @Override
    public String unitId() {
        return concerns.unitId();
    }

    @Override
    public String assignmentId() {
        return concerns.assignmentId();
    }

    @Override
    public String caseId() {
        return concerns.caseId();
    }

    public MeasureStatus status() {
        return status;
    }

    public Instant issuedAt() {
        return dates.issuedAt();
    }

    public Submission submission() {
        return submission;
    }

    @Override
    protected String subjectType() {
        return MeasureReminders.SUBJECT_TYPE;
    }
}
