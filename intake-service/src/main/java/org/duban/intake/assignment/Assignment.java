package org.duban.intake.assignment;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.duban.contracts.events.Actor;
import org.duban.contracts.events.AssignmentAccepted;
import org.duban.contracts.events.AssignmentCancelled;
import org.duban.contracts.events.AssignmentConcluded;
import org.duban.contracts.events.AssignmentDeadlineRecomputed;
import org.duban.contracts.events.AssignmentExtensionDecided;
import org.duban.contracts.events.AssignmentExtensionRequested;
import org.duban.contracts.events.AssignmentFinalReportSubmitted;
import org.duban.contracts.events.AssignmentIssued;
import org.duban.contracts.events.AssignmentObjected;
import org.duban.contracts.events.AssignmentObjectionDecided;
import org.duban.contracts.events.AssignmentProgressReported;
import org.duban.contracts.events.AssignmentReviewed;
import org.duban.contracts.events.DubanEvent;
import org.duban.intake.cases.PetitionCase;
import org.duban.platform.domain.AggregateRoot;
import org.duban.platform.domain.Caller;
import org.duban.platform.domain.Conflict;
import org.duban.platform.domain.InvalidInput;
import org.duban.platform.domain.ReportedTimes;
import org.duban.platform.domain.StateConflict;

/**
 * A matter sent to a responsible unit (交办 or 转送), from issue to conclusion (SPEC §3). Each change
 * records the event that tells the other services; the repository stores both in one write. A
 * transition its state forbids is refused with {@link StateConflict} and changes nothing.
 */
public final class Assignment extends AggregateRoot<DubanEvent> {

    private static final Set<AssignmentStatus> OPEN = EnumSet.of(AssignmentStatus.ASSIGNED,
            AssignmentStatus.OBJECTED, AssignmentStatus.ACCEPTED, AssignmentStatus.REPORTED);
    /** Where a deadline still binds: a reported assignment was already measured against its deadline. */
    private static final Set<AssignmentStatus> RECOUNTED = EnumSet.of(AssignmentStatus.ASSIGNED,
            AssignmentStatus.OBJECTED, AssignmentStatus.ACCEPTED);
    /** The actor of changes intake makes by itself. */
    static final String RECOUNTER = "intake-service";

    private final String id;
    private final String caseId;
    private final String unitId;
    private final AssignmentKind kind;
    private final Instant issuedAt;
    private Instant acceptanceDueAt;
    private Instant objectionDueAt;
    private final String instructions;
    private final long version;
    private AssignmentStatus status;
    private Instant dueAt;
    private Instant acceptedAt;
    private Instant noticeSentAt;
    private Objection objection;
    private final List<ProgressNote> progress;
    private final Extensions extensions;
    private FinalReport finalReport;
    private int sendBacks;
    private String reviewReason;
    private Instant closedAt;
    private String cancelReason;
    private final Set<DeadlineKind> provisionalDeadlines = EnumSet.noneOf(DeadlineKind.class);

    private Assignment(AssignmentSnapshot stored) {
        this.id = stored.id();
        this.caseId = stored.caseId();
        this.unitId = stored.unitId();
        this.kind = stored.kind();
        this.issuedAt = stored.issuedAt();
        this.acceptanceDueAt = stored.acceptanceDueAt();
        this.objectionDueAt = stored.objectionDueAt();
        this.instructions = stored.instructions();
        this.version = stored.version();
        this.status = stored.status();
        this.dueAt = stored.dueAt();
        this.acceptedAt = stored.acceptedAt();
        this.noticeSentAt = stored.noticeSentAt();
        this.objection = stored.objection();
        this.progress = new ArrayList<>(stored.progress());
        this.extensions = new Extensions(stored.extensions());
        this.finalReport = stored.finalReport();
        this.sendBacks = stored.sendBacks();
        this.reviewReason = stored.reviewReason();
        this.closedAt = stored.closedAt();
        this.cancelReason = stored.cancelReason();
        this.provisionalDeadlines.addAll(stored.provisionalDeadlines());
    }

    /** Issues a new assignment; the deadlines are already decided by office policy or the supervisor. */
    public static Assignment issue(String id, IssuedMatter matter, String unitId, AssignmentKind kind,
            Deadlines deadlines, String instructions, Caller issuer) {
        Assignment assignment = new Assignment(AssignmentSnapshot.issued(id, matter.caseId(), unitId, kind, deadlines,
                instructions));
        assignment.record(new AssignmentIssued(id, matter.caseId(), unitId, kind.name(), matter.category(),
                matter.prominent(), deadlines.issuedAt(), deadlines.acceptanceDueAt(), deadlines.dueAt(),
                issuer.asActor(), deadlines.anyProvisional(), names(deadlines.provisional())));
        return assignment;
    }

