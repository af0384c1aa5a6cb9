package org.duban.supervision.deadline;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.duban.contracts.events.DubanEvent;
import org.duban.platform.domain.Page;
import org.duban.platform.domain.PageRequest;
import org.duban.platform.events.PendingEvent;
import org.duban.platform.events.PendingEvents;
import org.duban.supervision.reminder.AlertColour;
import org.duban.supervision.reminder.AlertPolicy;
import org.duban.supervision.reminder.DeadlineRange;

/**
 * The tracked assignments in a map, with the store's versioning, order, paging and next-check
 * selection; the events each write carried are kept in {@link #events} in write order.
 */
public final class InMemoryTrackedAssignments implements TrackedAssignments {

    private final Map<String, TrackedAssignment> stored = new LinkedHashMap<>();
    private final AlertPolicy policy;
    private final PendingEvents pending = new PendingEvents(Clock.systemUTC());
    /** The outbox entries of every stored write, as the Mongo store would write them. */
    public final List<PendingEvent> events = new ArrayList<>();
    int saves;
    /** How many counts were asked for: the board counts, it does not load every line. */
    int countQueries;

    public InMemoryTrackedAssignments() {
        this(DeadlineFixtures.policy());
    }

    public InMemoryTrackedAssignments(AlertPolicy policy) {
        this.policy = policy;
    }

    @Override
    public synchronized Optional<TrackedAssignment> find(String assignmentId) {
        return Optional.ofNullable(stored.get(assignmentId));
    }

    @Override
    public synchronized boolean saveIfUnchanged(TrackedAssignment assignment, List<DubanEvent> caused) {
        TrackedAssignment current = stored.get(assignment.assignmentId());
        long currentVersion = current == null ? TrackedAssignment.UNSAVED : current.version();
        if (currentVersion != assignment.version()) {
            return false;
        }
        stored.put(assignment.assignmentId(), new TrackedAssignment(assignment.assignmentId(), assignment.caseId(),
                assignment.unitId(), assignment.kind(), assignment.acceptanceDueAt(), assignment.dueAt(),
                assignment.status(), assignment.trackedSince(), assignment.acceptedAt(), assignment.reminded(),
                assignment.version() + 1, assignment.provisional()));
        events.addAll(pending.of(assignment.assignmentId(), caused));
        saves++;
        return true;
    }

    @Override
    public synchronized Page<TrackedAssignment> open(OpenAssignmentsQuery query) {
        List<TrackedAssignment> matching = stored.values().stream()
                .filter(query::matches)
                .sorted(Comparator.comparing((TrackedAssignment a) -> a.applicableDeadline().orElseThrow().at())
                        .thenComparing(TrackedAssignment::assignmentId))
                .toList();
        List<TrackedAssignment> items = matching.stream()
                .skip(query.page().offset()).limit(query.page().size()).toList();
        return new Page<>(items, query.page(), matching.size());
    }

    @Override
    public synchronized long countOpen(String unitId, DeadlineRange deadlines) {
        OpenAssignmentsQuery query = new OpenAssignmentsQuery(unitId, deadlines, new PageRequest(0, 1));
        countQueries++;
        return stored.values().stream().filter(query::matches).count();
    }

    @Override
    public synchronized long remindedCount(String unitId) {
        return stored.values().stream().filter(a -> a.unitId().equals(unitId) && a.reminded() != null).count();
    }

    @Override
    public synchronized long remindedRedCount(String unitId) {
        return stored.values().stream().filter(a -> a.unitId().equals(unitId) && a.reminded() != null
                && a.reminded().colour() == AlertColour.RED).count();
    }

    @Override
    public synchronized List<String> dueForReminder(Instant now, int limit) {
        return stored.values().stream()
                .filter(a -> a.nextCheckAt(policy) != null && !a.nextCheckAt(policy).isAfter(now))
                .sorted(Comparator.comparing((TrackedAssignment a) -> a.nextCheckAt(policy)))
                .limit(limit)
                .map(TrackedAssignment::assignmentId)
                .toList();
    }

    /** The events of {@code type} stored so far. */
    public synchronized List<PendingEvent> eventsOfType(String type) {
        return events.stream().filter(event -> Objects.equals(event.type(), type)).toList();
    }
}
