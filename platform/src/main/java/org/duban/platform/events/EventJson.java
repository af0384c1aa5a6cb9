package org.duban.platform.events;

import org.duban.contracts.events.DubanEvent;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON mapping of event payloads. Readers ignore fields they do not know, since a minor
 * change of an event may add fields (docs/adr/0003-events-outbox-idempotency.md).
 */
public final class EventJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private EventJson() {
    }

    public static String write(DubanEvent event) {
        return MAPPER.writeValueAsString(event);
    }

    public static <T extends DubanEvent> T read(byte[] json, Class<T> type) {
        return MAPPER.readValue(json, type);
    }
}
