package org.duban.supervision.order;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

import org.duban.platform.domain.Caller;
import org.duban.platform.domain.InvalidInput.FieldProblem;
import org.duban.platform.domain.InvalidInput;
import org.duban.platform.domain.NotFound;
import org.duban.platform.domain.Page;
import org.duban.platform.domain.PageRequest;
import org.duban.platform.domain.Role;
import org.duban.platform.domain.StateConflict;
import org.duban.supervision.deadline.Support;
import org.duban.supervision.deadline.TrackedAssignment;
import org.duban.supervision.deadline.TrackedAssignments;
import org.duban.supervision.deadline.UnitScope;

/**
 * Supervision orders as people handle them: a supervisor opens one on an assignment, confirms or
 * dismisses a proposal, closes or reopens; the unit responds. A unit sees only its own orders, and
 * not the proposals (until confirmed); another unit's answers 404 exactly like a missing one.
 */
public final class SupervisionOrderService {

    private final SupervisionOrders orders;
    private final TrackedAssignments assignments;
    private final OverduePolicy policy;
    private final Support support;

    public SupervisionOrderService(SupervisionOrders orders, TrackedAssignments assignments, OverduePolicy policy,
            Support support) {
        this.orders = orders;
        this.assignments = assignments;
        this.policy = policy;
        this.support = support;
    }

    public SupervisionOrder open(Caller caller, OpenOrder request, String idempotencyKey) {
        caller.require(Role.SUPERVISOR);
        Instant now = support.now();
        List<FieldProblem> problems = new ArrayList<>();
        TrackedAssignment assignment = assignments.find(request.assignmentId())
                .filter(TrackedAssignment::issueSeen).orElse(null);
        if (assignment == null) {
            problems.add(new FieldProblem("assignmentId", "no assignment " + request.assignmentId() + " is known"));
        }
        Instant dueAt = responseDueAt(request.responseDueAt(), now, "responseDueAt", problems);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        if (assignment.status().isClosed()) {
            throw new StateConflict("assignment", assignment.assignmentId(), assignment.status().name(),
                    "open a supervision order");
        }
        return support.createOnce(caller, "open-supervision-order", idempotencyKey, request, orders,
                id -> SupervisionOrder.open(id, assignment, request.trigger(), request.form(), request.note(), dueAt,
                        false, now, caller.asActor()));
    }

    public Page<SupervisionOrder> list(Caller caller, String unitId, OrderStatus status, String assignmentId,
            PageRequest page) {
        caller.require(Role.SUPERVISOR, Role.LEADER, Role.UNIT);
        return UnitScope.of(caller, unitId).list(page,
                scope -> orders.list(scope.unitId(), scope.forUnit(), status, assignmentId, page));
    }

    public SupervisionOrder get(Caller caller, String id) {
        caller.require(Role.SUPERVISOR, Role.LEADER, Role.UNIT);
        return visible(caller, id);
    }

    public SupervisionOrder respond(Caller caller, String id, String text) {
        caller.require(Role.UNIT);
        SupervisionOrder order = own(caller, id);
        order.respond(text, support.now(), caller.asActor());
        return store(order);
    }

    public SupervisionOrder close(Caller caller, String id, String note) {
        return supervise(caller, id, (order, now) -> order.close(note, now, caller.asActor()));
    }

    public SupervisionOrder reopen(Caller caller, String id, String reason, Instant responseDueAt) {
        return supervise(caller, id, (order, now) ->
                order.reopen(reason, validResponseDueAt(responseDueAt, now), now, caller.asActor()));
    }

    public SupervisionOrder confirm(Caller caller, String id, OrderForm form, Instant responseDueAt, String note) {
        return supervise(caller, id, (order, now) -> order.confirm(form == null ? policy.form() : form, note,
                validResponseDueAt(responseDueAt, now), now, caller.asActor()));
    }

    public SupervisionOrder dismiss(Caller caller, String id, String note) {
        return supervise(caller, id, (order, now) -> order.dismiss(note, now, caller.asActor()));
    }

    /**
     * What a supervisor does to an order: load it (404 when the caller may not see it), change it as of now
     * (the change may refuse), store it.
     */
    private SupervisionOrder supervise(Caller caller, String id, BiConsumer<SupervisionOrder, Instant> change) {
        caller.require(Role.SUPERVISOR);
        Instant now = support.now();
        SupervisionOrder order = visible(caller, id);
        change.accept(order, now);
        return store(order);
    }

    private Instant validResponseDueAt(Instant requested, Instant now) {
        List<FieldProblem> problems = new ArrayList<>();
        Instant dueAt = responseDueAt(requested, now, "responseDueAt", problems);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        return dueAt;
    }

    private Instant responseDueAt(Instant requested, Instant now, String field, List<FieldProblem> problems) {
        if (requested == null) {
            return now.plus(policy.responsePeriod());
        }
        if (!requested.isAfter(now)) {
            problems.add(new FieldProblem(field, "must be in the future"));
        }
        return requested.truncatedTo(ChronoUnit.MILLIS);
    }

    private SupervisionOrder visible(Caller caller, String id) {
        return orders.find(id)
                .filter(order -> caller.seesAllUnits() || (caller.isUnit(order.unitId()) && order.visibleToUnit()))
                .orElseThrow(() -> new NotFound(SupervisionOrder.WHAT, id));
    }

    /** An order the caller answers: only the unit it is addressed to, once it may see it. */
    private SupervisionOrder own(Caller caller, String id) {
        return orders.find(id)
                .filter(order -> caller.isUnit(order.unitId()) && order.visibleToUnit())
                .orElseThrow(() -> new NotFound(SupervisionOrder.WHAT, id));
    }

    private SupervisionOrder store(SupervisionOrder order) {
        return orders.store(order, SupervisionOrder.WHAT, "apply this change");
    }
}
