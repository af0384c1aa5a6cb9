package org.duban.supervision.order;

import java.time.Instant;
import java.util.Optional;

import org.duban.contracts.events.Actor;
import org.duban.contracts.events.SupervisionOrderClosed;
import org.duban.contracts.events.SupervisionOrderDismissed;
import org.duban.contracts.events.SupervisionOrderOpened;
import org.duban.contracts.events.SupervisionOrderProposed;
import org.duban.contracts.events.SupervisionOrderReopened;
import org.duban.contracts.events.SupervisionOrderResponded;
import org.duban.platform.domain.StateConflict;
import org.duban.supervision.deadline.TrackedAssignment;
import org.duban.supervision.order.SupervisionOrderSnapshot.Closing;
import org.duban.supervision.order.SupervisionOrderSnapshot.OnAssignment;
import org.duban.supervision.order.SupervisionOrderSnapshot.Origin;
import org.duban.supervision.order.SupervisionOrderSnapshot.Response;
import org.duban.supervision.order.SupervisionOrderSnapshot.Terms;
import org.duban.supervision.reminder.Deadline;
import org.duban.supervision.reminder.DeadlineKind;
import org.duban.supervision.reminder.RemindedSubject;

/**
 * A supervision order (督办) on an assignment: opened (by a supervisor, or by the office policy when
 * the assignment turned overdue, possibly as a proposal first), answered by the unit in writing by
 * its response deadline, then closed by a supervisor or reopened with a new deadline when the
 * response is rejected. Each change records the event it causes; a change its state forbids is
 * refused with {@link StateConflict} and changes nothing.
 */
public final class SupervisionOrder extends RemindedSubject {

    static final String WHAT = "supervision order";

    private final OnAssignment assignment;
    private final Origin origin;
    private OrderStatus status;
    private Terms terms;
    private Response response;
    private int reopenCount;
    private Closing closing;

    private SupervisionOrder(SupervisionOrderSnapshot stored) {
        super(stored.id(), stored.version(), stored.reminded());
        this.assignment = stored.assignment();
        this.origin = stored.origin();
        this.status = stored.status();
        this.terms = stored.terms();
        this.response = stored.response();
        this.reopenCount = stored.reopenCount();
        this.closing = stored.closing();
    }

    /** Rebuilds a stored order. */
    public static SupervisionOrder restore(SupervisionOrderSnapshot stored) {
        return new SupervisionOrder(stored);
    }

    public SupervisionOrderSnapshot snapshot() {
        return new SupervisionOrderSnapshot(id(), assignment, origin, status, terms, response, reopenCount, closing,
                reminded(), version());
    }

    /** A supervisor opens an order, or the policy does (automatic, actor SYSTEM). */
    public static SupervisionOrder open(String id, TrackedAssignment assignment, OrderTrigger trigger, OrderForm form,
            String note, Instant responseDueAt, boolean automatic, Instant now, Actor actor) {
        SupervisionOrder order = new SupervisionOrder(new SupervisionOrderSnapshot(id, on(assignment),
                new Origin(trigger, automatic, now), OrderStatus.OPEN, new Terms(form, note, responseDueAt, now), null,
                0, null, null, UNSAVED));
        order.record(order.opened(now, actor));
        return order;
    }

    /** The policy proposes an order on an overdue assignment; a supervisor decides. */
    public static SupervisionOrder propose(String id, TrackedAssignment assignment, Instant now, Actor actor) {
        SupervisionOrder order = new SupervisionOrder(new SupervisionOrderSnapshot(id, on(assignment),
                new Origin(OrderTrigger.OVERDUE, true, now), OrderStatus.PROPOSED, null, null, 0, null, null, UNSAVED));
        order.record(new SupervisionOrderProposed(id, order.assignmentId(), order.caseId(), order.unitId(),
                OrderTrigger.OVERDUE.name(), now, actor));
        return order;
    }

