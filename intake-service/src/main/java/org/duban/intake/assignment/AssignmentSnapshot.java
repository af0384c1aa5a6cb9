package org.duban.intake.assignment;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An assignment's whole state. {@code objection}, {@code finalReport}, {@code reviewReason} (the
 * latest review's), {@code closedAt} (concluded or cancelled) and {@code cancelReason} may be null.
 * {@code provisionalDeadlines} names the deadlines counted through a provisional calendar year.
 */
public record AssignmentSnapshot(String id, String caseId, String unitId, AssignmentKind kind, AssignmentStatus status,
        Instant issuedAt, Instant acceptanceDueAt, Instant objectionDueAt, Instant dueAt, String instructions,
        Instant acceptedAt, Instant noticeSentAt, Objection objection, List<ProgressNote> progress,
        List<Extension> extensions, FinalReport finalReport, int sendBacks, String reviewReason,
        Instant closedAt, String cancelReason, long version, Set<DeadlineKind> provisionalDeadlines) {

    public AssignmentSnapshot {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(unitId, "unitId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(acceptanceDueAt, "acceptanceDueAt");
        Objects.requireNonNull(objectionDueAt, "objectionDueAt");
        Objects.requireNonNull(dueAt, "dueAt");
        progress = progress == null ? List.of() : List.copyOf(progress);
        extensions = extensions == null ? List.of() : List.copyOf(extensions);
        provisionalDeadlines = provisionalDeadlines == null || provisionalDeadlines.isEmpty() ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(provisionalDeadlines));
    }

    /** A state with no provisional deadline. */
    public AssignmentSnapshot(String id, String caseId, String unitId, AssignmentKind kind, AssignmentStatus status,
            Instant issuedAt, Instant acceptanceDueAt, Instant objectionDueAt, Instant dueAt, String instructions,
            Instant acceptedAt, Instant noticeSentAt, Objection objection, List<ProgressNote> progress,
            List<Extension> extensions, FinalReport finalReport, int sendBacks, String reviewReason,
            Instant closedAt, String cancelReason, long version) {
        this(id, caseId, unitId, kind, status, issuedAt, acceptanceDueAt, objectionDueAt, dueAt, instructions,
                acceptedAt, noticeSentAt, objection, progress, extensions, finalReport, sendBacks, reviewReason,
                closedAt, cancelReason, version, Set.of());
    }
}
