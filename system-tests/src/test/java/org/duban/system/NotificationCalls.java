package org.duban.system;

import static org.duban.system.IntakeCalls.post;
import static org.duban.system.MatrixRequest.get;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.duban.contracts.access.CallerKind;

/**
 * The matrix's requests for notification's operations: unit A's message, webhooks and delivery. The office
 * deletes a webhook of A's other than the one A rotates and deletes itself; redelivering the delivered
 * message twice may find it still pending the second time.
 */
final class NotificationCalls {

    private NotificationCalls() {
    }

    static List<OperationCall> of(MatrixWorld w, String receiverUrl) {
        return List.of(
                OperationCall.of("listInbox", () -> get("/api/v1/inbox")),
                OperationCall.of("acknowledgeMessage", () -> MatrixRequest.post("/api/v1/inbox/" + w.message + "/ack",
                        null)),
                OperationCall.of("listWebhooks", () -> get("/api/v1/webhooks")),
                // one Idempotency-Key for every caller: a unit's key is its own, even for a clerk of another unit
                // with the same subject (the matrix's unit tokens share theirs)
                OperationCall.of("registerWebhook", () -> post("/api/v1/webhooks", Map.of("url", receiverUrl,
                        "events", List.of("duban.measure.recorded.v1"))).header("Idempotency-Key",
                        "matrix-" + UUID.randomUUID()))
                        .probedBy(() -> get("/api/v1/webhooks")),
                OperationCall.of("rotateWebhookSecret", () -> MatrixRequest.post("/api/v1/webhooks/" + w.webhookRotated
                        + "/rotate-secret", null)),
                OperationCall.perCaller("deleteWebhook", caller -> MatrixRequest.delete("/api/v1/webhooks/"
                        + (caller == CallerKind.SUPERVISOR ? w.webhookDeletedByOffice : w.webhookRotated)))
                        .probedBy(() -> get("/api/v1/webhooks")),
                OperationCall.of("listDeliveries", () -> get("/api/v1/deliveries")),
                // the first redelivery makes it PENDING again; the second allowed caller may find it so (409)
                OperationCall.of("redeliver", () -> MatrixRequest.post("/api/v1/deliveries/" + w.delivery
                        + "/redeliver", null)).allowingStateProblemsAfterTheFirst());
    }
}
