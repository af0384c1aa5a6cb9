package org.duban.reporting.projection;

import java.util.Objects;

import org.duban.contracts.events.DubanEvent;
import org.duban.contracts.events.LawyerDutySessionRecorded;
import org.duban.contracts.events.LawyerParticipationRecorded;

/**
 * Keeps lawyers' duty sessions and parts in matters (intake's {@code duban.lawyer.*} events) for the
 * figures. Their days are the office-local days intake recorded, so nothing is converted here.
 */
public final class LawyerProjection {

    private final LawyerWork work;

    public LawyerProjection(LawyerWork work) {
        this.work = Objects.requireNonNull(work, "work");
    }

    /** Projects a lawyer event; any other is not this projection's. */
    public void apply(DubanEvent event) {
        if (event instanceof LawyerDutySessionRecorded session) {
            work.dutySession(session.sessionId(), session.heldOn(), session.visitorsReceived());
        } else if (event instanceof LawyerParticipationRecorded participation) {
            work.participation(participation.participationId(), participation.caseId(), participation.kind(),
                    participation.participatedOn());
        }
    }
}
