package org.duban.system;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.duban.client.ApiClient;
import org.duban.client.DubanApiClient;
import org.duban.client.api.AssignmentsApi;
import org.duban.client.model.AcceptAssignmentRequest;
import org.duban.client.model.Assignment;
import org.duban.client.model.AssignmentStatus;
import org.duban.client.model.FinalReportOutcome;
import org.duban.client.model.FinalReportRequest;
import org.duban.client.model.ProgressRequest;

/**
 * How a responsible unit's own system works with Duban through the client — the calls of the README's
 * client guide (whose example the client's own tests run against a stand-in gateway), run for real by
 * {@link PlatformIT}.
 */
final class ResponsibleUnitIntegration {

    private final AssignmentsApi assignments;

    /** {@code gatewayUrl} e.g. https://duban.example.gov.cn; {@code token} the unit's JWT (role UNIT). */
    ResponsibleUnitIntegration(String gatewayUrl, String token) {
        ApiClient client = new DubanApiClient(gatewayUrl).setBearerToken(token).setRetries(2);
        this.assignments = new AssignmentsApi(client);
    }

    /** Polls for new assignments and signs for each (签收), saying when the petitioner was told (受理告知). */
    List<Assignment> acceptNewAssignments(OffsetDateTime noticeSentAt) {
        List<Assignment> accepted = new ArrayList<>();
        for (Assignment assignment : assignments.listAssignments(AssignmentStatus.ASSIGNED, null, null, null, 0, 50).getItems()) {
            accepted.add(assignments.acceptAssignment(assignment.getId(),
                    new AcceptAssignmentRequest().noticeSentAt(noticeSentAt)));
        }
        return accepted;
    }

    /** Reports how the handling goes (办理进展). */
    Assignment reportProgress(String assignmentId, String note) {
        return assignments.reportProgress(assignmentId, new ProgressRequest().note(note), null);
    }

    /** Submits the final report (办结报告): the outcome by 三到位一处理 and whether the matter is resolved. */
    Assignment submitFinalReport(String assignmentId, String summary, OffsetDateTime repliedAt) {
        return assignments.submitFinalReport(assignmentId, new FinalReportRequest()
                .outcome(FinalReportOutcome.SOLVED).resolved(true).summary(summary).repliedAt(repliedAt));
    }
}
