package org.duban.contracts.events;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every event type the platform knows. Adding an event means adding it here, with its schema. */
public final class EventCatalog {

    public static final List<EventType> ALL = List.of(
            new EventType(UnitRegistered.TYPE, UnitRegistered.class, Topics.INTAKE),
            new EventType(CaseRegistered.TYPE, CaseRegistered.class, Topics.INTAKE),
            new EventType(CaseQueryCodeReissued.TYPE, CaseQueryCodeReissued.class, Topics.INTAKE),
            new EventType(AssignmentIssued.TYPE, AssignmentIssued.class, Topics.INTAKE),
            new EventType(AssignmentAccepted.TYPE, AssignmentAccepted.class, Topics.INTAKE),
            new EventType(AssignmentObjected.TYPE, AssignmentObjected.class, Topics.INTAKE),
            new EventType(AssignmentObjectionDecided.TYPE, AssignmentObjectionDecided.class, Topics.INTAKE),
            new EventType(AssignmentProgressReported.TYPE, AssignmentProgressReported.class, Topics.INTAKE),
            new EventType(AssignmentExtensionRequested.TYPE, AssignmentExtensionRequested.class, Topics.INTAKE),
            new EventType(AssignmentExtensionDecided.TYPE, AssignmentExtensionDecided.class, Topics.INTAKE),
            new EventType(AssignmentFinalReportSubmitted.TYPE, AssignmentFinalReportSubmitted.class, Topics.INTAKE),
            new EventType(AssignmentReviewed.TYPE, AssignmentReviewed.class, Topics.INTAKE),
            new EventType(AssignmentConcluded.TYPE, AssignmentConcluded.class, Topics.INTAKE),
            new EventType(AssignmentCancelled.TYPE, AssignmentCancelled.class, Topics.INTAKE),
            new EventType(AssignmentDeadlineRecomputed.TYPE, AssignmentDeadlineRecomputed.class, Topics.INTAKE),
            new EventType(EvaluationRecorded.TYPE, EvaluationRecorded.class, Topics.INTAKE),
            new EventType(LawyerDutySessionRecorded.TYPE, LawyerDutySessionRecorded.class, Topics.INTAKE),
            new EventType(LawyerParticipationRecorded.TYPE, LawyerParticipationRecorded.class, Topics.INTAKE),
            new EventType(NotificationAcknowledged.TYPE, NotificationAcknowledged.class, Topics.NOTIFICATION),
            new EventType(ReminderIssued.TYPE, ReminderIssued.class, Topics.SUPERVISION),
            new EventType(SupervisionOrderProposed.TYPE, SupervisionOrderProposed.class, Topics.SUPERVISION),
            new EventType(SupervisionOrderDismissed.TYPE, SupervisionOrderDismissed.class, Topics.SUPERVISION),
            new EventType(SupervisionOrderOpened.TYPE, SupervisionOrderOpened.class, Topics.SUPERVISION),
            new EventType(SupervisionOrderResponded.TYPE, SupervisionOrderResponded.class, Topics.SUPERVISION),
            new EventType(SupervisionOrderReopened.TYPE, SupervisionOrderReopened.class, Topics.SUPERVISION),
            new EventType(SupervisionOrderClosed.TYPE, SupervisionOrderClosed.class, Topics.SUPERVISION),
            new EventType(RecommendationIssued.TYPE, RecommendationIssued.class, Topics.SUPERVISION),
            new EventType(RecommendationAnswered.TYPE, RecommendationAnswered.class, Topics.SUPERVISION),
            new EventType(MeasureIssued.TYPE, MeasureIssued.class, Topics.SUPERVISION),
            new EventType(MeasureSubmitted.TYPE, MeasureSubmitted.class, Topics.SUPERVISION),
            new EventType(MeasureRecorded.TYPE, MeasureRecorded.class, Topics.SUPERVISION),
            new EventType(NotificationDelivered.TYPE, NotificationDelivered.class, Topics.NOTIFICATION),
            new EventType(NotificationDeliveryFailed.TYPE, NotificationDeliveryFailed.class, Topics.NOTIFICATION));

    private static final Map<String, EventType> BY_NAME =
            ALL.stream().collect(Collectors.toUnmodifiableMap(EventType::name, Function.identity()));
    private static final Map<Class<?>, EventType> BY_RECORD =
            ALL.stream().collect(Collectors.toUnmodifiableMap(EventType::recordType, Function.identity()));

    private EventCatalog() {
    }

    public static Optional<EventType> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    public static EventType of(DubanEvent event) {
        EventType type = BY_RECORD.get(event.getClass());
        if (type == null) {
            throw new IllegalArgumentException("not in the event catalog: " + event.getClass().getName());
        }
        return type;
    }
}
