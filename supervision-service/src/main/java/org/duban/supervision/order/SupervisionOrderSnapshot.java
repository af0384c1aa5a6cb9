package org.duban.supervision.order;

import java.time.Instant;

import org.duban.supervision.reminder.Reminded;

/**
 * A supervision order as stored: what {@link SupervisionOrder#restore} reads and
 * {@link SupervisionOrder#snapshot} gives back.
 *
 * @param terms       null while proposed
 * @param response    the unit's latest response while RESPONDED, or CLOSED (or reopened) after one
 * @param closing     while CLOSED or DISMISSED
 * @param reminded    the last reminder issued, or null
 * @param version     the stored version it was read at; {@link SupervisionOrder#UNSAVED} when new
 */
public record SupervisionOrderSnapshot(String id, OnAssignment assignment, Origin origin, OrderStatus status,
        Terms terms, Response response, int reopenCount, Closing closing, Reminded reminded, long version) {

    /** The assignment an order is on, with its matter and its unit. */
    public record OnAssignment(String assignmentId, String caseId, String unitId) {
    }

    /**
     * Why and how the order came to be.
     *
     * @param automatic opened or proposed by the office policy (actor SYSTEM)
     * @param createdAt when it was opened or proposed
     */
    public record Origin(OrderTrigger trigger, boolean automatic, Instant createdAt) {
    }

    /**
     * What the unit is asked, and by when: set when the order opens, the note and deadline again when it reopens.
     *
     * @param openedAt when it opened (a confirmed proposal: when it was confirmed)
     */
    public record Terms(OrderForm form, String note, Instant responseDueAt, Instant openedAt) {
    }

    /** The unit's written response. */
    public record Response(String text, Instant at, boolean late) {
    }

    /** How a supervisor ended it: closed, or a proposal dismissed. */
    public record Closing(Instant at, String note) {
    }
}
