package org.duban.notification.delivery.webhook;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.duban.notification.delivery.WebhookPayloads;
import org.duban.notification.inbox.InboxMessage;
import tools.jackson.databind.json.JsonMapper;

/**
 * The webhook body, in the shape Standard Webhooks recommends: {@code type}, {@code timestamp} and
 * {@code data} (the inbox message, which also names the event it is about).
 */
public final class JsonWebhookPayloads implements WebhookPayloads {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public String body(String deliveryId, InboxMessage message, Instant at) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("messageId", message.id());
        data.put("unitId", message.unitId());
        data.put("eventType", message.sourceEventType());
        data.put("sourceEventId", message.sourceEventId());
        putIfPresent(data, "caseId", message.caseId());
        putIfPresent(data, "assignmentId", message.assignmentId());
        data.put("title", message.title());
        data.put("body", message.body());
        data.put("createdAt", message.createdAt().toString());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", message.sourceEventType());
        body.put("timestamp", at.toString());
        body.put("data", data);
        return JSON.writeValueAsString(body);
    }

    private static void putIfPresent(Map<String, Object> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
