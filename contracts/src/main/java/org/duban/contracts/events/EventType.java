package org.duban.contracts.events;

import java.util.Objects;

/**
 * One event type of the catalog: its logical name (the CloudEvents {@code type}), the record that
 * carries it in Java, the topic it travels on and its JSON Schema on the classpath.
 */
public record EventType(String name, Class<? extends DubanEvent> recordType, String topic) {

    public EventType {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(recordType, "recordType");
        Objects.requireNonNull(topic, "topic");
    }

    /** Classpath location of the JSON Schema, e.g. {@code events/duban.assignment.issued.v1.schema.json}. */
    public String schemaResource() {
        return "events/" + name + ".schema.json";
    }
}
