package org.duban.intake.lawyer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A duty session's whole state, as it is stored and shown: on {@code heldOn} (office-local), lawyer
 * {@code lawyerName} received {@code visitorsReceived} people.
 *
 * @param recordedBy the supervisor who recorded it
 * @param version    the version it was stored at
 */
public record DutySessionSnapshot(String id, LocalDate heldOn, String lawyerName, int visitorsReceived, String note,
        Instant recordedAt, String recordedBy, long version) {

    public DutySessionSnapshot {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(heldOn, "heldOn");
        Objects.requireNonNull(lawyerName, "lawyerName");
        Objects.requireNonNull(recordedAt, "recordedAt");
        Objects.requireNonNull(recordedBy, "recordedBy");
    }
}
