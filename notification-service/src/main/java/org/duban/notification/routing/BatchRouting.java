package org.duban.notification.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.duban.contracts.events.DubanEvent;
import org.duban.contracts.events.UnitRegistered;
import org.duban.notification.inbox.InboxService;
import org.duban.notification.unit.UnitDirectory;
import org.duban.platform.domain.EventNotHandled;

/**
 * Routes a batch of events as {@link RoutingService#route} does one at a time, in the batch's order, but delivers
 * their messages to the inboxes together (one write, {@link InboxService#deliverAll}) before handing the units'
 * messages to the outbound channels, each within the trace of the event that caused it. A registered unit updates
 * the local copy of units and contacts where it comes in the batch (after the messages before it are delivered and
 * scheduled), so the messages before it and after it find the contacts they would find one at a time.
 * Every effect is keyed by the event (messages by event and unit, deliveries by message), so a batch handed over
 * again, whole or cut differently, tells each unit once and schedules each delivery once.
 */
public final class BatchRouting {

    private final RoutingService routing;
    private final InboxService inbox;
    private final UnitDirectory units;
    private final EventTraces traces;

    public BatchRouting(RoutingService routing, InboxService inbox, UnitDirectory units, EventTraces traces) {
        this.routing = Objects.requireNonNull(routing, "routing");
        this.inbox = Objects.requireNonNull(inbox, "inbox");
        this.units = Objects.requireNonNull(units, "units");
        this.traces = Objects.requireNonNull(traces, "traces");
    }

    /**
     * Routes the events in their order; an event of a type this service does not know ({@code event} null) tells
     * nobody.
     *
     * @throws EventNotHandled when one could not be routed: the messages of the events before it are delivered
     *                         and scheduled first
     */
    public void routeAll(List<EventToRoute> events) {
        List<RoutingService.Message> messages = new ArrayList<>();
        List<String> tracesOfMessages = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            EventToRoute event = events.get(i);
            try {
                if (event.event() instanceof UnitRegistered registered) {
                    // the messages before it are scheduled without its contacts, as one at a time (their e-mails
                    // wait for the contacts, which this registration then brings)
                    deliver(messages, tracesOfMessages);
                    units.record(registered);
                }
                if (event.event() != null) {
                    for (RoutingService.Message message : routing.messagesFor(event.eventId(), event.event())) {
                        messages.add(message);
                        tracesOfMessages.add(event.traceparent());
                    }
                }
            } catch (RuntimeException e) {
                deliver(messages, tracesOfMessages);
                throw new EventNotHandled(i, e);
            }
        }
        deliver(messages, tracesOfMessages);
    }

    private void deliver(List<RoutingService.Message> messages, List<String> tracesOfMessages) {
        if (messages.isEmpty()) {
            return;
        }
        List<InboxService.Told> told = inbox.deliverAll(messages.stream().map(RoutingService.Message::message).toList());
        for (int i = 0; i < told.size(); i++) {
            // also when the message was there already: a crash may have come before its channels were scheduled
            if (messages.get(i).toUnit()) {
                InboxService.Told message = told.get(i);
                traces.within(tracesOfMessages.get(i), () -> routing.schedule(message.message()));
            }
        }
        messages.clear();
        tracesOfMessages.clear();
    }

    /** An event to route: its CloudEvents id, its payload (null when of an unknown type), its record's trace. */
    public record EventToRoute(String eventId, DubanEvent event, String traceparent) {
    }

    /** Runs work within the trace a record carried, as a consumer span of that record would. */
    @FunctionalInterface
    public interface EventTraces {

        EventTraces NONE = (traceparent, work) -> work.run();

        void within(String traceparent, Runnable work);
    }
}
