package org.duban.intake.lawyer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

import org.duban.contracts.events.Actor;
import org.duban.contracts.events.LawyerParticipationRecorded;

/**
 * A lawyer's part in a matter (律师参与): invited to mediate it (参与调解, the office's 重大矛盾化解邀请律师参与调解)
 * or asked for a legal opinion on it (法律意见), on {@code participatedOn} (office-local).
 *
 * @param recordedBy the supervisor who recorded it
 */
public record LawyerParticipation(String id, String caseId, ParticipationKind kind, String lawyerName,
        LocalDate participatedOn, String note, Instant recordedAt, String recordedBy) {

    public LawyerParticipation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(lawyerName, "lawyerName");
        Objects.requireNonNull(participatedOn, "participatedOn");
        Objects.requireNonNull(recordedAt, "recordedAt");
        Objects.requireNonNull(recordedBy, "recordedBy");
    }

    /**
     * The participation the request describes, in a registered matter, recorded now by {@code actor}, with
     * its event (no name, no note).
     *
     * @param today the office-local day now: a lawyer cannot have taken part later than today
     */
    public static Recorded record(String id, RecordParticipation request, Actor actor, Instant now, LocalDate today) {
        LawyerDays.notAfterToday("participatedOn", request.participatedOn(), today);
        LawyerParticipation participation = new LawyerParticipation(id, request.caseId(), request.kind(),
                request.lawyerName(), request.participatedOn(), request.note(), now, actor.subject());
        return new Recorded(participation, new LawyerParticipationRecorded(id, participation.caseId(),
                participation.kind().name(), participation.participatedOn(), now, actor));
    }

    /** A participation just recorded and the event that says so. */
    public record Recorded(LawyerParticipation participation, LawyerParticipationRecorded event) {
    }
}
