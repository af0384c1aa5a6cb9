package org.duban.intake.lawyer;

import java.time.Instant;
import java.time.LocalDate;
import org.duban.contracts.events.Actor;
import org.duban.contracts.events.DubanEvent;
import org.duban.contracts.events.LawyerDutySessionRecorded;
import org.duban.platform.domain.AggregateRoot;

/**
 * A lawyer's duty session at the office (律师坐班接访, the office's 每周一、二律师坐班接访): recorded once by a
 * supervisor, never changed afterwards. Its recording records the event that tells reporting (no name, no
 * note); the store keeps both in one write.
 */
public final class DutySession extends AggregateRoot<DubanEvent> {

    private final DutySessionSnapshot state;

    private DutySession(DutySessionSnapshot state) {
        this.state = state;
    }

    /**
     * The session the request describes, recorded now by {@code actor}.
     *
     * @param today the office-local day now: a session cannot be held later than today
     */
    public static DutySession record(String id, RecordDutySession request, Actor actor, Instant now, LocalDate today) {
        LawyerDays.notAfterToday("heldOn", request.heldOn(), today);
        DutySession session = new DutySession(new DutySessionSnapshot(id, request.heldOn(), request.lawyerName(),
                request.visitorsReceived(), request.note(), now, actor.subject(), 0));
        session.record(new LawyerDutySessionRecorded(id, request.heldOn(), request.visitorsReceived(), now,
                actor));
        return session;
    }

    /** Rebuilds a stored session. */
    public static DutySession restore(DutySessionSnapshot stored) {
        return new DutySession(stored);
    }

    /** Everything the session holds, as it is stored and shown. */
    public DutySessionSnapshot snapshot() {
        return state;
    }

    @Override
    public long version() {
        return state.version();
    }
}
