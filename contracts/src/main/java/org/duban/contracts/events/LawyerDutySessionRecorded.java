package org.duban.contracts.events;

import java.time.Instant;
import java.time.LocalDate;

/**
 * {@code duban.lawyer.duty-session-recorded.v1}: a lawyer's duty session at the office (律师坐班接访) was
 * recorded — the day it was held (office-local) and how many visitors the lawyer received. Not about a
 * matter: keyed by the session id. No lawyer name, no note: they stay in intake.
 */
public record LawyerDutySessionRecorded(
        String sessionId,
        LocalDate heldOn,
        int visitorsReceived,
        Instant recordedAt,
        Actor actor) implements DubanEvent {

    public static final String TYPE = "duban.lawyer.duty-session-recorded.v1";

    @Override
    public String partitionKey() {
        return sessionId;
    }
}
