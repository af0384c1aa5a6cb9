package org.duban.console.inbox;

import java.time.OffsetDateTime;

/**
 * One message of the office inbox as the page shows it, with the unit it concerns by name.
 *
 * @param eventType    the event the message is about, e.g. {@code duban.assignment.objected.v1}
 * @param title        the title, units named instead of their ids
 * @param body         the text, units named instead of their ids
 * @param unitId       the unit the message concerns, or null when it names none the registry knows
 * @param assignmentId the assignment it concerns, or null
 * @param caseId       the matter it concerns, or null
 */
record InboxLine(String id, String eventType, String title, String body, OffsetDateTime createdAt, boolean read,
        OffsetDateTime acknowledgedAt, String acknowledgedBy, String unitId, String unitName, String assignmentId,
        String caseId) {
}
