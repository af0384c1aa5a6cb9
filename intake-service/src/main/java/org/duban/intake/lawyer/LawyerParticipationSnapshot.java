package org.duban.intake.lawyer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A lawyer's part in a matter, whole, as it is stored and shown: of {@code kind}, on {@code participatedOn}
 * (office-local).
 *
 * @param recordedBy the supervisor who recorded it
 * @param version    the version it was stored at
 */
public record LawyerParticipationSnapshot(String id, String caseId, ParticipationKind kind, String lawyerName,
        LocalDate participatedOn, String note, Instant recordedAt, String recordedBy, long version) {

    public LawyerParticipationSnapshot {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(lawyerName, "lawyerName");
        Objects.requireNonNull(participatedOn, "participatedOn");
        Objects.requireNonNull(recordedAt, "recordedAt");
        Objects.requireNonNull(recordedBy, "recordedBy");
    }
}
