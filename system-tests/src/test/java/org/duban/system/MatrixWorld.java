package org.duban.system;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/**
 * What the authorization matrix needs to exist before it calls every operation, built through the gateway
 * as a supervisor and as unit A: two units, A (owning every object below) and B (the other unit); matters
 * with assignments to A in the states the unit's and the office's operations need; a supervision order,
 * recommendations, measures; A's webhooks, an inbox message and a delivered webhook message. Two
 * assignments are given a deadline a few seconds away so that supervision proposes orders on them.
 */
final class MatrixWorld {

    private final GatewayCalls calls;
    private final MatrixTokens tokens;
    private final SignedWebhookReceiver receiver;

    String supervisor;
    String unitA;
    String unitB;
    String tokenA;
    String caseHandled;
    String queryCode;
    String caseObjected;
    String caseSupervised;
    String assignmentHandled;
    String assignmentObjected;
    String assignmentSupervised;
    String assignmentToConfirm;
    String assignmentToDismiss;
    String order;
    String recommendationToUnit;
    String recommendationOutside;
    String selfReview;
    String interview;
    String webhookRotated;
    String webhookDeletedByOffice;
    String message;
    String delivery;

    MatrixWorld(GatewayCalls calls, MatrixTokens tokens, SignedWebhookReceiver receiver) {
        this.calls = calls;
        this.tokens = tokens;
        this.receiver = receiver;
    }

