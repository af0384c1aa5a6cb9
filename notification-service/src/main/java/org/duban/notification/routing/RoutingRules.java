package org.duban.notification.routing;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.duban.contracts.events.AssignmentCancelled;
import org.duban.contracts.events.AssignmentExtensionDecided;
import org.duban.contracts.events.AssignmentExtensionRequested;
import org.duban.contracts.events.AssignmentFinalReportSubmitted;
import org.duban.contracts.events.AssignmentIssued;
import org.duban.contracts.events.AssignmentObjected;
import org.duban.contracts.events.AssignmentObjectionDecided;
import org.duban.contracts.events.AssignmentReviewed;
import org.duban.contracts.events.DubanEvent;
import org.duban.contracts.events.EventCatalog;
import org.duban.contracts.events.EventType;
import org.duban.contracts.events.MeasureIssued;
import org.duban.contracts.events.MeasureRecorded;
import org.duban.contracts.events.MeasureSubmitted;
import org.duban.contracts.events.RecommendationAnswered;
import org.duban.contracts.events.RecommendationIssued;
import org.duban.contracts.events.ReminderIssued;
import org.duban.contracts.events.SupervisionOrderClosed;
import org.duban.contracts.events.SupervisionOrderOpened;
import org.duban.contracts.events.SupervisionOrderProposed;
import org.duban.contracts.events.SupervisionOrderReopened;
import org.duban.contracts.events.SupervisionOrderResponded;
import org.duban.notification.inbox.InboxMessage;

/**
 * Who is told of which event. What the office asks of a unit, or decides about it, goes to that unit;
 * what a unit answers or asks for (objections, extension requests, final reports, answers to
 * supervision orders, recommendations and measures) and what awaits a supervisor's decision (a
 * proposed supervision order) goes to the office inbox ({@link InboxMessage#OFFICE}), which every
 * supervisor reads. Events no rule names tell nobody.
 */
public final class RoutingRules {

    private final Map<Class<?>, Function<DubanEvent, List<Notice>>> rules = new LinkedHashMap<>();
    private final Set<Class<?>> toUnits = new HashSet<>();

    public RoutingRules() {
        toUnit(AssignmentIssued.class, e -> unit(required(e.unitId(), e.assignmentId()), e.caseId(), e.assignmentId()));
        toUnit(AssignmentObjectionDecided.class, e -> unit(e.unitId(), e.caseId(), e.assignmentId()));
        toUnit(AssignmentExtensionDecided.class, e -> unit(e.unitId(), e.caseId(), e.assignmentId()));
        toUnit(AssignmentReviewed.class, e -> unit(e.unitId(), e.caseId(), e.assignmentId()));
        toUnit(AssignmentCancelled.class, e -> unit(e.unitId(), e.caseId(), e.assignmentId()));
        toUnit(ReminderIssued.class, e -> unit(e.unitId(), e.caseId(), e.assignmentId()));
        toUnit(SupervisionOrderOpened.class, e -> unit(e.unitId(), e.caseId(), e.assignmentId()));
        toUnit(SupervisionOrderReopened.class, e -> unit(e.unitId(), e.caseId(), e.assignmentId()));
        toUnit(SupervisionOrderClosed.class, e -> unit(e.unitId(), e.caseId(), e.assignmentId()));
        toUnit(RecommendationIssued.class, e -> unit(e.unitId(), e.caseId(), e.assignmentId()));
        toUnit(MeasureIssued.class, e -> unit(e.unitId(), e.caseId(), e.assignmentId()));
        toUnit(MeasureRecorded.class, e -> unit(e.unitId(), e.caseId(), null));

        toOffice(AssignmentObjected.class, e -> office(e.caseId(), e.assignmentId()));
        toOffice(AssignmentExtensionRequested.class, e -> office(e.caseId(), e.assignmentId()));
        toOffice(AssignmentFinalReportSubmitted.class, e -> office(e.caseId(), e.assignmentId()));
        toOffice(SupervisionOrderProposed.class, e -> office(e.caseId(), e.assignmentId()));
        toOffice(SupervisionOrderResponded.class, e -> office(e.caseId(), e.assignmentId()));
        toOffice(RecommendationAnswered.class, e -> office(e.caseId(), null));
        toOffice(MeasureSubmitted.class, e -> office(e.caseId(), null));
    }

    public List<Notice> noticesFor(DubanEvent event) {
        Function<DubanEvent, List<Notice>> rule = rules.get(event.getClass());
        return rule == null ? List.of() : rule.apply(event);
    }

    /** The event types that can reach a unit: what a webhook may subscribe to. */
    public Set<String> unitEventTypes() {
        return names(toUnits);
    }

    /** Every event type some rule routes, to a unit or to the office. */
    public Set<String> routedEventTypes() {
        return names(rules.keySet());
    }

    private <E extends DubanEvent> void toUnit(Class<E> type, Function<E, List<Notice>> rule) {
        rules.put(type, event -> rule.apply(type.cast(event)));
        toUnits.add(type);
    }

    private <E extends DubanEvent> void toOffice(Class<E> type, Function<E, List<Notice>> rule) {
        rules.put(type, event -> rule.apply(type.cast(event)));
    }

    private static Set<String> names(Set<Class<?>> types) {
        return EventCatalog.ALL.stream().filter(type -> types.contains(type.recordType())).map(EventType::name)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The unit, or nobody when the event names none (a recommendation to an outside addressee). */
    private static List<Notice> unit(String unitId, String caseId, String assignmentId) {
        if (unitId == null || unitId.isBlank()) {
            return List.of();
        }
        return List.of(new Notice(unitId, caseId, assignmentId));
    }

    private static List<Notice> office(String caseId, String assignmentId) {
        return List.of(new Notice(InboxMessage.OFFICE, caseId, assignmentId));
    }

    private static String required(String unitId, String assignmentId) {
        if (unitId == null || unitId.isBlank()) {
            throw new IllegalArgumentException("assignment " + assignmentId + " names no unit");
        }
        return unitId;
    }
}