    /** A supervisor confirms a proposal: it opens, with the same id. */
    public void confirm(OrderForm chosenForm, String confirmNote, Instant dueAt, Instant now, Actor actor) {
        require(OrderStatus.PROPOSED, "confirm");
        status = OrderStatus.OPEN;
        terms = new Terms(chosenForm, confirmNote, dueAt, now);
        response = null;
        closing = null;
        record(opened(now, actor));
    }

    public void dismiss(String dismissNote, Instant now, Actor actor) {
        require(OrderStatus.PROPOSED, "dismiss");
        status = OrderStatus.DISMISSED;
        closing = new Closing(now, dismissNote);
        record(new SupervisionOrderDismissed(id(), assignmentId(), caseId(), unitId(), now, actor));
    }

    /** The unit answers in writing; late when past the response deadline. */
    public void respond(String text, Instant now, Actor actor) {
        require(OrderStatus.OPEN, "respond");
        boolean late = now.isAfter(terms.responseDueAt());
        status = OrderStatus.RESPONDED;
        response = new Response(text, now, late);
        closing = null;
        record(new SupervisionOrderResponded(id(), assignmentId(), caseId(), unitId(), late, now, actor));
    }

    /** A supervisor closes it, answered or not. */
    public void close(String closingNote, Instant now, Actor actor) {
        if (status != OrderStatus.OPEN && status != OrderStatus.RESPONDED) {
            throw new StateConflict(WHAT, id(), status.name(), "close");
        }
        status = OrderStatus.CLOSED;
        closing = new Closing(now, closingNote);
        record(new SupervisionOrderClosed(id(), assignmentId(), caseId(), unitId(), now, actor));
    }

    /** A supervisor rejects the response: open again with a new response deadline. */
    public void reopen(String reason, Instant newDueAt, Instant now, Actor actor) {
        require(OrderStatus.RESPONDED, "reopen");
        status = OrderStatus.OPEN;
        terms = new Terms(terms.form(), reason, newDueAt, terms.openedAt());
        reopenCount++;
        closing = null;
        record(new SupervisionOrderReopened(id(), assignmentId(), caseId(), unitId(), newDueAt, reopenCount, now,
                actor));
    }

    /** The response deadline, while the unit owes a response. */
    @Override
    public Optional<Deadline> applicableDeadline() {
        return status == OrderStatus.OPEN ? Optional.of(new Deadline(DeadlineKind.RESPONSE, terms.responseDueAt()))
                : Optional.empty();
    }

    /** Proposals (and dismissed ones) stay within the office until a supervisor confirms one. */
    public boolean visibleToUnit() {
        return status != OrderStatus.PROPOSED && status != OrderStatus.DISMISSED;
    }

    public boolean overdue(Instant now) {
        return status == OrderStatus.OPEN && now.isAfter(terms.responseDueAt());
    }

    @Override
    public String assignmentId() {
        return assignment.assignmentId();
    }

    @Override
    public String caseId() {
        return assignment.caseId();
    }

    @Override
    public String unitId() {
        return assignment.unitId();
    }

    public OrderStatus status() {
        return status;
    }

    /** Null while proposed: when it opened (the board watches it since then). */
    public Instant openedAt() {
        return terms == null ? null : terms.openedAt();
    }

    /** The unit's latest response, if it gave one. */
    public Response response() {
        return response;
    }

    private static OnAssignment on(TrackedAssignment assignment) {
        return new OnAssignment(assignment.assignmentId(), assignment.caseId(), assignment.unitId());
    }

    private SupervisionOrderOpened opened(Instant now, Actor actor) {
        return new SupervisionOrderOpened(id(), assignmentId(), caseId(), unitId(), origin.trigger().name(),
                terms.form().name(), origin.automatic(), terms.responseDueAt(), now, actor);
    }

    private void require(OrderStatus expected, String action) {
        if (status != expected) {
            throw new StateConflict(WHAT, id(), status.name(), action);
        }
    }

    @Override
    protected String subjectType() {
        return OrderReminders.SUBJECT_TYPE;
    }
}
