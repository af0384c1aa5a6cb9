package org.duban.notification.template;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

import org.duban.contracts.events.Actor;
import org.duban.contracts.events.DubanEvent;

/**
 * The fields a template may use, read from the event record's components: times in the office zone
 * to the minute; codes in the office's words when the vocabulary has them ({@code kind} →
 * 交办, with the code itself as {@code kind.code} and a flag {@code kind.ASSIGN}); booleans as
 * "true" or "false"; the actor as {@code actor.subject}.
 */
final class EventFields {

    private final DateTimeFormatter minutes;

    EventFields(ZoneId officeZone) {
        this.minutes = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(Objects.requireNonNull(officeZone));
    }

    Map<String, String> of(DubanEvent event, Properties vocabulary) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (RecordComponent component : event.getClass().getRecordComponents()) {
            String name = component.getName();
            Object value = valueOf(event, component);
            if (value == null) {
                continue;
            }
            if (value instanceof Instant instant) {
                fields.put(name, minutes.format(instant));
            } else if (value instanceof Actor actor) {
                fields.put(name + ".subject", actor.subject());
                fields.put(name + ".role", actor.role());
            } else if (value instanceof String code) {
                fields.put(name, vocabulary.getProperty(name + "." + code, code));
                fields.put(name + ".code", code);
                fields.put(name + "." + code, "true");
            } else {
                fields.put(name, String.valueOf(value));
            }
        }
        return fields;
    }

    private static Object valueOf(DubanEvent event, RecordComponent component) {
        try {
            return component.getAccessor().invoke(event);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + component.getName() + " of " + event.getClass(), e);
        }
    }
}
