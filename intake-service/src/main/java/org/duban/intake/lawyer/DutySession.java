package org.duban.intake.lawyer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

import org.duban.contracts.events.Actor;
import org.duban.contracts.events.LawyerDutySessionRecorded;

/**
 * A lawyer's duty session at the office (律师坐班接访, the office's 每周一、二律师坐班接访): on
 * {@code heldOn} (office-local), lawyer {@code lawyerName} received {@code visitorsReceived} people.
 *
 * @param recordedBy the supervisor who recorded it
 */
public record DutySession(String id, LocalDate heldOn, String lawyerName, int visitorsReceived, String note,
        Instant recordedAt, String recordedBy) {

    public DutySession {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(heldOn, "heldOn");
        Objects.requireNonNull(lawyerName, "lawyerName");
        Objects.requireNonNull(recordedAt, "recordedAt");
        Objects.requireNonNull(recordedBy, "recordedBy");
    }

    /**
     * The session the request describes, recorded now by {@code actor}, with its event (no name, no note).
     *
     * @param today the office-local day now: a session cannot be held later than today
     */
    public static Recorded record(String id, RecordDutySession request, Actor actor, Instant now, LocalDate today) {
        LawyerDays.notAfterToday("heldOn", request.heldOn(), today);
        DutySession session = new DutySession(id, request.heldOn(), request.lawyerName(), request.visitorsReceived(),
                request.note(), now, actor.subject());
        return new Recorded(session, new LawyerDutySessionRecorded(id, session.heldOn(), session.visitorsReceived(),
                now, actor));
    }

    /** A session just recorded and the event that says so. */
    public record Recorded(DutySession session, LawyerDutySessionRecorded event) {
    }
}
