package org.duban.supervision.escalation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.duban.platform.domain.Caller;
import org.duban.platform.domain.Role;
import org.duban.supervision.deadline.TrackedAssignments;
import org.duban.supervision.measure.Measure;
import org.duban.supervision.measure.Measures;
import org.duban.supervision.order.OrderStatus;
import org.duban.supervision.order.SupervisionOrder;
import org.duban.supervision.order.SupervisionOrders;
import org.duban.supervision.recommendation.Recommendation;
import org.duban.supervision.recommendation.Recommendations;

/**
 * Proposes the next step of the escalation ladder for a unit from its record: open supervision
 * orders, repeated lateness (assignments that went overdue, order responses and submissions late or
 * overdue: {@value #REPEATED} or more) and ignored recommendations (unanswered past their deadline).
 * The step reached is the highest already taken against it (reminded, an order, a measure). A
 * proposal only: a supervisor decides and issues.
 */
public final class EscalationService {

    static final int REPEATED = 2;

    private final TrackedAssignments assignments;
    private final SupervisionOrders orders;
    private final Recommendations recommendations;
    private final Measures measures;
    private final EscalationLadder ladder;
    private final Clock clock;

    public EscalationService(TrackedAssignments assignments, SupervisionOrders orders, Recommendations recommendations,
            Measures measures, EscalationLadder ladder, Clock clock) {
        this.assignments = assignments;
        this.orders = orders;
        this.recommendations = recommendations;
        this.measures = measures;
        this.ladder = ladder;
        this.clock = clock;
    }

    public EscalationProposal propose(Caller caller, String unitId) {
        caller.require(Role.SUPERVISOR, Role.LEADER);
        Instant now = clock.instant();
        List<SupervisionOrder> unitOrders = orders.ofUnit(unitId);
        List<Measure> unitMeasures = measures.ofUnit(unitId);
        List<Recommendation> unitRecommendations = recommendations.ofUnit(unitId);
        long remindedAssignments = assignments.remindedCount(unitId);
        long overdueAssignments = assignments.remindedRedCount(unitId);

        List<EscalationStep> taken = new ArrayList<>();
        if (remindedAssignments > 0) {
            taken.add(EscalationStep.REMINDER);
        }
        if (unitOrders.stream().anyMatch(o -> o.status() != OrderStatus.PROPOSED && o.status() != OrderStatus.DISMISSED)) {
            taken.add(EscalationStep.SUPERVISION_ORDER);
        }
        unitMeasures.forEach(m -> taken.add(EscalationStep.valueOf(m.kind().name())));

        List<EscalationProposal.Reason> reasons = new ArrayList<>();
        long open = unitOrders.stream()
                .filter(o -> o.status() == OrderStatus.OPEN || o.status() == OrderStatus.RESPONDED).count();
        if (open > 0) {
            reasons.add(new EscalationProposal.Reason(EscalationProposal.Code.OPEN_SUPERVISION_ORDERS, (int) open,
                    open + " supervision order(s) not closed"));
        }
        long lateOrders = unitOrders.stream()
                .filter(o -> o.overdue(now) || (o.response() != null && o.response().late())).count();
        long lateMeasures = unitMeasures.stream()
                .filter(m -> m.overdue(now) || (m.submission() != null && m.submission().late())).count();
        long late = overdueAssignments + lateOrders + lateMeasures;
        if (late >= REPEATED) {
            reasons.add(new EscalationProposal.Reason(EscalationProposal.Code.REPEATED_LATENESS, (int) late,
                    overdueAssignments + " assignment(s) overdue, " + lateOrders + " order response(s) and "
                            + lateMeasures + " submission(s) late or overdue"));
        }
        long ignored = unitRecommendations.stream().filter(r -> r.overdue(now)).count();
        if (ignored > 0) {
            reasons.add(new EscalationProposal.Reason(EscalationProposal.Code.IGNORED_RECOMMENDATIONS, (int) ignored,
                    ignored + " recommendation(s) unanswered past their deadline"));
        }
        EscalationStep reached = ladder.highestOf(taken);
        EscalationStep proposed = reasons.isEmpty() ? null : ladder.after(reached);
        return new EscalationProposal(unitId, ladder.steps(), reached, proposed, List.copyOf(reasons));
    }
}
