package org.duban.intake.assignment.web;

import static org.duban.intake.assignment.web.AssignmentViews.instant;
import static org.duban.intake.assignment.web.AssignmentViews.view;
import static org.duban.intake.web.ApiViews.pageInfo;

import java.net.URI;

import org.duban.intake.api.AssignmentsApi;
import org.duban.intake.api.model.AcceptAssignmentRequest;
import org.duban.intake.api.model.AssignmentPage;
import org.duban.intake.api.model.CancelRequest;
import org.duban.intake.api.model.ExtensionDecisionRequest;
import org.duban.intake.api.model.ExtensionRequest;
import org.duban.intake.api.model.FinalReportRequest;
import org.duban.intake.api.model.IssueAssignmentRequest;
import org.duban.intake.api.model.ObjectionDecisionRequest;
import org.duban.intake.api.model.ObjectionRequest;
import org.duban.intake.api.model.ProgressRequest;
import org.duban.intake.api.model.ReviewRequest;
import org.duban.intake.assignment.Assignment;
import org.duban.intake.assignment.AssignmentAnswers;
import org.duban.intake.assignment.AssignmentFilter;
import org.duban.intake.assignment.AssignmentKind;
import org.duban.intake.assignment.AssignmentReviews;
import org.duban.intake.assignment.AssignmentService;
import org.duban.intake.assignment.AssignmentStatus;
import org.duban.intake.assignment.FinalReport;
import org.duban.intake.assignment.IssueAssignment;
import org.duban.intake.assignment.ReviewDecision;
import org.duban.intake.assignment.TitledAssignment;
import org.duban.platform.domain.Page;
import org.duban.platform.domain.PageRequest;
import org.duban.platform.web.CurrentCaller;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AssignmentController implements AssignmentsApi {

    private final AssignmentService assignments;
    private final AssignmentAnswers answers;
    private final AssignmentReviews reviews;
    private final CurrentCaller caller;

    AssignmentController(AssignmentService assignments, AssignmentAnswers answers, AssignmentReviews reviews,
            CurrentCaller caller) {
        this.assignments = assignments;
        this.answers = answers;
        this.reviews = reviews;
        this.caller = caller;
    }

    @Override
    public ResponseEntity<org.duban.intake.api.model.Assignment> issueAssignment(String caseId,
            IssueAssignmentRequest request, String idempotencyKey) {
        TitledAssignment issued = assignments.issue(caller.get(), new IssueAssignment(caseId, request.getUnitId(),
                AssignmentKind.valueOf(request.getKind().getValue()), instant(request.getDueAt()),
                request.getInstructions()), idempotencyKey);
        return ResponseEntity.created(URI.create("/api/v1/assignments/" + issued.assignment().id()))
                .body(view(issued));
    }

    @Override
    public ResponseEntity<org.duban.intake.api.model.Assignment> acceptAssignment(String assignmentId,
            AcceptAssignmentRequest request) {
        return ResponseEntity.ok(answer(assignments.accept(caller.get(), assignmentId,
                instant(request.getNoticeSentAt()))));
    }

    @Override
    public ResponseEntity<org.duban.intake.api.model.Assignment> objectToAssignment(String assignmentId,
            ObjectionRequest request) {
        return ResponseEntity.ok(answer(answers.object(caller.get(), assignmentId, request.getReason())));
    }

    @Override
    public ResponseEntity<org.duban.intake.api.model.Assignment> decideObjection(String assignmentId,
            ObjectionDecisionRequest request) {
        return ResponseEntity.ok(answer(reviews.decideObjection(caller.get(), assignmentId, request.getUpheld(),
                request.getReassignToUnitId())));
    }

    @Override
    public ResponseEntity<org.duban.intake.api.model.Assignment> reportProgress(String assignmentId,
            ProgressRequest request, String idempotencyKey) {
        return ResponseEntity.ok(answer(answers.reportProgress(caller.get(), assignmentId, request.getNote(),
                idempotencyKey)));
    }

    @Override
    public ResponseEntity<org.duban.intake.api.model.Assignment> requestExtension(String assignmentId,
            ExtensionRequest request, String idempotencyKey) {
        return ResponseEntity.ok(answer(answers.requestExtension(caller.get(), assignmentId, request.getDays(),
                request.getReason(), idempotencyKey)));
    }

    @Override
    public ResponseEntity<org.duban.intake.api.model.Assignment> decideExtension(String assignmentId,
            String extensionId, ExtensionDecisionRequest request) {
        return ResponseEntity.ok(answer(reviews.decideExtension(caller.get(), assignmentId, extensionId,
                request.getApproved(), request.getNote())));
    }

    @Override
    public ResponseEntity<org.duban.intake.api.model.Assignment> submitFinalReport(String assignmentId,
            FinalReportRequest request) {
        return ResponseEntity.ok(answer(answers.submitFinalReport(caller.get(), assignmentId,
                FinalReport.Outcome.valueOf(request.getOutcome().getValue()), request.getResolved(),
                request.getSummary(), instant(request.getRepliedAt()))));
    }

    @Override
    public ResponseEntity<org.duban.intake.api.model.Assignment> reviewAssignment(String assignmentId,
            ReviewRequest request) {
        return ResponseEntity.ok(answer(reviews.review(caller.get(), assignmentId,
                ReviewDecision.valueOf(request.getDecision().getValue()), request.getReason(),
                instant(request.getNewDueAt()))));
    }

    @Override
    public ResponseEntity<org.duban.intake.api.model.Assignment> cancelAssignment(String assignmentId,
            CancelRequest request) {
        return ResponseEntity.ok(answer(reviews.cancel(caller.get(), assignmentId, request.getReason())));
    }

    @Override
    public ResponseEntity<org.duban.intake.api.model.Assignment> getAssignment(String assignmentId) {
        return ResponseEntity.ok(view(assignments.get(caller.get(), assignmentId)));
    }

    @Override
    public ResponseEntity<AssignmentPage> listAssignments(org.duban.intake.api.model.AssignmentStatus status,
            String unitId, String caseId, Boolean pendingExtension, Integer page, Integer size) {
        Page<TitledAssignment> found = assignments.list(caller.get(), new AssignmentFilter(
                status == null ? null : AssignmentStatus.valueOf(status.getValue()), unitId, caseId, pendingExtension),
                PageRequest.of(page, size));
        return ResponseEntity.ok(new AssignmentPage(
                found.items().stream().map(AssignmentViews::view).toList(),
                pageInfo(found)));
    }

    /** A use case's assignment as answered: with its matter's title. */
    private org.duban.intake.api.model.Assignment answer(Assignment assignment) {
        return view(assignments.titled(assignment));
    }
}
