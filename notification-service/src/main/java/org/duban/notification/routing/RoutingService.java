package org.duban.notification.routing;

import java.util.List;

import org.duban.contracts.events.DubanEvent;
import org.duban.contracts.events.EventCatalog;
import org.duban.notification.inbox.InboxMessage;
import org.duban.notification.inbox.NewMessage;
import org.duban.notification.inbox.InboxService;
import org.duban.notification.template.MessageTemplates;
import org.duban.notification.template.RenderedMessage;

/**
 * Turns an event into the messages it causes: asks the rules who is told, renders the event with its
 * type's template, delivers one message per unit to the inbox and hands a unit's message to the
 * outbound channels (webhooks, e-mail). Safe to run twice for one event: the inbox keys each message
 * by the event and the unit, and the channels key their deliveries by the message.
 */
public final class RoutingService {

    private final RoutingRules rules;
    private final MessageTemplates templates;
    private final InboxService inbox;
    private final List<OutboundChannel> channels;

    public RoutingService(RoutingRules rules, MessageTemplates templates, InboxService inbox,
            List<OutboundChannel> channels) {
        this.rules = rules;
        this.templates = templates;
        this.inbox = inbox;
        this.channels = List.copyOf(channels);
    }

    /**
     * Routes the event whose CloudEvents id is {@code eventId}.
     *
     * @return how many units were newly told (0 for events that concern no inbox, or were routed before)
     */
    public int route(String eventId, DubanEvent event) {
        List<Message> messages = messagesFor(eventId, event);
        List<InboxService.Told> told = messages.stream().map(message -> inbox.deliver(message.message())).toList();
        int delivered = 0;
        for (int i = 0; i < messages.size(); i++) {
            if (told.get(i).first()) {
                delivered++;
            }
            // also when the message was there already: a crash may have come before its channels were scheduled
            if (messages.get(i).toUnit()) {
                schedule(told.get(i).message());
            }
        }
        return delivered;
    }

    /**
     * The messages the event causes, rendered, not delivered yet: one per unit told ({@link #route} delivers them,
     * a batch delivers those of several events together).
     */
    public List<Message> messagesFor(String eventId, DubanEvent event) {
        List<Notice> notices = rules.noticesFor(event);
        if (notices.isEmpty()) {
            return List.of();
        }
        String eventType = EventCatalog.of(event).name();
        RenderedMessage text = templates.render(event)
                .orElseThrow(() -> new IllegalStateException("no message template for " + eventType));
        return notices.stream().map(notice -> new Message(new NewMessage(eventId, eventType, notice.unitId(),
                notice.caseId(), notice.assignmentId(), text.title(), text.body()), notice.toUnit())).toList();
    }

    /** Hands a unit's delivered message to the outbound channels (each schedules a message once). */
    public void schedule(InboxMessage message) {
        channels.forEach(channel -> channel.schedule(message));
    }

    /** A message an event causes; {@code toUnit}: a unit's (not the office's), for the outbound channels too. */
    public record Message(NewMessage message, boolean toUnit) {
    }
}
