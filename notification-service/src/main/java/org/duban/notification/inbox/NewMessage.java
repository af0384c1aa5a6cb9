package org.duban.notification.inbox;

/**
 * What the inbox is asked to deliver: one message to one unit about one event.
 *
 * @param sourceEventId   the id of the event the message is about (its CloudEvents id)
 * @param sourceEventType the logical type of that event, e.g. {@code duban.assignment.issued.v1}
 * @param unitId          the unit that is told
 * @param caseId          the matter, if the event concerns one
 * @param assignmentId    the assignment, if the event concerns one
 * @param title           the rendered title
 * @param body            the rendered body
 */
public record NewMessage(
        String sourceEventId,
        String sourceEventType,
        String unitId,
        String caseId,
        String assignmentId,
        String title,
        String body) {

    public NewMessage {
        required("sourceEventId", sourceEventId);
        required("sourceEventType", sourceEventType);
        required("unitId", unitId);
        required("title", title);
        required("body", body);
    }

    private static void required(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a new message needs " + name);
        }
    }
}