    /** Rebuilds a stored assignment. */
    public static Assignment restore(AssignmentSnapshot stored) {
        return new Assignment(stored);
    }

    /**
     * The unit signs for the assignment (签收) and states when it sent the acceptance notice to the
     * petitioner (受理告知). Allowed only while ASSIGNED.
     */
    public void accept(Caller unit, Instant noticeSent, Instant now, ReportedTimes times) {
        requireStatus("accept", AssignmentStatus.ASSIGNED);
        requireSinceIssue(times, "noticeSentAt", noticeSent, now);
        status = AssignmentStatus.ACCEPTED;
        acceptedAt = now;
        noticeSentAt = noticeSent;
        record(new AssignmentAccepted(id, caseId, unitId, now, noticeSent, !now.isAfter(acceptanceDueAt),
                unit.asActor()));
    }

    /** {@link #accept(Caller, Instant, Instant, ReportedTimes)} with the default tolerance, times read in UTC. */
    public void accept(Caller unit, Instant noticeSent, Instant now) {
        accept(unit, noticeSent, now, ReportedTimes.withDefaultTolerance());
    }

    /** The unit says the matter is not its own (异议退回), while ASSIGNED and within the objection window. */
    public void object(Caller unit, String reason, Instant now) {
        requireStatus("object", AssignmentStatus.ASSIGNED);
        if (now.isAfter(objectionDueAt)) {
            throw new Conflict("assignment " + id + ": the objection window closed at " + objectionDueAt);
        }
        objection = Objection.raised(reason, now);
        status = AssignmentStatus.OBJECTED;
        record(new AssignmentObjected(id, caseId, unitId, now, unit.asActor()));
    }

    /**
     * A supervisor decides the objection: rejected, the unit must handle the matter (ASSIGNED again);
     * upheld, this assignment is CANCELLED and the matter goes to {@code reassignedAssignmentId}.
     */
    public void decideObjection(Caller supervisor, boolean upheld, String reassignedAssignmentId, Instant now) {
        requireStatus("decide the objection", AssignmentStatus.OBJECTED);
        if (upheld && reassignedAssignmentId == null) {
            throw new InvalidInput("reassignToUnitId", "is required when the objection is upheld");
        }
        String reassigned = upheld ? reassignedAssignmentId : null;
        objection = objection.decided(upheld, reassigned, now);
        status = upheld ? AssignmentStatus.CANCELLED : AssignmentStatus.ASSIGNED;
        closedAt = upheld ? now : null;
        record(new AssignmentObjectionDecided(id, caseId, unitId, upheld, reassigned, now,
                supervisor.asActor()));
    }

    /** The unit reports how the handling goes (办理进展); the assignment stays ACCEPTED. */
    public void reportProgress(Caller unit, String noteId, String note, Instant now) {
        requireStatus("report progress", AssignmentStatus.ACCEPTED);
        progress.add(new ProgressNote(noteId, note, now));
        record(new AssignmentProgressReported(id, caseId, unitId, now, unit.asActor()));
    }

    /**
     * The unit asks to move the result deadline by {@code days}: before the deadline, one request at a
     * time, at most {@value Extension#MAX_TOTAL_DAYS} days approved and pending together [34].
     */
    public void requestExtension(Caller unit, String extensionId, int days, String reason, Instant now) {
        requireStatus("request an extension", AssignmentStatus.ACCEPTED);
        if (!now.isBefore(dueAt)) {
            throw new Conflict("assignment " + id + ": an extension must be asked before the deadline " + dueAt);
        }
        extensions.request(Extension.requested(extensionId, days, reason, now));
        record(new AssignmentExtensionRequested(id, caseId, unitId, extensionId, days, dueAt, now,
                unit.asActor()));
    }

    /** A supervisor decides a pending extension; approved, the result deadline moves by its days. */
    public void decideExtension(Caller supervisor, String extensionId, boolean approved, String note, Instant now) {
        requireStatus("decide an extension", AssignmentStatus.ACCEPTED);
        Extension decided = extensions.decide(extensionId, approved, note, now);
        if (approved) {
            dueAt = dueAt.plus(Duration.ofDays(decided.days()));
        }
        record(new AssignmentExtensionDecided(id, caseId, unitId, extensionId, decided.days(), approved,
                approved ? dueAt : null, decided.note() != null, now, supervisor.asActor()));
    }

