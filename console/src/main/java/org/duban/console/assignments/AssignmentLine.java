package org.duban.console.assignments;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;

import org.duban.client.intake.model.Assignment;
import org.duban.client.intake.model.AssignmentStatus;

/**
 * One assignment in the office's list, with the unit's name and the time left where a deadline still runs.
 *
 * @param acceptanceLeft time left to sign for it, while it waits to be signed for (ASSIGNED); else null
 * @param resultLeft     time left to the result deadline while the unit still owes the result (ASSIGNED,
 *                       OBJECTED, ACCEPTED); null once reported, concluded or cancelled
 */
public record AssignmentLine(String id, String caseId, String caseTitle, String kind, String status, String unitId,
        String unitName, OffsetDateTime acceptanceDueAt, OffsetDateTime dueAt, Remaining acceptanceLeft,
        Remaining resultLeft, int sendBacks) {

    static AssignmentLine of(Assignment assignment, Map<String, String> unitNames, Instant now) {
        AssignmentStatus status = assignment.getStatus();
        String unitId = assignment.getUnitId();
        return new AssignmentLine(assignment.getId(), assignment.getCaseId(),
                assignment.getCaseTitle() == null ? assignment.getCaseId() : assignment.getCaseTitle(),
                assignment.getKind().getValue(), status.getValue(), unitId, unitNames.getOrDefault(unitId, unitId),
                assignment.getAcceptanceDueAt(), assignment.getDueAt(),
                status == AssignmentStatus.ASSIGNED ? Remaining.until(assignment.getAcceptanceDueAt(), now) : null,
                AssignmentView.RUNNING.contains(status) ? Remaining.until(assignment.getDueAt(), now) : null,
                assignment.getSendBacks() == null ? 0 : assignment.getSendBacks());
    }
}
