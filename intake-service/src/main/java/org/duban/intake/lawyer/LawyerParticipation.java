package org.duban.intake.lawyer;

import java.time.Instant;
import java.time.LocalDate;
import org.duban.contracts.events.Actor;
import org.duban.contracts.events.DubanEvent;
import org.duban.contracts.events.LawyerParticipationRecorded;
import org.duban.platform.domain.AggregateRoot;

/**
 * A lawyer's part in a matter (律师参与): invited to mediate it (参与调解, the office's 重大矛盾化解邀请律师参与调解)
 * or asked for a legal opinion on it (法律意见). Recorded once, never changed; its recording records the
 * event (no name, no note), which the store keeps with it in one write.
 */
public final class LawyerParticipation extends AggregateRoot<DubanEvent> {

    private final LawyerParticipationSnapshot state;

    private LawyerParticipation(LawyerParticipationSnapshot state) {
        this.state = state;
    }

    /**
     * The participation the request describes, in a registered matter, recorded now by {@code actor}.
     *
     * @param today the office-local day now: a lawyer cannot have taken part later than today
     */
    public static LawyerParticipation record(String id, RecordParticipation request, Actor actor, Instant now,
            LocalDate today) {
        LawyerDays.notAfterToday("participatedOn", request.participatedOn(), today);
        LawyerParticipation participation = new LawyerParticipation(new LawyerParticipationSnapshot(id,
                request.caseId(), request.kind(), request.lawyerName(), request.participatedOn(), request.note(), now,
                actor.subject(), 0));
        participation.record(new LawyerParticipationRecorded(id, request.caseId(), request.kind().name(),
                request.participatedOn(), now, actor));
        return participation;
    }

    /** Rebuilds a stored participation. */
    public static LawyerParticipation restore(LawyerParticipationSnapshot stored) {
        return new LawyerParticipation(stored);
    }

    /** What is stored and shown of it. */
    public LawyerParticipationSnapshot snapshot() {
        return state;
    }

    @Override
    public long version() {
        return state.version();
    }
}