    void build() {
        supervisor = tokens.supervisor();
        unitA = registerUnit();
        unitB = registerUnit();
        tokenA = tokens.unit(unitA);
        // first, so that their deadlines pass while the rest is built: supervision proposes orders on them
        caseSupervised = registerCase(null).path("id").asString();
        Instant soon = Instant.now().plusSeconds(8);
        assignmentToConfirm = issue(caseSupervised, Map.of("unitId", unitA, "kind", "ASSIGN", "dueAt", soon.toString()));
        assignmentToDismiss = issue(caseSupervised, Map.of("unitId", unitA, "kind", "ASSIGN", "dueAt", soon.toString()));
        JsonNode delivering = calls.ok(MatrixRequest.post("/api/v1/webhooks", GatewayCalls.json(Map.of("url",
                receiver.url(), "events", List.of("duban.assignment.issued.v1")))), tokenA);
        receiver.trust(delivering.path("secret").asString());
        webhookRotated = registerWebhookOfA();
        webhookDeletedByOffice = registerWebhookOfA();

        JsonNode handled = registerCase(UUID.randomUUID().toString());
        caseHandled = handled.path("id").asString();
        queryCode = handled.path("queryCode").asString();
        assignmentHandled = issue(caseHandled, Map.of("unitId", unitA, "kind", "ASSIGN"));
        caseObjected = registerCase(null).path("id").asString();
        assignmentObjected = issue(caseObjected, Map.of("unitId", unitA, "kind", "ASSIGN"));
        assignmentSupervised = issue(caseSupervised, Map.of("unitId", unitA, "kind", "ASSIGN"));

        recommendationToUnit = created("/api/v1/recommendations", Map.of("kind", "IMPROVE_WORK", "unitId", unitA,
                "text", "建议健全信访事项签收登记制度"));
        recommendationOutside = created("/api/v1/recommendations", Map.of("kind", "IMPROVE_POLICY",
                "addressee", "区住房和城乡建设局", "text", "建议完善老旧小区加装电梯补贴政策"));
        selfReview = created("/api/v1/measures", Map.of("kind", "WRITTEN_SELF_REVIEW", "unitId", unitA,
                "reason", "逾期未签收", "dueAt", Instant.now().plus(Duration.ofDays(7)).toString()));
        interview = created("/api/v1/measures", Map.of("kind", "INTERVIEW", "unitId", unitA,
                "reason", "多次逾期", "scheduledAt", Instant.now().plus(Duration.ofDays(1)).toString()));

        // what reaches the other services by events
        MatrixRequest open = MatrixRequest.post("/api/v1/supervisions", GatewayCalls.json(Map.of(
                "assignmentId", assignmentSupervised, "trigger", "DELAYING", "form", "PHONE")));
        order = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> calls.send(open, supervisor), answer -> answer.status() == 201).json().path("id").asString();
        message = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> idOfFirst(calls.ok(MatrixRequest.get("/api/v1/inbox?size=200"), tokenA), "assignmentId",
                        assignmentHandled), id -> id != null);
        delivery = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> idOfFirst(calls.ok(MatrixRequest.get("/api/v1/deliveries?status=DELIVERED"), tokenA),
                        "unitId", unitA), id -> id != null);
    }

    /** The id of the assignment's pending extension, read when the decision on it is called. */
    String pendingExtension() {
        JsonNode extensions = calls.ok(MatrixRequest.get("/api/v1/assignments/" + assignmentHandled), supervisor)
                .path("extensions");
        for (JsonNode extension : extensions) {
            if (extension.path("status").asString().equals("PENDING")) {
                return extension.path("id").asString();
            }
        }
        throw new IllegalStateException("assignment " + assignmentHandled + " has no pending extension: " + extensions);
    }

    /** The order supervision proposed on an assignment whose deadline passed, once it has. */
    String proposalOn(String assignmentId) {
        MatrixRequest proposals = MatrixRequest.get("/api/v1/supervisions?status=PROPOSED&assignmentId=" + assignmentId);
        return await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> idOfFirst(calls.ok(proposals, supervisor), "assignmentId", assignmentId), id -> id != null);
    }

    /** Waits until reporting has the matter's timeline (it is built from events). */
    void awaitTimeline(String caseId) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() ->
                calls.send(MatrixRequest.get("/api/v1/timelines/" + caseId), supervisor).status() == 200);
    }

    /** Every id of unit A's world: none may show up in an answer to unit B. */
    List<String> idsOfA() {
        List<String> ids = new ArrayList<>(List.of(unitA, caseHandled, caseObjected, caseSupervised, assignmentHandled,
                assignmentObjected, assignmentSupervised, assignmentToConfirm, assignmentToDismiss, order,
                recommendationToUnit, selfReview, interview, webhookRotated, webhookDeletedByOffice, message, delivery));
        ids.removeIf(id -> id == null);
        return ids;
    }

    /** Removes every webhook of A and B, so that nothing keeps sending to the receiver once it is closed. */
    void removeWebhooks() {
        for (JsonNode webhook : calls.ok(MatrixRequest.get("/api/v1/webhooks"), supervisor).path("items")) {
            String unit = webhook.path("unitId").asString();
            if (unit.equals(unitA) || unit.equals(unitB)) {
                calls.send(MatrixRequest.delete("/api/v1/webhooks/" + webhook.path("id").asString()), supervisor);
            }
        }
    }

    String registerWebhookOfA() {
        return calls.ok(MatrixRequest.post("/api/v1/webhooks", GatewayCalls.json(Map.of("url", receiver.url(),
                "events", List.of("duban.measure.recorded.v1")))), tokenA).path("id").asString();
    }

    private String registerUnit() {
        return created("/api/v1/units", Map.of("code", "MX" + UUID.randomUUID().toString().substring(0, 8),
                "name", "矩阵街道办事处", "kind", "SUB_DISTRICT"));
    }

    private JsonNode registerCase(String idempotencyKey) {
        MatrixRequest register = MatrixRequest.post("/api/v1/cases", caseBody());
        return calls.ok(idempotencyKey == null ? register : register.header("Idempotency-Key", idempotencyKey),
                supervisor);
    }

    static String caseBody() {
        return GatewayCalls.json(Map.of("title", "小区加装电梯纠纷", "summary", "反映加装电梯协调不力",
                "channel", "VISIT", "origin", "SELF", "category", "URBAN_RURAL_CONSTRUCTION",
                "petitioner", Map.of("name", "李某")));
    }

    private String issue(String caseId, Map<String, String> body) {
        return created("/api/v1/cases/" + caseId + "/assignments", body);
    }

    private String created(String path, Map<String, ?> body) {
        return calls.ok(MatrixRequest.post(path, GatewayCalls.json(body)), supervisor).path("id").asString();
    }

    private static String idOfFirst(JsonNode page, String field, String value) {
        for (JsonNode item : page.path("items")) {
            if (item.path(field).asString().equals(value)) {
                return item.path("id").asString();
            }
        }
        return null;
    }
}
