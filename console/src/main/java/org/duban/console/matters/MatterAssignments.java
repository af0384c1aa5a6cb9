package org.duban.console.matters;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.duban.client.intake.api.AssignmentsApi;
import org.duban.client.intake.model.Assignment;
import org.duban.client.intake.model.AssignmentPage;
import org.duban.client.intake.model.AssignmentStatus;
import org.duban.console.web.Deadlines;
import org.springframework.stereotype.Component;

/**
 * A matter's assignments (交办 / 转送), newest first, with the days left of the deadlines that still run:
 * the acceptance deadline until the unit accepts, the result deadline until the unit reports. Days are
 * counted by the office's calendar days; a deadline passed earlier today is already one day overdue.
 */
@Component
class MatterAssignments {

    /** More than a matter ever gets; beyond it the page says how many are not listed. */
    static final int MOST = 100;

    private static final Set<AssignmentStatus> ACCEPTANCE_RUNS = EnumSet.of(AssignmentStatus.ASSIGNED);
    private static final Set<AssignmentStatus> RESULT_RUNS =
            EnumSet.of(AssignmentStatus.ASSIGNED, AssignmentStatus.OBJECTED, AssignmentStatus.ACCEPTED);

    private final AssignmentsApi assignments;
    private final Clock clock;

    MatterAssignments(AssignmentsApi assignments, Clock clock) {
        this.assignments = assignments;
        this.clock = clock;
    }

    /** The lines, and how many assignments the matter has in all. */
    Lines of(String caseId) {
        AssignmentPage found = assignments.listAssignments(null, null, caseId, null, 0, MOST);
        List<AssignmentLine> lines = found.getItems().stream().map(this::line).toList();
        return new Lines(lines, found.getPage().getTotalElements());
    }

    record Lines(List<AssignmentLine> lines, long total) {
    }

    private AssignmentLine line(Assignment assignment) {
        AssignmentStatus status = assignment.getStatus();
        return new AssignmentLine(assignment,
                deadline(assignment.getAcceptanceDueAt(), ACCEPTANCE_RUNS.contains(status)),
                deadline(assignment.getDueAt(), RESULT_RUNS.contains(status)));
    }

    private AssignmentLine.Deadline deadline(OffsetDateTime at, boolean runs) {
        if (at == null || !runs) {
            return new AssignmentLine.Deadline(at, null);
        }
        return new AssignmentLine.Deadline(at, Deadlines.daysLeft(at, clock.instant()));
    }
}
