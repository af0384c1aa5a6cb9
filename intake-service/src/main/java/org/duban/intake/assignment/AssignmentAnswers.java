package org.duban.intake.assignment;

import java.time.Instant;
import java.util.Optional;

import org.duban.platform.domain.Caller;
import org.duban.platform.domain.Role;

/**
 * What a responsible unit does with its own assignment after signing for it: object, report
 * progress, ask for more time, submit the final report. Another unit's assignment answers 404.
 */
public final class AssignmentAnswers {

    private final AssignmentChanges changes;
    private final AssignmentService.AssignmentSupport support;

    public AssignmentAnswers(Assignments assignments, AssignmentService.AssignmentSupport support) {
        this.changes = new AssignmentChanges(assignments);
        this.support = support;
    }

    /** The matter is not the unit's own (异议退回), within the objection window. */
    public Assignment object(Caller caller, String assignmentId, String reason) {
        caller.require(Role.UNIT);
        return changes.changeOwn(caller, assignmentId, assignment -> assignment.object(caller, reason, now()));
    }

    /** How the handling goes (办理进展). */
    public Assignment reportProgress(Caller caller, String assignmentId, String note, String idempotencyKey) {
        caller.require(Role.UNIT);
        return support.creations().create(caller, "report-progress", idempotencyKey,
                new ProgressReported(assignmentId, note),
                noteId -> changes.changeOwn(caller, assignmentId,
                        assignment -> assignment.reportProgress(caller, noteId, note, now())),
                noteId -> Optional.of(changes.own(caller, assignmentId))
                        .filter(assignment -> assignment.snapshot().progress().stream()
                                .anyMatch(reported -> reported.id().equals(noteId))));
    }

    /** A progress report as the unit made it: what its idempotency key stands for. */
    private record ProgressReported(String assignmentId, String note) {
    }

    /**
     * Asks to move the result deadline by {@code days} (延期); a supervisor decides. A retry with the same
     * idempotency key answers the assignment with the extension the first call asked for, asked once.
     */
    public Assignment requestExtension(Caller caller, String assignmentId, int days, String reason,
            String idempotencyKey) {
        caller.require(Role.UNIT);
        return support.creations().create(caller, "request-extension", idempotencyKey,
                new ExtensionAsked(assignmentId, days, reason),
                extensionId -> changes.changeOwn(caller, assignmentId,
                        assignment -> assignment.requestExtension(caller, extensionId, days, reason, now())),
                extensionId -> Optional.of(changes.own(caller, assignmentId))
                        .filter(assignment -> assignment.snapshot().extensions().stream()
                                .anyMatch(extension -> extension.id().equals(extensionId))));
    }

    /** An extension request as the unit made it: what its idempotency key stands for. */
    private record ExtensionAsked(String assignmentId, int days, String reason) {
    }

    /** The final report (办结报告); a 转送 concludes with it, a 交办 waits for review. */
    public Assignment submitFinalReport(Caller caller, String assignmentId, FinalReport.Outcome outcome,
            boolean resolved, String summary, Instant repliedAt) {
        caller.require(Role.UNIT);
        return changes.changeOwn(caller, assignmentId,
                assignment -> assignment.submitFinalReport(caller, outcome, resolved, summary, repliedAt, now(),
                        support.reportedTimes()));
    }

    private Instant now() {
        return support.clock().instant();
    }
}
