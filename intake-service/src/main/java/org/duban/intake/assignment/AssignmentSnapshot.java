package org.duban.intake.assignment;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An assignment's whole state, its related fields grouped: the deadlines as they stand ({@link Schedule}),
 * the unit's signing for it ({@link Acceptance}), the supervisor's reviews ({@link Review}) and how it
 * closed ({@link Closing}). {@code objection} and {@code finalReport} may be null; a group whose moment has
 * not come holds nulls ({@link Acceptance#NONE}, {@link Review#NONE}, {@link Closing#NONE}). The flat
 * accessors ({@link #dueAt()}, {@link #closedAt()}, …) read through the groups.
 */
public record AssignmentSnapshot(String id, String caseId, String unitId, AssignmentKind kind, AssignmentStatus status,
        String instructions, Schedule schedule, Acceptance acceptance, Objection objection, List<ProgressNote> progress,
        List<Extension> extensions, FinalReport finalReport, Review review, Closing closing, long version) {

    public AssignmentSnapshot {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(unitId, "unitId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(schedule, "schedule");
        acceptance = acceptance == null ? Acceptance.NONE : acceptance;
        progress = progress == null ? List.of() : List.copyOf(progress);
        extensions = extensions == null ? List.of() : List.copyOf(extensions);
        review = review == null ? Review.NONE : review;
        closing = closing == null ? Closing.NONE : closing;
    }

    /** A just issued assignment: ASSIGNED on {@code deadlines}, nothing answered, reviewed or closed yet. */
    public static AssignmentSnapshot issued(String id, String caseId, String unitId, AssignmentKind kind,
            Deadlines deadlines, String instructions) {
        return new AssignmentSnapshot(id, caseId, unitId, kind, AssignmentStatus.ASSIGNED, instructions,
                Schedule.of(deadlines), Acceptance.NONE, null, List.of(), List.of(), null, Review.NONE, Closing.NONE, 0);
    }

    public Instant issuedAt() {
        return schedule.issuedAt();
    }

    public Instant acceptanceDueAt() {
        return schedule.acceptanceDueAt();
    }

    public Instant objectionDueAt() {
        return schedule.objectionDueAt();
    }

    public Instant dueAt() {
        return schedule.dueAt();
    }

    /** The deadlines counted through a provisional calendar year. */
    public Set<DeadlineKind> provisionalDeadlines() {
        return schedule.provisional();
    }

    public Instant acceptedAt() {
        return acceptance.acceptedAt();
    }

    public Instant noticeSentAt() {
        return acceptance.noticeSentAt();
    }

    public int sendBacks() {
        return review.sendBacks();
    }

    /** The latest review's reason, if it gave one. */
    public String reviewReason() {
        return review.reason();
    }

    /** When it concluded or was cancelled. */
    public Instant closedAt() {
        return closing.closedAt();
    }

    public String cancelReason() {
        return closing.cancelReason();
    }

    /**
     * When the assignment was issued and its deadlines as they stand now — moved by approved extensions, a
     * send-back or a recount — with those counted through a provisional calendar year.
     */
    public record Schedule(Instant issuedAt, Instant acceptanceDueAt, Instant objectionDueAt, Instant dueAt,
            Set<DeadlineKind> provisional) {

        public Schedule {
            Objects.requireNonNull(issuedAt, "issuedAt");
            Objects.requireNonNull(acceptanceDueAt, "acceptanceDueAt");
            Objects.requireNonNull(objectionDueAt, "objectionDueAt");
            Objects.requireNonNull(dueAt, "dueAt");
            provisional = provisional == null || provisional.isEmpty() ? Set.of()
                    : Collections.unmodifiableSet(EnumSet.copyOf(provisional));
        }

        /** The deadlines an assignment is issued with. */
        public static Schedule of(Deadlines issued) {
            return new Schedule(issued.issuedAt(), issued.acceptanceDueAt(), issued.objectionDueAt(), issued.dueAt(),
                    issued.provisional());
        }
    }

    /** When the unit signed for the assignment and when it says it sent the acceptance notice (受理告知). */
    public record Acceptance(Instant acceptedAt, Instant noticeSentAt) {

        /** Not signed for (yet). */
        public static final Acceptance NONE = new Acceptance(null, null);
    }

    /** How often a final report was sent back (退回重办), and the latest review's reason. */
    public record Review(int sendBacks, String reason) {

        /** Never reviewed. */
        public static final Review NONE = new Review(0, null);
    }

    /** When the assignment concluded or was cancelled, and why it was cancelled. */
    public record Closing(Instant closedAt, String cancelReason) {

        /** Still open (or reopened by a rejected objection). */
        public static final Closing NONE = new Closing(null, null);
    }
}