    /**
     * The unit submits its final report (办结报告). A 交办 then waits for review (REPORTED); a 转送
     * concludes at once.
     */
    public void submitFinalReport(Caller unit, FinalReport.Outcome outcome, boolean resolved, String summary,
            Instant repliedAt, Instant now, ReportedTimes times) {
        requireStatus("submit a final report", AssignmentStatus.ACCEPTED);
        if (outcome == null) {
            throw new InvalidInput("outcome", "is required");
        }
        requireSinceIssue(times, "repliedAt", repliedAt, now);
        finalReport = new FinalReport(outcome, resolved, summary, repliedAt, now, !now.isAfter(dueAt));
        record(new AssignmentFinalReportSubmitted(id, caseId, unitId, kind.name(), outcome.name(), resolved,
                repliedAt, now, dueAt, finalReport.withinDeadline(), unit.asActor()));
        if (kind == AssignmentKind.TRANSFER) {
            conclude(unit, now);
        } else {
            status = AssignmentStatus.REPORTED;
        }
    }

    /**
     * {@link #submitFinalReport(Caller, FinalReport.Outcome, boolean, String, Instant, Instant, ReportedTimes)}
     * with the default tolerance, times read in UTC.
     */
    public void submitFinalReport(Caller unit, FinalReport.Outcome outcome, boolean resolved, String summary,
            Instant repliedAt, Instant now) {
        submitFinalReport(unit, outcome, resolved, summary, repliedAt, now, ReportedTimes.withDefaultTolerance());
    }

    /**
     * A supervisor reviews the final report: APPROVE concludes the assignment; SEND_BACK (退回重办)
     * reopens it with a new deadline in the future.
     */
    public void review(Caller supervisor, ReviewDecision decision, String reason, Instant newDueAt, Instant now) {
        requireStatus("review", AssignmentStatus.REPORTED);
        if (decision == null) {
            throw new InvalidInput("decision", "is required");
        }
        String checkedReason = Texts.optional("reason", reason, Texts.NOTE);
        if (decision == ReviewDecision.APPROVE) {
            if (newDueAt != null) {
                throw new InvalidInput("newDueAt", "is only for SEND_BACK");
            }
            reviewReason = checkedReason;
            record(new AssignmentReviewed(id, caseId, unitId, decision.name(), null, sendBacks, now,
                    supervisor.asActor()));
            conclude(supervisor, now);
            return;
        }
        if (newDueAt == null || !newDueAt.isAfter(now)) {
            throw new InvalidInput("newDueAt", "a report sent back needs a new deadline in the future");
        }
        reviewReason = checkedReason;
        status = AssignmentStatus.ACCEPTED;
        dueAt = newDueAt;
        provisionalDeadlines.remove(DeadlineKind.RESULT); // the supervisor's own date, counted on no calendar
        sendBacks++;
        record(new AssignmentReviewed(id, caseId, unitId, decision.name(), newDueAt, sendBacks, now,
                supervisor.asActor()));
    }

    /** A supervisor cancels an open assignment (ASSIGNED, OBJECTED, ACCEPTED or REPORTED). */
    public void cancel(Caller supervisor, String reason, Instant now) {
        if (!OPEN.contains(status)) {
            throw new StateConflict("assignment", id, status.name(), "cancel");
        }
        String checkedReason = Texts.required("reason", reason, Texts.NOTE);
        AssignmentStatus previous = status;
        status = AssignmentStatus.CANCELLED;
        closedAt = now;
        cancelReason = checkedReason;
        record(new AssignmentCancelled(id, caseId, unitId, previous.name(), now, supervisor.asActor()));
    }

    private void conclude(Caller actor, Instant now) {
        status = AssignmentStatus.CONCLUDED;
        closedAt = now;
        record(new AssignmentConcluded(id, caseId, unitId, kind.name(), finalReport.resolved(),
                finalReport.withinDeadline(), now, actor.asActor()));
    }

    private void requireStatus(String action, AssignmentStatus allowed) {
        if (status != allowed) {
            throw new StateConflict("assignment", id, status.name(), action);
        }
    }

    /**
     * A time the unit reports must lie between the issue of the assignment and now, as {@code times} judges
     * reported times: with the tolerance for clock skew and at the precision it was given in (SPEC §3).
     */
    private void requireSinceIssue(ReportedTimes times, String field, Instant time, Instant now) {
        times.require(field, time, "the assignment was issued", issuedAt, now);
    }

