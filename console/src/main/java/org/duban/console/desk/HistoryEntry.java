package org.duban.console.desk;

import java.time.OffsetDateTime;

/**
 * One step in an assignment's history, as the page lists it; {@code detail} is the part of the assignment
 * the step is about (its objection, a progress note, an extension, the final report), or the assignment.
 *
 * @param kind ISSUED, ACCEPTED, OBJECTED, OBJECTION_DECIDED, PROGRESS, EXTENSION_REQUESTED,
 *             EXTENSION_DECIDED, FINAL_REPORT, CONCLUDED or CANCELLED
 */
public record HistoryEntry(OffsetDateTime at, String kind, Object detail) {
}
