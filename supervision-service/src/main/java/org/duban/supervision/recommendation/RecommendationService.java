package org.duban.supervision.recommendation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

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
import org.duban.supervision.recommendation.RecommendationSnapshot.Addressing;

/**
 * Recommendations (三项建议): a supervisor issues one; the unit it is addressed to answers in writing
 * (a supervisor enters the answer of an addressee outside the platform). A unit sees only those
 * addressed to it; any other answers 404.
 */
public final class RecommendationService {

    private final Recommendations recommendations;
    private final TrackedAssignments assignments;
    private final Duration answerPeriod;
    private final Support support;

    public RecommendationService(Recommendations recommendations, TrackedAssignments assignments, Duration answerPeriod,
            Support support) {
        this.recommendations = recommendations;
        this.assignments = assignments;
        this.answerPeriod = answerPeriod;
        this.support = support;
    }

    public Recommendation issue(Caller caller, IssueRecommendation request, String idempotencyKey) {
        caller.require(Role.SUPERVISOR);
        Instant now = support.now();
        List<FieldProblem> problems = new ArrayList<>();
        if (request.kind() == RecommendationKind.IMPROVE_WORK && request.unitId() == null) {
            problems.add(new FieldProblem("unitId", "an IMPROVE_WORK recommendation is addressed to a unit"));
        }
        if (request.kind() != RecommendationKind.IMPROVE_WORK && request.addressee() == null) {
            problems.add(new FieldProblem("addressee", "a " + request.kind() + " recommendation needs its addressee"));
        }
        TrackedAssignment assignment = null;
        if (request.assignmentId() != null) {
            assignment = assignments.find(request.assignmentId()).filter(TrackedAssignment::issueSeen).orElse(null);
            if (assignment == null) {
                problems.add(new FieldProblem("assignmentId", "no assignment " + request.assignmentId() + " is known"));
            } else if (request.unitId() != null && !assignment.unitId().equals(request.unitId())) {
                problems.add(new FieldProblem("assignmentId", "the assignment is not the unit's"));
            }
        }
        Instant dueAt = request.feedbackDueAt() == null ? now.plus(answerPeriod) : request.feedbackDueAt();
        if (!dueAt.isAfter(now)) {
            problems.add(new FieldProblem("feedbackDueAt", "must be in the future"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        String caseId = assignment == null ? null : assignment.caseId();
        return support.createOnce(caller, "issue-recommendation", idempotencyKey, request, recommendations,
                id -> Recommendation.issue(id, request.kind(), new Addressing(request.unitId(), request.addressee(),
                        request.assignmentId(), caseId), request.text(), dueAt, now, caller.asActor()));
    }

    public Page<Recommendation> list(Caller caller, String unitId, RecommendationKind kind, Boolean overdue,
            PageRequest page) {
        caller.require(Role.SUPERVISOR, Role.LEADER, Role.UNIT);
        return UnitScope.of(caller, unitId).list(page,
                scope -> recommendations.list(scope.unitId(), scope.forUnit(), kind, overdue, support.now(), page));
    }

    public Recommendation get(Caller caller, String id) {
        caller.require(Role.SUPERVISOR, Role.LEADER, Role.UNIT);
        return visible(caller, id);
    }

    /** The unit it is addressed to answers; a supervisor enters an outside addressee's answer. */
    public Recommendation answer(Caller caller, String id, boolean adopted, String text) {
        caller.require(Role.SUPERVISOR, Role.UNIT);
        Recommendation recommendation = visible(caller, id);
        if (caller.isSupervisor() && recommendation.answeredByUnit()) {
            throw new StateConflict(Recommendation.WHAT, id, "ADDRESSED_TO_UNIT", "enter the answer for the unit");
        }
        recommendation.answer(adopted, text, support.now(), caller.asActor());
        return recommendations.store(recommendation, Recommendation.WHAT, "answer");
    }

    private Recommendation visible(Caller caller, String id) {
        return recommendations.find(id)
                .filter(r -> caller.seesAllUnits() || (r.answeredByUnit() && caller.isUnit(r.unitId())))
                .orElseThrow(() -> new NotFound(Recommendation.WHAT, id));
    }
}