    /**
     * Counts the provisional deadlines again on {@code policy}'s calendar, which may now hold the official
     * year they were counted through (SPEC §3). Only deadlines that still bind and have not passed are
     * counted again: acceptance and objection while the assignment awaits acceptance (ASSIGNED,
     * OBJECTED), the result deadline while it is open and not reported (ASSIGNED, OBJECTED, ACCEPTED);
     * the others keep their date and their mark. An approved extension keeps its days on the recounted
     * deadline; acceptance never moves past the result deadline. Records
     * {@code duban.assignment.deadline-recomputed.v1} when a date or a mark changed, and nothing otherwise,
     * so counting again on an unchanged calendar is a no-op.
     *
     * @param officialYears the calendar's official years, named in the event
     * @return whether anything changed
     */
    public boolean recountDeadlines(DeadlinePolicy policy, List<Integer> officialYears, Instant now) {
        if (provisionalDeadlines.isEmpty() || !RECOUNTED.contains(status)) {
            return false;
        }
        Deadlines fresh = policy.deadlinesFor(kind, issuedAt, null);
        boolean awaitingAcceptance = status == AssignmentStatus.ASSIGNED || status == AssignmentStatus.OBJECTED;
        Set<DeadlineKind> stillProvisional = EnumSet.copyOf(provisionalDeadlines);
        Instant newDueAt = dueAt;
        if (recounts(DeadlineKind.RESULT, dueAt, now)) {
            newDueAt = fresh.dueAt().plus(Duration.ofDays(extensions.approvedDays()));
            mark(stillProvisional, DeadlineKind.RESULT, fresh.provisional().contains(DeadlineKind.RESULT));
        }
        Instant newAcceptanceDueAt = acceptanceDueAt;
        if (awaitingAcceptance && recounts(DeadlineKind.ACCEPTANCE, acceptanceDueAt, now)) {
            boolean policyFirst = !fresh.acceptanceDueAt().isAfter(newDueAt);
            newAcceptanceDueAt = policyFirst ? fresh.acceptanceDueAt() : newDueAt;
            mark(stillProvisional, DeadlineKind.ACCEPTANCE, policyFirst
                    ? fresh.provisional().contains(DeadlineKind.ACCEPTANCE)
                    : stillProvisional.contains(DeadlineKind.RESULT));
        }
        Instant newObjectionDueAt = objectionDueAt;
        if (awaitingAcceptance && recounts(DeadlineKind.OBJECTION, objectionDueAt, now)) {
            newObjectionDueAt = fresh.objectionDueAt();
            mark(stillProvisional, DeadlineKind.OBJECTION, fresh.provisional().contains(DeadlineKind.OBJECTION));
        }
        if (newDueAt.equals(dueAt) && newAcceptanceDueAt.equals(acceptanceDueAt)
                && newObjectionDueAt.equals(objectionDueAt) && stillProvisional.equals(provisionalDeadlines)) {
            return false;
        }
        record(new AssignmentDeadlineRecomputed(id, caseId, unitId, acceptanceDueAt, newAcceptanceDueAt, dueAt,
                newDueAt, objectionDueAt, newObjectionDueAt, !stillProvisional.isEmpty(), names(stillProvisional),
                List.copyOf(officialYears), now, Actor.system(RECOUNTER)));
        acceptanceDueAt = newAcceptanceDueAt;
        dueAt = newDueAt;
        objectionDueAt = newObjectionDueAt;
        provisionalDeadlines.clear();
        provisionalDeadlines.addAll(stillProvisional);
        return true;
    }

    private boolean recounts(DeadlineKind deadline, Instant at, Instant now) {
        return provisionalDeadlines.contains(deadline) && now.isBefore(at);
    }

    private static void mark(Set<DeadlineKind> marks, DeadlineKind deadline, boolean provisional) {
        if (provisional) {
            marks.add(deadline);
        } else {
            marks.remove(deadline);
        }
    }

    private static List<String> names(Set<DeadlineKind> deadlines) {
        return deadlines.stream().sorted().map(Enum::name).toList();
    }

    /** Everything the assignment holds, as it is stored and shown. */
    public AssignmentSnapshot snapshot() {
        return new AssignmentSnapshot(id, caseId, unitId, kind, status, instructions,
                new AssignmentSnapshot.Schedule(issuedAt, acceptanceDueAt, objectionDueAt, dueAt, provisionalDeadlines),
                new AssignmentSnapshot.Acceptance(acceptedAt, noticeSentAt), objection, progress, extensions.all(),
                finalReport, new AssignmentSnapshot.Review(sendBacks, reviewReason),
                new AssignmentSnapshot.Closing(closedAt, cancelReason), version);
    }

    public String id() {
        return id;
    }

    public String caseId() {
        return caseId;
    }

    public String unitId() {
        return unitId;
    }

    public AssignmentKind kind() {
        return kind;
    }

    public AssignmentStatus status() {
        return status;
    }

    public Instant acceptanceDueAt() {
        return acceptanceDueAt;
    }

    public Instant dueAt() {
        return dueAt;
    }

    public Instant acceptedAt() {
        return acceptedAt;
    }

    @Override
    public long version() {
        return version;
    }

    /** The deadlines counted through a provisional calendar year. */
    public Set<DeadlineKind> provisionalDeadlines() {
        return Set.copyOf(provisionalDeadlines);
    }

    /** The facts of the matter an assignment event carries: no personal data. */
    public record IssuedMatter(String caseId, String category, boolean prominent) {

        /** What the events tell of {@code matter}. */
        public static IssuedMatter of(PetitionCase matter) {
            return new IssuedMatter(matter.id(), matter.details().category().name(), matter.details().prominent());
        }
    }
}
