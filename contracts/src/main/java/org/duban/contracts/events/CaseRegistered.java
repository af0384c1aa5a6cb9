package org.duban.contracts.events;

import java.time.Instant;
import java.util.List;

/**
 * {@code duban.case.registered.v1}: a petition matter (信访事项) was registered. Carries facts only:
 * no petitioner identity, no title or summary (free text may name people).
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
        Actor actor) implements DubanEvent {

    public static final String TYPE = "duban.case.registered.v1";

    public CaseRegistered {
        accusedUnitIds = List.copyOf(accusedUnitIds);
    }

    @Override
    public String partitionKey() {
        return caseId;
    }
}
