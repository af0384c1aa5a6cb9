package org.duban.contracts.events;

import java.time.Instant;
import java.time.LocalDate;

/**
 * {@code duban.lawyer.participation-recorded.v1}: a lawyer's part in a matter was recorded — {@code kind}
 * {@code MEDIATION} (参与调解: invited to mediate the conflict) or {@code LEGAL_OPINION} (法律意见: a legal
 * opinion on it), on the office-local day {@code participatedOn}. Keyed by the matter id. No lawyer name,
 * no note: they stay in intake.
 */
public record LawyerParticipationRecorded(
        String participationId,
        String caseId,
        String kind,
        LocalDate participatedOn,
        Instant recordedAt,
        Actor actor) implements DubanEvent {

    public static final String TYPE = "duban.lawyer.participation-recorded.v1";

    @Override
    public String partitionKey() {
        return caseId;
    }
}
