package org.duban.contracts.events;

import java.time.Instant;
import java.util.List;

/**
 * {@code duban.assignment.deadline-recomputed.v1}: the deadlines of an open assignment, counted through a
 * provisional calendar year (暂定: statutory holidays and weekends only), were counted again once the
 * office added that year's official calendar. Each deadline is given before and after (equal when it did
 * not move); {@code provisionalDeadlines} names those still provisional (a later year may still lack its
 * notice), {@code deadlineProvisional} whether any is. Emitted by intake itself (actor {@code SYSTEM}).
 */
public record AssignmentDeadlineRecomputed(
        String assignmentId,
        String caseId,
        String unitId,
        Instant previousAcceptanceDueAt,
        Instant acceptanceDueAt,
        Instant previousDueAt,
        Instant dueAt,
        Instant previousObjectionDueAt,
        Instant objectionDueAt,
        boolean deadlineProvisional,
        List<String> provisionalDeadlines,
        List<Integer> officialYears,
        Instant recomputedAt,
        Actor actor) implements DubanEvent {

    public static final String TYPE = "duban.assignment.deadline-recomputed.v1";

    /** Whether the named deadline ({@code ACCEPTANCE}, {@code RESULT}, {@code OBJECTION}) is still provisional. */
    public boolean provisional(String deadline) {
        return provisionalDeadlines != null && provisionalDeadlines.contains(deadline);
    }

    @Override
    public String partitionKey() {
        return caseId;
    }
}
