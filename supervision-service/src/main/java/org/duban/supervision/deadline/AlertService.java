package org.duban.supervision.deadline;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.ToLongFunction;

import org.duban.platform.domain.Caller;
import org.duban.platform.domain.Page;
import org.duban.platform.domain.PageRequest;
import org.duban.platform.domain.Role;
import org.duban.supervision.reminder.AlertColour;
import org.duban.supervision.reminder.AlertKind;
import org.duban.supervision.reminder.AlertPolicy;
import org.duban.supervision.reminder.DeadlineRange;
import org.duban.supervision.reminder.WatchedSubjects;

/**
 * The alert board: every open assignment with the colour of its applicable deadline, computed at
 * the moment of the request, most urgent first. Office staff see every unit (and may narrow to one);
 * a unit sees only its own.
 */
public final class AlertService {

    private final TrackedAssignments assignments;
    private final Map<AlertKind, WatchedSubjects> others;
    private final AlertPolicy policy;
    private final Clock clock;

    public AlertService(TrackedAssignments assignments, AlertPolicy policy, Clock clock) {
        this(assignments, List.of(), policy, clock);
    }

    public AlertService(TrackedAssignments assignments, List<WatchedSubjects> others, AlertPolicy policy, Clock clock) {
        this.assignments = assignments;
        this.others = new EnumMap<>(AlertKind.class);
        others.forEach(subjects -> this.others.put(subjects.kind(), subjects));
        this.policy = policy;
        this.clock = clock;
    }

    /** One page of the assignments' board. */
    public Page<Alert> list(Caller caller, AlertColour colour, String unitId, PageRequest page) {
        return list(caller, colour, unitId, AlertKind.ASSIGNMENT, page);
    }

    /**
     * One page of the board.
     *
     * @param colour only alerts of this colour, or all when null
     * @param kind   whose deadlines: assignments (also when null), orders, recommendations or measures
     * @param unitId only this unit's alerts, or all when null; a unit asking for another unit's
     *               gets an empty page, exactly as if that unit had none
     */
    public Page<Alert> list(Caller caller, AlertColour colour, String unitId, AlertKind kind, PageRequest page) {
        return board(caller, colour, unitId, kind, page).page();
    }

    /**
     * One page of the board, as {@link #list}, with how many lines of each colour the board holds for
     * the same kind and unit scope, whatever {@code colour} the page shows. Each count is the store's
     * count of one colour's range of deadlines at the page's instant (no line is loaded); the page's
     * own colour takes the page's total, so that the headline and the paging always agree.
     */
    public AlertBoard board(Caller caller, AlertColour colour, String unitId, AlertKind kind, PageRequest page) {
        caller.require(Role.SUPERVISOR, Role.LEADER, Role.UNIT);
        UnitScope scope = UnitScope.of(caller, unitId);
        if (scope.nothing()) {
            return new AlertBoard(new Page<>(List.of(), page, 0), ColourCounts.NONE);
        }
        // One instant for the whole answer, at the store's precision (milliseconds), so that the colour
        // chosen by the query and the colour computed for each line always agree.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Lines lines = lines(kind, scope, now);
        Page<Alert> alerts = lines.pageOf().apply(
                colour == null ? DeadlineRange.any() : policy.deadlinesColoured(colour, now), page);
        Map<AlertColour, Long> counts = new EnumMap<>(AlertColour.class);
        for (AlertColour each : AlertColour.values()) {
            counts.put(each, each == colour ? alerts.totalElements()
                    : lines.countOf().applyAsLong(policy.deadlinesColoured(each, now)));
        }
        return new AlertBoard(alerts, new ColourCounts(counts.get(AlertColour.GREEN), counts.get(AlertColour.YELLOW),
                counts.get(AlertColour.RED)));
    }

    /** The lines of one kind in a unit scope at one instant: a page of them, or their count, by deadlines. */
    private record Lines(BiFunction<DeadlineRange, PageRequest, Page<Alert>> pageOf,
            ToLongFunction<DeadlineRange> countOf) {

        static final Lines NONE = new Lines((deadlines, page) -> new Page<>(List.of(), page, 0), deadlines -> 0);
    }

    private Lines lines(AlertKind kind, UnitScope scope, Instant now) {
        if (kind == null || kind == AlertKind.ASSIGNMENT) {
            return new Lines(
                    (deadlines, page) -> assignments.open(new OpenAssignmentsQuery(scope.unitId(), deadlines, page))
                            .map(assignment -> Alert.of(assignment, policy, now)),
                    deadlines -> assignments.countOpen(scope.unitId(), deadlines));
        }
        WatchedSubjects subjects = others.get(kind);
        if (subjects == null) {
            return Lines.NONE;
        }
        return new Lines(
                (deadlines, page) -> subjects.open(scope.unitId(), scope.forUnit(), deadlines, page)
                        .map(watched -> Alert.of(watched, policy, now)),
                deadlines -> subjects.count(scope.unitId(), scope.forUnit(), deadlines));
    }

    /** How many open assignments are overdue now (red on the board): the figure ops watch. */
    public long overdueAssignments() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return assignments.countOpen(null, policy.deadlinesColoured(AlertColour.RED, now));
    }
}
