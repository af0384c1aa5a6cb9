package org.duban.intake.assignment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.duban.contracts.events.AssignmentAccepted;
import org.duban.contracts.events.AssignmentIssued;
import org.duban.contracts.events.DubanEvent;
import org.duban.platform.domain.Caller;
import org.duban.platform.domain.InvalidInput;
import org.duban.platform.domain.StateConflict;

/**
 * A matter sent to a responsible unit (交办 or 转送), from issue to conclusion (SPEC §3). Each change
 * records the event that tells the other services; the repository stores both in one write.
 */
public final class Assignment {

    private final String id;
    private final String caseId;
    private final String unitId;
    private final AssignmentKind kind;
    private final Instant issuedAt;
    private final Instant acceptanceDueAt;
    private final Instant dueAt;
    private final String instructions;
    private final long version;
    private AssignmentStatus status;
    private Instant acceptedAt;
    private Instant noticeSentAt;
    private final List<DubanEvent> recorded = new ArrayList<>();

    private Assignment(String id, String caseId, String unitId, AssignmentKind kind, AssignmentStatus status,
            Instant issuedAt, Instant acceptanceDueAt, Instant dueAt, String instructions, Instant acceptedAt,
            Instant noticeSentAt, long version) {
        this.id = Objects.requireNonNull(id, "id");
        this.caseId = Objects.requireNonNull(caseId, "caseId");
        this.unitId = Objects.requireNonNull(unitId, "unitId");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.status = Objects.requireNonNull(status, "status");
        this.issuedAt = Objects.requireNonNull(issuedAt, "issuedAt");
        this.acceptanceDueAt = Objects.requireNonNull(acceptanceDueAt, "acceptanceDueAt");
        this.dueAt = Objects.requireNonNull(dueAt, "dueAt");
        this.instructions = instructions;
        this.acceptedAt = acceptedAt;
        this.noticeSentAt = noticeSentAt;
        this.version = version;
    }

    /** Issues a new assignment; the deadlines are already decided by office policy or the supervisor. */
    public static Assignment issue(String id, IssuedMatter matter, String unitId, AssignmentKind kind,
            Deadlines deadlines, String instructions, Caller issuer) {
        Assignment assignment = new Assignment(id, matter.caseId(), unitId, kind, AssignmentStatus.ASSIGNED,
                deadlines.issuedAt(), deadlines.acceptanceDueAt(), deadlines.dueAt(), instructions, null, null, 0);
        assignment.recorded.add(new AssignmentIssued(id, matter.caseId(), unitId, kind.name(), matter.category(),
                matter.prominent(), deadlines.issuedAt(), deadlines.acceptanceDueAt(), deadlines.dueAt(),
                issuer.asActor()));
        return assignment;
    }

    /** Rebuilds a stored assignment. */
    public static Assignment restore(String id, String caseId, String unitId, AssignmentKind kind,
            AssignmentStatus status, Instant issuedAt, Instant acceptanceDueAt, Instant dueAt, String instructions,
            Instant acceptedAt, Instant noticeSentAt, long version) {
        return new Assignment(id, caseId, unitId, kind, status, issuedAt, acceptanceDueAt, dueAt, instructions,
                acceptedAt, noticeSentAt, version);
    }

    /**
     * The unit signs for the assignment (签收) and states when it sent the acceptance notice to the
     * petitioner (受理告知). Allowed only while ASSIGNED.
     */
    public void accept(Caller unit, Instant noticeSent, Instant now) {
        requireStatus("accept", AssignmentStatus.ASSIGNED);
        if (noticeSent.isAfter(now)) {
            throw new InvalidInput("noticeSentAt", "cannot lie in the future");
        }
        if (noticeSent.isBefore(issuedAt)) {
            throw new InvalidInput("noticeSentAt", "cannot lie before the assignment was issued");
        }
        status = AssignmentStatus.ACCEPTED;
        acceptedAt = now;
        noticeSentAt = noticeSent;
        recorded.add(new AssignmentAccepted(id, caseId, unitId, now, noticeSent, !now.isAfter(acceptanceDueAt),
                unit.asActor()));
    }

    private void requireStatus(String action, AssignmentStatus allowed) {
        if (status != allowed) {
            throw new StateConflict("assignment", id, status.name(), action);
        }
    }

    /** The events recorded since the assignment was loaded, oldest first. */
    public List<DubanEvent> recordedEvents() {
        return List.copyOf(recorded);
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

    public Instant issuedAt() {
        return issuedAt;
    }

    public Instant acceptanceDueAt() {
        return acceptanceDueAt;
    }

    public Instant dueAt() {
        return dueAt;
    }

    public String instructions() {
        return instructions;
    }

    public Instant acceptedAt() {
        return acceptedAt;
    }

    public Instant noticeSentAt() {
        return noticeSentAt;
    }

    public long version() {
        return version;
    }

    /** The facts of the matter an assignment event carries: no personal data. */
    public record IssuedMatter(String caseId, String category, boolean prominent) {
    }
}
