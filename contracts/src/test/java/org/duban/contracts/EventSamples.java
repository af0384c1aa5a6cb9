package org.duban.contracts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.duban.contracts.events.Actor;
import org.duban.contracts.events.AssignmentAccepted;
import org.duban.contracts.events.AssignmentCancelled;
import org.duban.contracts.events.AssignmentConcluded;
import org.duban.contracts.events.AssignmentDeadlineRecomputed;
import org.duban.contracts.events.AssignmentExtensionDecided;
import org.duban.contracts.events.AssignmentExtensionRequested;
import org.duban.contracts.events.AssignmentFinalReportSubmitted;
import org.duban.contracts.events.AssignmentIssued;
import org.duban.contracts.events.AssignmentObjected;
import org.duban.contracts.events.AssignmentObjectionDecided;
import org.duban.contracts.events.AssignmentProgressReported;
import org.duban.contracts.events.AssignmentReviewed;
import org.duban.contracts.events.CaseQueryCodeReissued;
import org.duban.contracts.events.CaseRegistered;
import org.duban.contracts.events.DubanEvent;
import org.duban.contracts.events.EvaluationRecorded;
import org.duban.contracts.events.LawyerDutySessionRecorded;
import org.duban.contracts.events.LawyerParticipationRecorded;
import org.duban.contracts.events.MeasureIssued;
import org.duban.contracts.events.MeasureRecorded;
import org.duban.contracts.events.MeasureSubmitted;
import org.duban.contracts.events.NotificationAcknowledged;
import org.duban.contracts.events.NotificationDelivered;
import org.duban.contracts.events.NotificationDeliveryFailed;
import org.duban.contracts.events.RecommendationAnswered;
import org.duban.contracts.events.RecommendationIssued;
import org.duban.contracts.events.ReminderIssued;
import org.duban.contracts.events.SupervisionOrderClosed;
import org.duban.contracts.events.SupervisionOrderDismissed;
import org.duban.contracts.events.SupervisionOrderOpened;
import org.duban.contracts.events.SupervisionOrderProposed;
import org.duban.contracts.events.SupervisionOrderReopened;
import org.duban.contracts.events.SupervisionOrderResponded;
import org.duban.contracts.events.UnitContact;
import org.duban.contracts.events.UnitRegistered;

/** One fully populated sample, and one with every optional field empty, per event type. */
final class EventSamples {

    static final Instant T = Instant.parse("2026-03-02T01:30:00Z");
    static final Actor SUPERVISOR = new Actor("zhang.wei", "SUPERVISOR", null);
    static final Actor UNIT = new Actor("li.na", "UNIT", "unit-1");
    static final Actor SYSTEM = Actor.system("supervision-service");
    static final Actor NOTIFIER = Actor.system("notification-service");

