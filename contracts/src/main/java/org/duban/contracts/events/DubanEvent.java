package org.duban.contracts.events;

/**
 * A fact one service publishes for the others. Every implementation is a record with exactly one
 * JSON Schema under {@code events/} and one entry in {@link EventCatalog}.
 */
public interface DubanEvent {

    /** The Kafka record key: the matter id, so that one matter's events stay in order. */
    String partitionKey();
}
