package org.duban.reporting.projection;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@link IssuedAssignments} in a map. */
public final class InMemoryIssuedAssignments implements IssuedAssignments {

    private final Map<String, IssuedAssignment> assignments = new ConcurrentHashMap<>();

    @Override
    public void save(IssuedAssignment assignment) {
        assignments.put(assignment.assignmentId(), assignment);
    }

    @Override
    public Optional<IssuedAssignment> find(String assignmentId) {
        return Optional.ofNullable(assignments.get(assignmentId));
    }
}
