package org.duban.supervision.deadline;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.duban.platform.domain.Caller;
import org.duban.platform.domain.Page;
import org.duban.platform.domain.PageRequest;
import org.duban.platform.domain.Role;

/**
 * The alert board: every open assignment with the colour of its applicable deadline, computed at
 * the moment of the request, most urgent first. Office staff see every unit (and may narrow to one);
 * a unit sees only its own.
 */
public final class AlertService {

    private final TrackedAssignments assignments;
    private final AlertPolicy policy;
    private final Clock clock;

    public AlertService(TrackedAssignments assignments, AlertPolicy policy, Clock clock) {
        this.assignments = assignments;
        this.policy = policy;
        this.clock = clock;
    }

    /**
     * One page of the board.
     *
     * @param colour only alerts of this colour, or all when null
     * @param unitId only this unit's alerts, or all when null; a unit asking for another unit's
     *               gets an empty page, exactly as if that unit had none
     */
    public Page<Alert> list(Caller caller, AlertColour colour, String unitId, PageRequest page) {
        caller.require(Role.SUPERVISOR, Role.LEADER, Role.UNIT);
        String unit = unitId;
        if (!caller.seesAllUnits()) {
            if (unitId != null && !caller.isUnit(unitId)) {
                return new Page<>(List.of(), page, 0);
            }
            unit = caller.unitId();
        }
        // One instant for the whole answer, at the store's precision (milliseconds), so that the
        // colour chosen by the query and the colour computed for each line always agree.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        DeadlineRange deadlines = colour == null ? DeadlineRange.any() : policy.deadlinesColoured(colour, now);
        return assignments.open(new OpenAssignmentsQuery(unit, deadlines, page))
                .map(assignment -> policy.alertFor(assignment, now));
    }
}
