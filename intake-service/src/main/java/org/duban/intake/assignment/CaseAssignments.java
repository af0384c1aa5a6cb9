package org.duban.intake.assignment;

import java.util.ArrayList;
import java.util.List;

import org.duban.platform.domain.Page;
import org.duban.platform.domain.PageRequest;

/**
 * Every assignment of one matter, for features that tell the matter's story without a caller of their own
 * (the petitioner's public progress). What they show of it is theirs to decide.
 */
public final class CaseAssignments {

    private final Assignments assignments;

    public CaseAssignments(Assignments assignments) {
        this.assignments = assignments;
    }

    /** The matter's assignments, cancelled ones included, as they stand (newest first). */
    public List<AssignmentSnapshot> of(String caseId) {
        AssignmentFilter filter = new AssignmentFilter(null, null, caseId, null);
        List<AssignmentSnapshot> found = new ArrayList<>();
        for (int page = 0; ; page++) {
            Page<Assignment> batch = assignments.list(filter, new PageRequest(page, PageRequest.MAX_SIZE));
            batch.items().forEach(assignment -> found.add(assignment.snapshot()));
            if (batch.items().size() < PageRequest.MAX_SIZE) {
                return found;
            }
        }
    }
}
