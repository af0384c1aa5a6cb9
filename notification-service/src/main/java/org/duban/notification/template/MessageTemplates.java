package org.duban.notification.template;

import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import org.duban.contracts.events.DubanEvent;
import org.duban.contracts.events.EventCatalog;

/**
 * Renders an event as the message a unit (or the office) reads. The wording lives in one file per
 * event type, {@code <event type>.properties} with a {@code title} and a {@code body} (see
 * {@link TemplateText} for the placeholders), and the office's words for codes in
 * {@code vocabulary.properties}. Files are read from the {@link TemplateSource} on every render, so an
 * edited template applies to the next message.
 */
public final class MessageTemplates {

    static final String VOCABULARY = "vocabulary.properties";

    private final TemplateSource source;
    private final EventFields fields;

    public MessageTemplates(TemplateSource source, ZoneId officeZone) {
        this.source = source;
        this.fields = new EventFields(officeZone);
    }

    /** The event rendered with its type's template, or empty when no template covers the type. */
    public Optional<RenderedMessage> render(DubanEvent event) {
        String type = EventCatalog.of(event).name();
        Optional<Properties> template = source.read(type + ".properties");
        if (template.isEmpty()) {
            return Optional.empty();
        }
        Properties vocabulary = source.read(VOCABULARY).orElseGet(Properties::new);
        Map<String, String> values = fields.of(event, vocabulary);
        String title = TemplateText.render(required(template.get(), "title", type), values);
        String body = TemplateText.render(required(template.get(), "body", type), values);
        return Optional.of(new RenderedMessage(title, body));
    }

    private static String required(Properties template, String key, String type) {
        String value = template.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("the template of " + type + " has no " + key);
        }
        return value;
    }
}
