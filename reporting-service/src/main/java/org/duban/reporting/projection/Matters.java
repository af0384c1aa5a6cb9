package org.duban.reporting.projection;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * What the matter-level rates need to know of each matter (信访事项), one record per matter: its
 * flags, its first assignment, its first conclusion, its current evaluation and the repeat petitions
 * that followed it. Every write is a single-document conditional update that gives the same result
 * whatever the order the facts arrive in, so a replay or a rebuild ends in the same state.
 */
public interface Matters {

    /** 登记: the flags of the matter. */
    void registered(String caseId, String category, boolean prominent, boolean firstTime);

    /** A repeat petition about {@code caseId} was registered at {@code registeredAt}. */
    void repeated(String caseId, Instant registeredAt);

    /** An assignment was issued; the earliest one is the matter's first (prominent: a flag of it too). */
    void assignmentIssued(String caseId, String unitId, boolean prominent, Instant issuedAt, LocalDate issuedOn);

    /** An assignment concluded; the earliest conclusion is the matter's. */
    void concluded(String caseId, String unitId, boolean resolved, Instant concludedAt, LocalDate concludedOn);

    /**
     * An evaluation was recorded; the latest one (by {@code recordedAt}) is the matter's current one
     * and replaces any earlier one: a matter counts once, with its latest rating, on that one's day.
     *
     * @param unrated the platform's 超期未评价 (the evaluation window closed unrated, {@code recordedAt} is
     *                when), not a rating: counted apart, in neither the participation nor the satisfaction
     *                rate, until a later rating replaces it
     */
    void evaluated(String caseId, String evaluationId, boolean satisfied, boolean unrated, Instant recordedAt,
            LocalDate recordedOn);

    /**
     * The matter-level figures of {@code [from, to)} per unit: for prominence the unit of the first
     * assignment, for everything else the unit whose assignment concluded the matter.
     *
     * @param repeatWindow a repeat petition registered within this time after the conclusion spoils a
     *                     first-time resolution
     */
    Map<String, MatterTotals> totalsByUnit(LocalDate from, LocalDate to, Duration repeatWindow);
}
