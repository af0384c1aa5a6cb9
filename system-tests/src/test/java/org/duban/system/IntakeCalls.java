package org.duban.system;

import static org.duban.system.MatrixRequest.get;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The matrix's requests for intake's operations, in an order the states allow: the handled assignment
 * goes through acceptance, progress, extension, final report and review (its matter is then concluded
 * and can be evaluated), the objected one through objection, decision and cancellation.
 */
final class IntakeCalls {

    private static final ZoneId OFFICE = ZoneId.of("Asia/Shanghai");

    private IntakeCalls() {
    }

    static List<OperationCall> of(MatrixWorld w) {
        String today = LocalDate.now(OFFICE).toString();
        return List.of(
                OperationCall.of("listUnits", () -> get("/api/v1/units?size=5")),
                OperationCall.of("getUnit", () -> get("/api/v1/units/" + w.unitA)),
                OperationCall.of("registerUnit", () -> post("/api/v1/units", Map.of("code",
                        "MX" + UUID.randomUUID().toString().substring(0, 8), "name", "矩阵镇人民政府", "kind", "TOWN")))
                        .probedBy(() -> get("/api/v1/units?size=1")),
                OperationCall.of("listCases", () -> get("/api/v1/cases?size=5")),
                OperationCall.of("getCase", () -> get("/api/v1/cases/" + w.caseHandled)),
                OperationCall.of("registerCase", () -> MatrixRequest.post("/api/v1/cases", MatrixWorld.caseBody()))
                        .probedBy(() -> get("/api/v1/cases?size=1")),
                OperationCall.of("listAssignments", () -> get("/api/v1/assignments?unitId=" + w.unitA)),
                OperationCall.of("getAssignment", () -> get(assignment(w.assignmentHandled))),
                OperationCall.of("issueAssignment", () -> post("/api/v1/cases/" + w.caseObjected + "/assignments",
                        Map.of("unitId", w.unitA, "kind", "TRANSFER")))
                        .probedBy(() -> get("/api/v1/assignments?caseId=" + w.caseObjected)),
                OperationCall.of("acceptAssignment", () -> post(assignment(w.assignmentHandled) + "/accept",
                        Map.of("noticeSentAt", Instant.now().toString())))
                        .probedBy(() -> get(assignment(w.assignmentHandled))),
                OperationCall.of("reportProgress", () -> post(assignment(w.assignmentHandled) + "/progress",
                        Map.of("note", "已约谈信访人，正协调物业")))
                        .probedBy(() -> get(assignment(w.assignmentHandled))),
                OperationCall.of("requestExtension", () -> post(assignment(w.assignmentHandled) + "/extensions",
                        Map.of("days", 5, "reason", "需协调多个业主")))
                        .probedBy(() -> get(assignment(w.assignmentHandled))),
                OperationCall.of("decideExtension", () -> post(assignment(w.assignmentHandled) + "/extensions/"
                        + w.pendingExtension() + "/decision", Map.of("approved", true)))
                        .probedBy(() -> get(assignment(w.assignmentHandled))),
                OperationCall.of("submitFinalReport", () -> post(assignment(w.assignmentHandled) + "/final-report",
                        Map.of("outcome", "SOLVED", "resolved", true, "summary", "电梯加装方案经业主同意",
                                "repliedAt", Instant.now().toString())))
                        .probedBy(() -> get(assignment(w.assignmentHandled))),
                OperationCall.of("reviewAssignment", () -> post(assignment(w.assignmentHandled) + "/review",
                        Map.of("decision", "APPROVE")))
                        .probedBy(() -> get(assignment(w.assignmentHandled))),
                OperationCall.of("recordEvaluation", () -> post("/api/v1/cases/" + w.caseHandled + "/evaluations",
                        Map.of("rating", "BASICALLY_SATISFIED", "comment", "电话回访")))
                        .probedBy(() -> get("/api/v1/cases/" + w.caseHandled + "/evaluations")),
                OperationCall.of("listEvaluations", () -> get("/api/v1/cases/" + w.caseHandled + "/evaluations")),
                // public: five callers reach intake here and five in the next, within its limit of ten a minute
                OperationCall.of("submitPublicEvaluation", () -> post("/api/v1/public/evaluations",
                        Map.of("queryCode", w.queryCode, "rating", "SATISFIED")))
                        .probedBy(() -> get("/api/v1/cases/" + w.caseHandled + "/evaluations")),
                OperationCall.of("getPublicProgress", () -> post("/api/v1/public/progress",
                        Map.of("queryCode", w.queryCode))),
                OperationCall.of("objectToAssignment", () -> post(assignment(w.assignmentObjected) + "/objection",
                        Map.of("reason", "不属本单位管辖")))
                        .probedBy(() -> get(assignment(w.assignmentObjected))),
                OperationCall.of("decideObjection", () -> post(assignment(w.assignmentObjected) + "/objection/decision",
                        Map.of("upheld", false)))
                        .probedBy(() -> get(assignment(w.assignmentObjected))),
                OperationCall.of("cancelAssignment", () -> post(assignment(w.assignmentObjected) + "/cancel",
                        Map.of("reason", "重复交办")))
                        .probedBy(() -> get(assignment(w.assignmentObjected))),
                OperationCall.of("reissueQueryCode", () -> MatrixRequest.post("/api/v1/cases/" + w.caseObjected
                        + "/query-code", null)),
                OperationCall.of("recordLawyerDutySession", () -> post("/api/v1/lawyer-duty-sessions",
                        Map.of("heldOn", today, "lawyerName", "赵律师", "visitorsReceived", 3)))
                        .probedBy(() -> get("/api/v1/lawyer-duty-sessions?size=1")),
                OperationCall.of("listLawyerDutySessions", () -> get("/api/v1/lawyer-duty-sessions")),
                OperationCall.of("recordLawyerParticipation", () -> post("/api/v1/lawyer-participations",
                        Map.of("caseId", w.caseHandled, "kind", "MEDIATION", "lawyerName", "赵律师",
                                "participatedOn", today)))
                        .probedBy(() -> get("/api/v1/lawyer-participations?caseId=" + w.caseHandled)),
                OperationCall.of("listLawyerParticipations", () -> get("/api/v1/lawyer-participations?caseId="
                        + w.caseHandled)));
    }

    private static String assignment(String id) {
        return "/api/v1/assignments/" + id;
    }

    static MatrixRequest post(String path, Map<String, ?> body) {
        return MatrixRequest.post(path, GatewayCalls.json(body));
    }
}
