package org.duban.system;

import static org.duban.system.IntakeCalls.post;
import static org.duban.system.MatrixRequest.get;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.duban.contracts.access.CallerKind;

/**
 * The matrix's requests for supervision's operations: the order goes respond → reopen → close; the
 * recommendation addressed to unit A is answered by A, the one addressed outside the platform by a
 * supervisor; the self-review is submitted, the interview recorded. The proposals come last: supervision
 * makes them only once their assignments' deadlines have passed.
 */
final class SupervisionCalls {

    private SupervisionCalls() {
    }

    static List<OperationCall> of(MatrixWorld w) {
        return List.of(
                OperationCall.of("listAlerts", () -> get("/api/v1/alerts?unitId=" + w.unitA)),
                OperationCall.of("listSupervisionOrders", () -> get("/api/v1/supervisions?unitId=" + w.unitA)),
                OperationCall.of("proposeEscalation", () -> get("/api/v1/supervisions/escalations?unitId=" + w.unitA)),
                OperationCall.of("getSupervisionOrder", () -> get(order(w))),
                OperationCall.of("respondToSupervisionOrder", () -> post(order(w) + "/response",
                        Map.of("text", "已落实专人，本周办结")))
                        .probedBy(() -> get(order(w))),
                OperationCall.of("reopenSupervisionOrder", () -> post(order(w) + "/reopen",
                        Map.of("reason", "答复未说明办理时限")))
                        .probedBy(() -> get(order(w))),
                OperationCall.of("closeSupervisionOrder", () -> post(order(w) + "/close", Map.of("note", "已办结")))
                        .probedBy(() -> get(order(w))),
                OperationCall.of("openSupervisionOrder", () -> post("/api/v1/supervisions",
                        Map.of("assignmentId", w.assignmentSupervised, "trigger", "PERFUNCTORY", "form", "LETTER")))
                        .probedBy(() -> get("/api/v1/supervisions?assignmentId=" + w.assignmentSupervised)),
                OperationCall.of("issueRecommendation", () -> post("/api/v1/recommendations",
                        Map.of("kind", "IMPROVE_WORK", "unitId", w.unitA, "text", "建议建立信访事项办理台账")))
                        .probedBy(() -> get("/api/v1/recommendations?unitId=" + w.unitA)),
                OperationCall.of("listRecommendations", () -> get("/api/v1/recommendations?unitId=" + w.unitA)),
                OperationCall.of("getRecommendation", () -> get("/api/v1/recommendations/" + w.recommendationToUnit)),
                // the unit answers the one addressed to it; a supervisor enters the outside addressee's answer
                OperationCall.perCaller("answerRecommendation", caller -> post("/api/v1/recommendations/"
                        + (caller == CallerKind.SUPERVISOR ? w.recommendationOutside : w.recommendationToUnit)
                        + "/feedback", Map.of("adopted", true, "text", "已采纳，正在落实")))
                        .probedBy(() -> get("/api/v1/recommendations/" + w.recommendationToUnit)),
                OperationCall.of("issueMeasure", () -> post("/api/v1/measures",
                        Map.of("kind", "NOTICE", "unitId", w.unitA, "reason", "多次逾期未签收")))
                        .probedBy(() -> get("/api/v1/measures?unitId=" + w.unitA)),
                OperationCall.of("listMeasures", () -> get("/api/v1/measures?unitId=" + w.unitA)),
                OperationCall.of("getMeasure", () -> get("/api/v1/measures/" + w.selfReview)),
                OperationCall.of("submitMeasure", () -> post("/api/v1/measures/" + w.selfReview + "/submission",
                        Map.of("text", "关于逾期未签收的书面检查")))
                        .probedBy(() -> get("/api/v1/measures/" + w.selfReview)),
                OperationCall.of("recordMeasure", () -> post("/api/v1/measures/" + w.interview + "/record",
                        Map.of("heldAt", Instant.now().toString(), "minutes", "约谈记录：单位负责人作出整改承诺")))
                        .probedBy(() -> get("/api/v1/measures/" + w.interview)));
    }

    /** Confirm and dismiss: each on the proposal supervision made for an assignment past its deadline. */
    static List<OperationCall> proposals(MatrixWorld w) {
        String[] proposals = new String[2];
        return List.of(
                OperationCall.of("confirmSupervisionOrder", () -> {
                    proposals[0] = w.proposalOn(w.assignmentToConfirm);
                    return post("/api/v1/supervisions/" + proposals[0] + "/confirm", Map.of("form", "LETTER"));
                }).probedBy(() -> get("/api/v1/supervisions/" + proposals[0])),
                OperationCall.of("dismissSupervisionOrder", () -> {
                    proposals[1] = w.proposalOn(w.assignmentToDismiss);
                    return post("/api/v1/supervisions/" + proposals[1] + "/dismiss", Map.of("note", "已电话催办"));
                }).probedBy(() -> get("/api/v1/supervisions/" + proposals[1])));
    }

    private static String order(MatrixWorld w) {
        return "/api/v1/supervisions/" + w.order;
    }
}
