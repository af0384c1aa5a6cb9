package org.duban.supervision.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeSet;

import org.duban.contracts.events.DubanEvent;
import org.duban.platform.domain.Page;
import org.duban.supervision.deadline.OpenAssignmentsQuery;
import org.duban.supervision.deadline.TrackedAssignment;
import org.duban.supervision.deadline.TrackedAssignments;
import org.duban.supervision.reminder.AlertPolicy;
import org.duban.supervision.reminder.DeadlineRange;

/**
 * Tracked assignments in memory with what MongoDB's sparse {@code next_check} index gives: an ordered
 * set of (nextCheckAt, id) holding only the assignments with a next check. Lets the benchmark time
 * the domain and sweep logic on the index the real store has (the embedded Mongo-wire store has
 * none). Single-threaded; versions checked like the store. The board's reads are not part of the
 * sweep and are left unimplemented: a benchmark that calls them fails loudly instead of timing a stand-in.
 */
final class IndexedTrackedAssignments implements TrackedAssignments {

    private record Key(Instant at, String id) implements Comparable<Key> {
        @Override
        public int compareTo(Key other) {
            int byTime = at.compareTo(other.at);
            return byTime != 0 ? byTime : id.compareTo(other.id);
        }
    }

    private final Map<String, TrackedAssignment> byId = new HashMap<>();
    private final NavigableSet<Key> nextCheck = new TreeSet<>();
    private final AlertPolicy policy;
    long events;

    IndexedTrackedAssignments(AlertPolicy policy) {
        this.policy = policy;
    }

    @Override
    public Optional<TrackedAssignment> find(String assignmentId) {
        return Optional.ofNullable(byId.get(assignmentId));
    }

    @Override
    public boolean saveIfUnchanged(TrackedAssignment a, List<DubanEvent> recorded) {
        TrackedAssignment current = byId.get(a.assignmentId());
        long currentVersion = current == null ? TrackedAssignment.UNSAVED : current.version();
        if (currentVersion != a.version()) {
            return false;
        }
        if (current != null) {
            Instant old = current.nextCheckAt(policy);
            if (old != null) {
                nextCheck.remove(new Key(old, a.assignmentId()));
            }
        }
        TrackedAssignment stored = new TrackedAssignment(a.assignmentId(), a.caseId(), a.unitId(), a.kind(),
                a.acceptanceDueAt(), a.dueAt(), a.status(), a.trackedSince(), a.acceptedAt(), a.reminded(),
                a.version() + 1, a.provisional());
        byId.put(a.assignmentId(), stored);
        Instant next = stored.nextCheckAt(policy);
        if (next != null) {
            nextCheck.add(new Key(next, a.assignmentId()));
        }
        events += recorded.size();
        return true;
    }

    @Override
    public Page<TrackedAssignment> open(OpenAssignmentsQuery query) {
        throw new UnsupportedOperationException("not measured");
    }

    @Override
    public long countOpen(String unitId, DeadlineRange deadlines) {
        throw new UnsupportedOperationException("not measured");
    }

    @Override
    public long remindedCount(String unitId) {
        throw new UnsupportedOperationException("not measured");
    }

    @Override
    public long remindedRedCount(String unitId) {
        throw new UnsupportedOperationException("not measured");
    }

    @Override
    public List<String> dueForReminder(Instant now, int limit) {
        List<String> due = new ArrayList<>(Math.min(limit, 1024));
        for (Key key : nextCheck) {
            if (key.at().isAfter(now) || due.size() == limit) {
                break;
            }
            due.add(key.id());
        }
        return due;
    }

    int size() {
        return byId.size();
    }

    int indexed() {
        return nextCheck.size();
    }
}