    static final Map<String, List<DubanEvent>> BY_TYPE = Map.ofEntries(
            Map.entry(UnitRegistered.TYPE, List.of(
                    new UnitRegistered("unit-1", "SPB-XY", "小龙坎街道办事处", "SUB_DISTRICT",
                            List.of(new UnitContact("王芳", "信访办主任", "023-6531 0000", "wf@example.org")), T, SUPERVISOR),
                    new UnitRegistered("unit-2", "SPB-ZJ", "区住房城乡建委", "DEPARTMENT",
                            List.of(new UnitContact("赵磊", null, null, null)), T, SUPERVISOR))),
            Map.entry(CaseRegistered.TYPE, List.of(
                    new CaseRegistered("case-1", "ONLINE", "CENTRAL_JOINT_OFFICE", "REAL_ESTATE", true, true,
                            List.of("unit-9"), false, T, SUPERVISOR, true, true, "case-0"),
                    new CaseRegistered("case-2", "LETTER", "SELF", "OTHER", false, false, List.of(), true, T, SUPERVISOR,
                            false, false, null))),
            Map.entry(CaseQueryCodeReissued.TYPE, List.of(
                    new CaseQueryCodeReissued("case-1", T, SUPERVISOR))),
            Map.entry(AssignmentIssued.TYPE, List.of(
                    new AssignmentIssued("asg-1", "case-1", "unit-1", "ASSIGN", "REAL_ESTATE", true,
                            T, T.plusSeconds(15 * 86_400), T.plusSeconds(60 * 86_400), SUPERVISOR, true,
                            List.of("RESULT", "OBJECTION")),
                    new AssignmentIssued("asg-2", "case-1", "unit-1", "ASSIGN", "REAL_ESTATE", true,
                            T, T.plusSeconds(3 * 86_400), T.plusSeconds(3 * 86_400), SUPERVISOR, false, List.of()),
                    new AssignmentIssued("asg-3", "case-1", "unit-1", "TRANSFER", "REAL_ESTATE", false,
                            T, T.plusSeconds(15 * 86_400), T.plusSeconds(60 * 86_400), SUPERVISOR))),
            Map.entry(AssignmentDeadlineRecomputed.TYPE, List.of(
                    new AssignmentDeadlineRecomputed("asg-1", "case-1", "unit-1", T.plusSeconds(15 * 86_400),
                            T.plusSeconds(15 * 86_400), T.plusSeconds(84 * 86_400), T.plusSeconds(86 * 86_400),
                            T.plusSeconds(7 * 86_400), T.plusSeconds(7 * 86_400), false, List.of(), List.of(2027), T,
                            Actor.system("intake-service")),
                    new AssignmentDeadlineRecomputed("asg-1", "case-1", "unit-1", T.plusSeconds(15 * 86_400),
                            T.plusSeconds(16 * 86_400), T.plusSeconds(400 * 86_400), T.plusSeconds(401 * 86_400),
                            T.plusSeconds(7 * 86_400), T.plusSeconds(7 * 86_400), true, List.of("RESULT"),
                            List.of(2027), T, Actor.system("intake-service")))),
            Map.entry(AssignmentAccepted.TYPE, List.of(
                    new AssignmentAccepted("asg-1", "case-1", "unit-1", T, T.minusSeconds(3_600), true, UNIT))),
            Map.entry(AssignmentObjected.TYPE, List.of(
                    new AssignmentObjected("asg-1", "case-1", "unit-1", T, UNIT))),
            Map.entry(AssignmentObjectionDecided.TYPE, List.of(
                    new AssignmentObjectionDecided("asg-1", "case-1", "unit-1", true, "asg-2", T, SUPERVISOR),
                    new AssignmentObjectionDecided("asg-1", "case-1", "unit-1", false, null, T, SUPERVISOR))),
            Map.entry(AssignmentProgressReported.TYPE, List.of(
                    new AssignmentProgressReported("asg-1", "case-1", "unit-1", T, UNIT))),
            Map.entry(AssignmentExtensionRequested.TYPE, List.of(
                    new AssignmentExtensionRequested("asg-1", "case-1", "unit-1", "ext-1", 10,
                            T.plusSeconds(60 * 86_400), T, UNIT))),
            Map.entry(AssignmentExtensionDecided.TYPE, List.of(
                    new AssignmentExtensionDecided("asg-1", "case-1", "unit-1", "ext-1", 10, true,
                            T.plusSeconds(70 * 86_400), true, T, SUPERVISOR),
                    new AssignmentExtensionDecided("asg-1", "case-1", "unit-1", "ext-1", 10, false, null, false, T,
                            SUPERVISOR))),
            Map.entry(AssignmentFinalReportSubmitted.TYPE, List.of(
                    new AssignmentFinalReportSubmitted("asg-1", "case-1", "unit-1", "ASSIGN", "SOLVED", true,
                            T.minusSeconds(86_400), T, T.plusSeconds(60 * 86_400), true, UNIT))),
            Map.entry(AssignmentReviewed.TYPE, List.of(
                    new AssignmentReviewed("asg-1", "case-1", "unit-1", "SEND_BACK", T.plusSeconds(15 * 86_400), 1, T,
                            SUPERVISOR),
                    new AssignmentReviewed("asg-1", "case-1", "unit-1", "APPROVE", null, 0, T, SUPERVISOR))),
            Map.entry(AssignmentConcluded.TYPE, List.of(
                    new AssignmentConcluded("asg-1", "case-1", "unit-1", "ASSIGN", true, true, T, SUPERVISOR),
                    new AssignmentConcluded("asg-2", "case-1", "unit-2", "TRANSFER", false, false, T, UNIT))),
            Map.entry(AssignmentCancelled.TYPE, List.of(
                    new AssignmentCancelled("asg-1", "case-1", "unit-1", "OBJECTED", T, SUPERVISOR))),
            Map.entry(EvaluationRecorded.TYPE, List.of(
                    new EvaluationRecorded("case-1", "eva-2", "BASICALLY_SATISFIED", "eva-1", "PUBLIC", T,
                            Actor.petitioner()),
                    new EvaluationRecorded("case-1", "eva-1", "SATISFIED", null, "SUPERVISOR", T, SUPERVISOR),
                    new EvaluationRecorded("case-2", "eva-3", "OVERDUE_UNRATED", null, "SYSTEM", T,
                            Actor.system("intake-service/evaluation-window")))),
            Map.entry(LawyerDutySessionRecorded.TYPE, List.of(
                    new LawyerDutySessionRecorded("ses-1", LocalDate.of(2026, 3, 2), 7, T, SUPERVISOR),
                    new LawyerDutySessionRecorded("ses-2", LocalDate.of(2026, 3, 3), 0, T, SUPERVISOR))),
            Map.entry(LawyerParticipationRecorded.TYPE, List.of(
                    new LawyerParticipationRecorded("lp-1", "case-1", "MEDIATION", LocalDate.of(2026, 3, 2), T,
                            SUPERVISOR),
                    new LawyerParticipationRecorded("lp-2", "case-1", "LEGAL_OPINION", LocalDate.of(2026, 3, 4), T,
                            SUPERVISOR))),
            Map.entry(NotificationAcknowledged.TYPE, List.of(
                    new NotificationAcknowledged("msg-1", "unit-1", "case-1", "evt-1", AssignmentIssued.TYPE, T, T, UNIT),
                    new NotificationAcknowledged("msg-2", "unit-1", null, "evt-2", UnitRegistered.TYPE, T, T, UNIT))),
            Map.entry(ReminderIssued.TYPE, List.of(
                    new ReminderIssued("rem-1", "ASSIGNMENT", "asg-1", "RESULT", "YELLOW", T.plusSeconds(3 * 86_400),
                            "case-1", "asg-1", "unit-1", T, SYSTEM),
                    new ReminderIssued("rem-2", "RECOMMENDATION", "rec-1", "FEEDBACK", "RED", T, null, null, null, T,
                            SYSTEM))),
            Map.entry(SupervisionOrderProposed.TYPE, List.of(
                    new SupervisionOrderProposed("sup-1", "asg-1", "case-1", "unit-1", "OVERDUE", T, SYSTEM))),
            Map.entry(SupervisionOrderDismissed.TYPE, List.of(
                    new SupervisionOrderDismissed("sup-1", "asg-1", "case-1", "unit-1", T, SUPERVISOR))),
            Map.entry(SupervisionOrderOpened.TYPE, List.of(
                    new SupervisionOrderOpened("sup-1", "asg-1", "case-1", "unit-1", "OVERDUE", "LETTER", true,
                            T.plusSeconds(7 * 86_400), T, SYSTEM),
                    new SupervisionOrderOpened("sup-2", "asg-1", "case-1", "unit-1", "PERFUNCTORY", "ON_SITE", false,
                            T.plusSeconds(7 * 86_400), T, SUPERVISOR))),
            Map.entry(SupervisionOrderResponded.TYPE, List.of(
                    new SupervisionOrderResponded("sup-1", "asg-1", "case-1", "unit-1", false, T, UNIT))),
            Map.entry(SupervisionOrderReopened.TYPE, List.of(
                    new SupervisionOrderReopened("sup-1", "asg-1", "case-1", "unit-1", T.plusSeconds(5 * 86_400), 1, T,
                            SUPERVISOR))),
            Map.entry(SupervisionOrderClosed.TYPE, List.of(
                    new SupervisionOrderClosed("sup-1", "asg-1", "case-1", "unit-1", T, SUPERVISOR))),
            Map.entry(RecommendationIssued.TYPE, List.of(
                    new RecommendationIssued("rec-1", "IMPROVE_WORK", "unit-1", null, "asg-1", "case-1",
                            T.plusSeconds(30 * 86_400), T, SUPERVISOR),
                    new RecommendationIssued("rec-2", "ACCOUNTABILITY", null, "区纪委监委", null, null,
                            T.plusSeconds(30 * 86_400), T, SUPERVISOR))),
            Map.entry(RecommendationAnswered.TYPE, List.of(
                    new RecommendationAnswered("rec-1", "IMPROVE_WORK", "unit-1", "case-1", true, false, T, UNIT),
                    new RecommendationAnswered("rec-2", "ACCOUNTABILITY", null, null, false, true, T, SUPERVISOR))),
            Map.entry(MeasureIssued.TYPE, List.of(
                    new MeasureIssued("mea-1", "WRITTEN_SELF_REVIEW", "unit-1", "asg-1", "case-1", "sup-1",
                            T.plusSeconds(10 * 86_400), null, T, SUPERVISOR),
                    new MeasureIssued("mea-2", "INTERVIEW", "unit-1", null, null, null, null, T.plusSeconds(86_400), T,
                            SUPERVISOR))),
            Map.entry(MeasureSubmitted.TYPE, List.of(
                    new MeasureSubmitted("mea-1", "WRITTEN_SELF_REVIEW", "unit-1", "case-1", false, T, UNIT),
                    new MeasureSubmitted("mea-3", "RECTIFICATION_ORDER", "unit-1", null, true, T, UNIT))),
            Map.entry(MeasureRecorded.TYPE, List.of(
                    new MeasureRecorded("mea-2", "INTERVIEW", "unit-1", null, T.minusSeconds(3_600), T, SUPERVISOR))),
            Map.entry(NotificationDelivered.TYPE, List.of(
                    new NotificationDelivered("del-1", "WEBHOOK", "unit-1", "case-1", "evt-1", AssignmentIssued.TYPE, 3, T,
                            NOTIFIER),
                    new NotificationDelivered("del-2", "EMAIL", "unit-1", null, "evt-2", MeasureIssued.TYPE, 1, T,
                            NOTIFIER))),
            Map.entry(NotificationDeliveryFailed.TYPE, List.of(
                    new NotificationDeliveryFailed("del-3", "WEBHOOK", "unit-1", "case-1", "evt-1", AssignmentIssued.TYPE,
                            10, 503, T, NOTIFIER),
                    new NotificationDeliveryFailed("del-4", "EMAIL", "unit-1", null, "evt-2", MeasureIssued.TYPE, 10,
                            null, T, NOTIFIER))));

    private EventSamples() {
    }
}
