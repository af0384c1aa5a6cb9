package org.duban.contracts.events;

import java.time.Instant;
import java.util.List;

/**
 * {@code duban.case.registered.v1}: a petition matter (信访事项) was registered. Carries facts only:
 * no petitioner identity, no title or summary (free text may name people). Added within v1:
 * {@code backlog} (积案), {@code hasLeaderInCharge} (a 包案领导 is named; the name stays in intake) and
 * {@code repeatOfCaseId} (the earlier matter of a repeat petition).
 */
public record CaseRegistered(
        String caseId,
        String channel,
        String origin,
        String category,
        boolean prominent,
        boolean whistleblowing,
        List<String> accusedUnitIds,
        boolean firstTime,
        Instant registeredAt,
        Actor actor,
        boolean backlog,
        boolean hasLeaderInCharge,
        String repeatOfCaseId) implements DubanEvent {

    public static final String TYPE = "duban.case.registered.v1";

    public CaseRegistered {
        accusedUnitIds = List.copyOf(accusedUnitIds);
    }

    /** The fields v1 started with; the added ones as an event written before them reads. */
    public CaseRegistered(String caseId, String channel, String origin, String category, boolean prominent,
            boolean whistleblowing, List<String> accusedUnitIds, boolean firstTime, Instant registeredAt,
            Actor actor) {
        this(caseId, channel, origin, category, prominent, whistleblowing, accusedUnitIds, firstTime, registeredAt,
                actor, false, false, null);
    }

    @Override
    public String partitionKey() {
        return caseId;
    }
}
