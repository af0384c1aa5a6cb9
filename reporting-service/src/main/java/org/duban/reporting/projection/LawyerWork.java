package org.duban.reporting.projection;

import java.time.LocalDate;

/**
 * Lawyers' duty sessions and their parts in matters, one record each, keyed by the id intake gave it:
 * recording one twice changes nothing.
 */
public interface LawyerWork {

    /** 律师坐班接访 held on {@code heldOn}, with {@code visitorsReceived} people received. */
    void dutySession(String sessionId, LocalDate heldOn, int visitorsReceived);

    /** A lawyer's part in matter {@code caseId}: {@code kind} MEDIATION or LEGAL_OPINION, on {@code participatedOn}. */
    void participation(String participationId, String caseId, String kind, LocalDate participatedOn);

    /**
     * The totals of the days {@code [from, to)}: sessions and visitors summed, matters counted once per
     * kind however many times a lawyer took part in them in the period.
     */
    LawyerTotals totals(LocalDate from, LocalDate to);
}
