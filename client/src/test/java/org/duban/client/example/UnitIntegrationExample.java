package org.duban.client.example;

import java.time.OffsetDateTime;

import org.duban.client.ApiClient;
import org.duban.client.ApiException;
import org.duban.client.DubanApiClient;
import org.duban.client.api.AssignmentsApi;
import org.duban.client.api.InboxApi;
import org.duban.client.model.AcceptAssignmentRequest;
import org.duban.client.model.FinalReportOutcome;
import org.duban.client.model.FinalReportRequest;
import org.duban.client.model.InboxMessage;
import org.duban.client.model.Problem;
import org.duban.client.model.ProgressRequest;

/**
 * The README's guide "For responsible units: the Java client" as code: the README shows the lines between the
 * markers verbatim, {@code UnitIntegrationExampleTest} runs them against a fake gateway and compiles this file with
 * {@code --release 11}, so the guide cannot silently rot. Java 11 only here: no records, text blocks or switch
 * expressions.
 */
public final class UnitIntegrationExample {

    private UnitIntegrationExample() {
    }

    /** A unit's day: takes on what is new in its inbox, reports progress on one assignment, then its final report. */
    public static void handle(String gatewayUrl, String unitToken, String assignmentId, String noteId) {
        // README:begin
        ApiClient client = new DubanApiClient(gatewayUrl)   // the gateway, e.g. https://duban.example.gov.cn
                .setBearerToken(unitToken)                  // role UNIT, claim unitId (or a Supplier that renews it)
                .setRetries(2);                             // reads and calls with an Idempotency-Key, when worth it
        InboxApi inbox = new InboxApi(client);
        AssignmentsApi assignments = new AssignmentsApi(client);

        // what is new: the unread messages, one of them per new assignment (交办/转送)
        for (InboxMessage message : inbox.listInbox(true, 0, 50).getItems()) {
            if ("duban.assignment.issued.v1".equals(message.getEventType())) {
                try {
                    // sign for it (签收) and say when the petitioner was told (受理告知)
                    assignments.acceptAssignment(message.getAssignmentId(),
                            new AcceptAssignmentRequest().noticeSentAt(OffsetDateTime.now()));
                } catch (ApiException e) {
                    // a refusal is a problem document: type urn:duban:problem:<slug>, title, status, detail, requestId
                    String type = e.getProblem().map(Problem::getType).orElse("");
                    if (!type.equals("urn:duban:problem:state-conflict")) {
                        throw e;                            // 401, 403, 404 (not the unit's own), 5xx, no answer …
                    }                                       // 409: accepted already or cancelled; detail names the state
                }
            }
            inbox.acknowledgeMessage(message.getId());      // the office's proof that the unit was told (送达)
        }

        // while handling: progress notes (办理进展); the Idempotency-Key from the unit's own record makes a repeat
        // after a timeout (by setRetries or the unit's own code) record the note once
        assignments.reportProgress(assignmentId, new ProgressRequest().note("已约谈信访人，正在协调"), "note-" + noteId);
        // done: the final report (办结报告), its outcome by 三到位一处理
        assignments.submitFinalReport(assignmentId, new FinalReportRequest()
                .outcome(FinalReportOutcome.SOLVED).resolved(true).summary("已协调解决").repliedAt(OffsetDateTime.now()));
        // README:end
    }
}
