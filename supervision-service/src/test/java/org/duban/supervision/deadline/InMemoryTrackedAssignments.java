package org.duban.supervision.deadline;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.duban.platform.domain.Page;

/** The tracked assignments in a map, with the store's versioning, order and paging. */
final class InMemoryTrackedAssignments implements TrackedAssignments {

    private final Map<String, TrackedAssignment> stored = new LinkedHashMap<>();
    int saves;

    @Override
    public Optional<TrackedAssignment> find(String assignmentId) {
        return Optional.ofNullable(stored.get(assignmentId));
    }

    @Override
    public void save(TrackedAssignment assignment) {
        TrackedAssignment current = stored.get(assignment.assignmentId());
        long currentVersion = current == null ? TrackedAssignment.UNSAVED : current.version();
        if (currentVersion != assignment.version()) {
            throw new IllegalStateException("stale version of " + assignment.assignmentId());
        }
        stored.put(assignment.assignmentId(), new TrackedAssignment(assignment.assignmentId(), assignment.caseId(),
                assignment.unitId(), assignment.kind(), assignment.acceptanceDueAt(), assignment.dueAt(),
                assignment.status(), assignment.trackedSince(), assignment.acceptedAt(), assignment.version() + 1));
        saves++;
    }

    @Override
    public Page<TrackedAssignment> open(OpenAssignmentsQuery query) {
        List<TrackedAssignment> matching = stored.values().stream()
                .filter(query::matches)
                .sorted(Comparator.comparing((TrackedAssignment a) -> a.applicableDeadline().orElseThrow().at())
                        .thenComparing(TrackedAssignment::assignmentId))
                .toList();
        List<TrackedAssignment> items = matching.stream()
                .skip(query.page().offset()).limit(query.page().size()).toList();
        return new Page<>(items, query.page(), matching.size());
    }
}
