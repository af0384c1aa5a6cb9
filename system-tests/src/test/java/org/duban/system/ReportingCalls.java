package org.duban.system;

import static org.duban.system.IntakeCalls.post;
import static org.duban.system.MatrixRequest.get;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** The matrix's requests for reporting's operations and the gateway's own one. */
final class ReportingCalls {

    private static final ZoneId OFFICE = ZoneId.of("Asia/Shanghai");

    private ReportingCalls() {
    }

    static List<OperationCall> of(MatrixWorld w) {
        LocalDate today = LocalDate.now(OFFICE);
        String period = "from=" + today.withDayOfYear(1) + "&to=" + today.plusDays(1);
        return List.of(
                OperationCall.of("issueDevToken", () -> post("/api/v1/dev/tokens",
                        Map.of("subject", "matrix.trial", "roles", List.of("LEADER")))),
                OperationCall.of("getStatistics", () -> get("/api/v1/statistics?" + period + "&unitId=" + w.unitA)),
                OperationCall.of("getUnitScorecards", () -> get("/api/v1/statistics/units?" + period)),
                OperationCall.of("getAnnualReport", () -> get("/api/v1/reports/annual?year=" + today.getYear())
                        .header("Accept", "application/json")),
                OperationCall.of("getTimeline", () -> {
                    w.awaitTimeline(w.caseHandled);
                    return get("/api/v1/timelines/" + w.caseHandled);
                }),
                OperationCall.of("verifyTimeline", () -> get("/api/v1/timelines/" + w.caseHandled + "/verification")));
    }
}
