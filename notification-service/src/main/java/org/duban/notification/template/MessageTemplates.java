package org.duban.notification.template;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.duban.contracts.events.DubanEvent;

/** The templates in use, one per event type; renders an event with the template of its type. */
public final class MessageTemplates {

    private final Map<Class<?>, MessageTemplate<?>> byEventType = new LinkedHashMap<>();

    public MessageTemplates(List<MessageTemplate<?>> templates) {
        for (MessageTemplate<?> template : templates) {
            if (byEventType.putIfAbsent(template.eventType(), template) != null) {
                throw new IllegalArgumentException("two templates for " + template.eventType().getSimpleName());
            }
        }
    }

    /** The event rendered with its type's template, or empty when no template covers the type. */
    public Optional<RenderedMessage> render(DubanEvent event) {
        MessageTemplate<?> template = byEventType.get(event.getClass());
        return template == null ? Optional.empty() : Optional.of(renderWith(template, event));
    }

    private static <E extends DubanEvent> RenderedMessage renderWith(MessageTemplate<E> template, DubanEvent event) {
        return template.render(template.eventType().cast(event));
    }
}
