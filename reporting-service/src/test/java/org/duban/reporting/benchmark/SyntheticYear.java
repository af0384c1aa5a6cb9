package org.duban.reporting.benchmark;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.duban.contracts.events.Actor;
import org.duban.contracts.events.AssignmentAccepted;
import org.duban.contracts.events.AssignmentConcluded;
import org.duban.contracts.events.AssignmentFinalReportSubmitted;
import org.duban.contracts.events.AssignmentIssued;
import org.duban.contracts.events.AssignmentReviewed;
import org.duban.contracts.events.CaseRegistered;
import org.duban.contracts.events.DubanEvent;
import org.duban.contracts.events.EvaluationRecorded;
import org.duban.contracts.events.MeasureIssued;
import org.duban.contracts.events.NotificationDelivered;
import org.duban.contracts.events.RecommendationAnswered;
import org.duban.contracts.events.RecommendationIssued;
import org.duban.contracts.events.SupervisionOrderOpened;

/** A synthetic year of events for the benchmarks: matter k's events, about nine per matter, deterministic. */
final class SyntheticYear {

    static final ZoneId OFFICE = ZoneId.of("Asia/Shanghai");
    static final int YEAR = 2025;
    private static final List<String> CATEGORIES = List.of("LABOR_SOCIAL_SECURITY", "REAL_ESTATE", "LAND_ACQUISITION",
            "URBAN_RURAL_CONSTRUCTION", "AGRICULTURE_RURAL", "ECOLOGY_ENVIRONMENT", "EDUCATION", "HEALTH",
            "PUBLIC_SECURITY_JUSTICE", "OTHER");
    private static final Actor SUPERVISOR = new Actor("zhang.wei", "SUPERVISOR", null);

    private SyntheticYear() {
    }

    /** How many matters, from 0, hold at least {@code events} events. */
    static int mattersFor(int events) {
        int total = 0;
        int matters = 0;
        while (total < events) {
            total += matter(matters++).size();
        }
        return matters;
    }

    /** The events of matters {@code [0, matters)}. */
    static long eventsOf(int matters) {
        long total = 0;
        for (int k = 0; k < matters; k++) {
            total += matter(k).size();
        }
        return total;
    }

    /** About nine events of one matter, spread over the year, 50 units and the ten categories. */
    static List<DubanEvent> matter(int k) {
        String caseId = "case-" + k;
        String assignmentId = "asg-" + k;
        String unit = "unit-" + (k % 50);
        String category = CATEGORIES.get(k % CATEGORIES.size());
        boolean prominent = k % 7 == 0;
        boolean transfer = k % 11 == 0;
        Instant issued = LocalDate.of(YEAR, 1, 1).plusDays(k % 300).atTime(9, 0).atZone(OFFICE).toInstant()
                .plusSeconds(k % 3600);
        Actor unitActor = new Actor("clerk", "UNIT", unit);
        List<DubanEvent> events = new ArrayList<>();
        events.add(new CaseRegistered(caseId, "LETTER", "SELF", category, prominent, false, List.of(), k % 5 != 0,
                issued.minusSeconds(600), SUPERVISOR));
        events.add(new AssignmentIssued(assignmentId, caseId, unit, transfer ? "TRANSFER" : "ASSIGN", category, prominent,
                issued, issued.plus(Duration.ofDays(15)), issued.plus(Duration.ofDays(60)), SUPERVISOR));
        events.add(new NotificationDelivered("dlv-" + k, "INBOX", unit, caseId, "evt", AssignmentIssued.TYPE, 1,
                issued.plusSeconds(3), Actor.system("inbox")));
        events.add(new AssignmentAccepted(assignmentId, caseId, unit, issued.plus(Duration.ofDays(2)),
                issued.plus(Duration.ofDays(2)), k % 13 != 0, unitActor));
        Instant reported = issued.plus(Duration.ofDays(30));
        events.add(new AssignmentFinalReportSubmitted(assignmentId, caseId, unit, transfer ? "TRANSFER" : "ASSIGN", "SOLVED",
                k % 9 != 0, reported, reported, issued.plus(Duration.ofDays(60)), true, unitActor));
        events.add(new AssignmentReviewed(assignmentId, caseId, unit, "APPROVE", null, 0, reported.plusSeconds(3600),
                SUPERVISOR));
        events.add(new AssignmentConcluded(assignmentId, caseId, unit, transfer ? "TRANSFER" : "ASSIGN", k % 9 != 0,
                k % 8 != 0, reported.plusSeconds(3600), SUPERVISOR));
        if (k % 10 < 7) {
            events.add(new EvaluationRecorded(caseId, "eva-" + k, k % 30 == 0 ? "DISSATISFIED" : "SATISFIED", null,
                    "PUBLIC", reported.plus(Duration.ofDays(3)), Actor.petitioner()));
        }
        if (k % 10 == 0) {
            events.add(new SupervisionOrderOpened("sup-" + k, assignmentId, caseId, unit, "DELAYING", "PHONE", false,
                    issued.plus(Duration.ofDays(20)), issued.plus(Duration.ofDays(16)), SUPERVISOR));
        }
        if (k % 50 == 0) {
            events.add(new MeasureIssued("mea-" + k, "INTERVIEW", unit, null, caseId, null, null,
                    issued.plus(Duration.ofDays(18)), issued.plus(Duration.ofDays(17)), SUPERVISOR));
        }
        if (k % 100 == 0) {
            events.add(new RecommendationIssued("rec-" + k, "IMPROVE_WORK", unit, null, assignmentId, caseId,
                    issued.plus(Duration.ofDays(50)), issued.plus(Duration.ofDays(20)), SUPERVISOR));
            events.add(new RecommendationAnswered("rec-" + k, "IMPROVE_WORK", unit, caseId, true, false,
                    issued.plus(Duration.ofDays(40)), unitActor));
        }
        return events;
    }
}
