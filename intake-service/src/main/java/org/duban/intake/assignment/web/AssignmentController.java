package org.duban.intake.assignment.web;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.duban.intake.api.AssignmentsApi;
import org.duban.intake.api.model.AcceptAssignmentRequest;
import org.duban.intake.api.model.AssignmentPage;
import org.duban.intake.api.model.IssueAssignmentRequest;
import org.duban.intake.api.model.PageInfo;
import org.duban.intake.assignment.Assignment;
import org.duban.intake.assignment.AssignmentKind;
import org.duban.intake.assignment.AssignmentService;
import org.duban.intake.assignment.AssignmentSnapshot;
import org.duban.intake.assignment.AssignmentStatus;
import org.duban.intake.assignment.IssueAssignment;
import org.duban.platform.domain.Page;
import org.duban.platform.domain.PageRequest;
import org.duban.platform.web.CurrentCaller;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AssignmentController implements AssignmentsApi {

    private final AssignmentService assignments;
    private final CurrentCaller caller;

    AssignmentController(AssignmentService assignments, CurrentCaller caller) {
        this.assignments = assignments;
        this.caller = caller;
    }

    @Override
    public ResponseEntity<org.duban.intake.api.model.Assignment> issueAssignment(String caseId,
            IssueAssignmentRequest request, String idempotencyKey) {
        Assignment issued = assignments.issue(caller.get(), new IssueAssignment(caseId, request.getUnitId(),
                AssignmentKind.valueOf(request.getKind().getValue()), instant(request.getDueAt()),
                request.getInstructions()), idempotencyKey);
        return ResponseEntity.created(URI.create("/api/v1/assignments/" + issued.id())).body(view(issued));
    }

    @Override
    public ResponseEntity<org.duban.intake.api.model.Assignment> acceptAssignment(String assignmentId,
            AcceptAssignmentRequest request) {
        return ResponseEntity.ok(view(assignments.accept(caller.get(), assignmentId,
                instant(request.getNoticeSentAt()))));
    }

    @Override
    public ResponseEntity<org.duban.intake.api.model.Assignment> getAssignment(String assignmentId) {
        return ResponseEntity.ok(view(assignments.get(caller.get(), assignmentId)));
    }

    @Override
    public ResponseEntity<AssignmentPage> listAssignments(org.duban.intake.api.model.AssignmentStatus status,
            String unitId, Integer page, Integer size) {
        Page<Assignment> found = assignments.list(caller.get(),
                status == null ? null : AssignmentStatus.valueOf(status.getValue()), unitId,
                PageRequest.of(page, size));
        return ResponseEntity.ok(new AssignmentPage(
                found.items().stream().map(AssignmentController::view).toList(),
                new PageInfo(found.request().page(), found.request().size(), found.totalElements(),
                        found.totalPages())));
    }

    static org.duban.intake.api.model.Assignment view(Assignment assignment) {
        AssignmentSnapshot state = assignment.snapshot();
        return new org.duban.intake.api.model.Assignment(state.id(), state.caseId(), state.unitId(),
                org.duban.intake.api.model.AssignmentKind.fromValue(state.kind().name()),
                org.duban.intake.api.model.AssignmentStatus.fromValue(state.status().name()),
                offset(state.issuedAt()), offset(state.acceptanceDueAt()), offset(state.dueAt()))
                .instructions(state.instructions())
                .acceptedAt(offset(state.acceptedAt()))
                .noticeSentAt(offset(state.noticeSentAt()));
    }

    private static OffsetDateTime offset(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
