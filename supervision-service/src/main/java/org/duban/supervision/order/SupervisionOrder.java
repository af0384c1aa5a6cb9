package org.duban.supervision.order;

import java.time.Instant;
import java.util.Optional;

import org.duban.contracts.events.Actor;
import org.duban.contracts.events.DubanEvent;
import org.duban.contracts.events.SupervisionOrderClosed;
import org.duban.contracts.events.SupervisionOrderDismissed;
import org.duban.contracts.events.SupervisionOrderOpened;
import org.duban.contracts.events.SupervisionOrderProposed;
import org.duban.contracts.events.SupervisionOrderReopened;
import org.duban.contracts.events.SupervisionOrderResponded;
import org.duban.platform.domain.StateConflict;
import org.duban.supervision.deadline.TrackedAssignment;
import org.duban.supervision.reminder.AlertColour;
import org.duban.supervision.reminder.Deadline;
import org.duban.supervision.reminder.DeadlineKind;
import org.duban.supervision.reminder.Remindable;
import org.duban.supervision.reminder.Reminded;

/**
 * A supervision order (督办) on an assignment: opened (by a supervisor, or by the office policy when
 * the assignment turned overdue, possibly as a proposal first), answered by the unit in writing by
 * its response deadline, then closed by a supervisor or reopened with a new deadline when the
 * response is rejected. Each change returns the next state with the event it records.
 *
 * @param form          null while proposed
 * @param responseDueAt null while proposed
 * @param response      the unit's latest response while RESPONDED or CLOSED after one
 * @param version       the stored version it was read at; {@link #UNSAVED} when new
 */
public record SupervisionOrder(
        String id,
        String assignmentId,
        String caseId,
        String unitId,
        OrderTrigger trigger,
        OrderForm form,
        OrderStatus status,
        boolean automatic,
        String note,
        Instant responseDueAt,
        Response response,
        int reopenCount,
        Instant createdAt,
        Instant openedAt,
        Instant closedAt,
        String closeNote,
        Reminded reminded,
        long version) implements Remindable<SupervisionOrder> {

    public static final long UNSAVED = -1;
    static final String WHAT = "supervision order";

    /** The unit's written response. */
    public record Response(String text, Instant at, boolean late) {
    }

    /** A change and the event it records. */
    public record Change(SupervisionOrder order, DubanEvent event) {
    }

    /** A supervisor opens an order, or the policy does (automatic, actor SYSTEM). */
    public static Change open(String id, TrackedAssignment assignment, OrderTrigger trigger, OrderForm form, String note,
            Instant responseDueAt, boolean automatic, Instant now, Actor actor) {
        SupervisionOrder order = new SupervisionOrder(id, assignment.assignmentId(), assignment.caseId(),
                assignment.unitId(), trigger, form, OrderStatus.OPEN, automatic, note, responseDueAt, null, 0, now, now,
                null, null, null, UNSAVED);
        return new Change(order, order.opened(now, actor));
    }

    /** The policy proposes an order on an overdue assignment; a supervisor decides. */
    public static Change propose(String id, TrackedAssignment assignment, Instant now, Actor actor) {
        SupervisionOrder order = new SupervisionOrder(id, assignment.assignmentId(), assignment.caseId(),
                assignment.unitId(), OrderTrigger.OVERDUE, null, OrderStatus.PROPOSED, true, null, null, null, 0, now,
                null, null, null, null, UNSAVED);
        return new Change(order, new SupervisionOrderProposed(id, order.assignmentId(), order.caseId(), order.unitId(),
                OrderTrigger.OVERDUE.name(), now, actor));
    }

    /** A supervisor confirms a proposal: it opens, with the same id. */
    public Change confirm(OrderForm chosenForm, String confirmNote, Instant dueAt, Instant now, Actor actor) {
        require(OrderStatus.PROPOSED, "confirm");
        SupervisionOrder next = new SupervisionOrder(id, assignmentId, caseId, unitId, trigger, chosenForm,
                OrderStatus.OPEN, automatic, confirmNote, dueAt, null, reopenCount, createdAt, now, null, null, reminded,
                version);
        return new Change(next, next.opened(now, actor));
    }

    public Change dismiss(String dismissNote, Instant now, Actor actor) {
        require(OrderStatus.PROPOSED, "dismiss");
        SupervisionOrder next = new SupervisionOrder(id, assignmentId, caseId, unitId, trigger, form,
                OrderStatus.DISMISSED, automatic, note, responseDueAt, response, reopenCount, createdAt, openedAt, now,
                dismissNote, reminded, version);
        return new Change(next, new SupervisionOrderDismissed(id, assignmentId, caseId, unitId, now, actor));
    }

    /** The unit answers in writing; late when past the response deadline. */
    public Change respond(String text, Instant now, Actor actor) {
        require(OrderStatus.OPEN, "respond");
        boolean late = now.isAfter(responseDueAt);
        SupervisionOrder next = new SupervisionOrder(id, assignmentId, caseId, unitId, trigger, form,
                OrderStatus.RESPONDED, automatic, note, responseDueAt, new Response(text, now, late), reopenCount,
                createdAt, openedAt, null, null, reminded, version);
        return new Change(next, new SupervisionOrderResponded(id, assignmentId, caseId, unitId, late, now, actor));
    }

    /** A supervisor closes it, answered or not. */
    public Change close(String closingNote, Instant now, Actor actor) {
        if (status != OrderStatus.OPEN && status != OrderStatus.RESPONDED) {
            throw new StateConflict(WHAT, id, status.name(), "close");
        }
        SupervisionOrder next = new SupervisionOrder(id, assignmentId, caseId, unitId, trigger, form,
                OrderStatus.CLOSED, automatic, note, responseDueAt, response, reopenCount, createdAt, openedAt, now,
                closingNote, reminded, version);
        return new Change(next, new SupervisionOrderClosed(id, assignmentId, caseId, unitId, now, actor));
    }

    /** A supervisor rejects the response: open again with a new response deadline. */
    public Change reopen(String reason, Instant newDueAt, Instant now, Actor actor) {
        require(OrderStatus.RESPONDED, "reopen");
        SupervisionOrder next = new SupervisionOrder(id, assignmentId, caseId, unitId, trigger, form,
                OrderStatus.OPEN, automatic, reason, newDueAt, response, reopenCount + 1, createdAt, openedAt, null,
                null, reminded, version);
        return new Change(next, new SupervisionOrderReopened(id, assignmentId, caseId, unitId, newDueAt,
                reopenCount + 1, now, actor));
    }

    /** The response deadline, while the unit owes a response. */
    @Override
    public Optional<Deadline> applicableDeadline() {
        return status == OrderStatus.OPEN ? Optional.of(new Deadline(DeadlineKind.RESPONSE, responseDueAt))
                : Optional.empty();
    }

    /** Proposals (and dismissed ones) stay within the office until a supervisor confirms one. */
    public boolean visibleToUnit() {
        return status != OrderStatus.PROPOSED && status != OrderStatus.DISMISSED;
    }

    public boolean overdue(Instant now) {
        return status == OrderStatus.OPEN && now.isAfter(responseDueAt);
    }

    @Override
    public SupervisionOrder remind(AlertColour colour) {
        return new SupervisionOrder(id, assignmentId, caseId, unitId, trigger, form, status, automatic, note,
                responseDueAt, response, reopenCount, createdAt, openedAt, closedAt, closeNote,
                new Reminded(applicableDeadline().orElseThrow(), colour), version);
    }

    public boolean isNew() {
        return version == UNSAVED;
    }

    private SupervisionOrderOpened opened(Instant now, Actor actor) {
        return new SupervisionOrderOpened(id, assignmentId, caseId, unitId, trigger.name(), form.name(), automatic,
                responseDueAt, now, actor);
    }

    private void require(OrderStatus expected, String action) {
        if (status != expected) {
            throw new StateConflict(WHAT, id, status.name(), action);
        }
    }
}
