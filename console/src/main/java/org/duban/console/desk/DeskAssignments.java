package org.duban.console.desk;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.duban.client.intake.model.Assignment;
import org.duban.client.intake.model.AssignmentExtension;
import org.duban.client.intake.model.AssignmentObjection;
import org.duban.client.intake.model.AssignmentStatus;
import org.duban.client.intake.model.ExtensionStatus;
import org.springframework.stereotype.Component;

/**
 * Reads an assignment the way its unit works on it: what is expected next, its deadlines in days, and
 * its history as one list in time order. Nothing here decides anything: it only reads what the platform
 * answered.
 */
@Component
class DeskAssignments {

    /** The states in which the result deadline binds the unit (SPEC §3: overdue is derived for these). */
    private static final Set<AssignmentStatus> RESULT_RUNNING =
            Set.of(AssignmentStatus.ASSIGNED, AssignmentStatus.ACCEPTED, AssignmentStatus.OBJECTED);

    private final UnitDeadlines deadlines;
    private final Clock clock;

    DeskAssignments(UnitDeadlines deadlines, Clock clock) {
        this.deadlines = deadlines;
        this.clock = clock;
    }

    DeskAssignment read(Assignment assignment) {
        AssignmentStatus status = assignment.getStatus();
        AssignmentExtension pending = assignment.getExtensions().stream()
                .filter(extension -> extension.getStatus() == ExtensionStatus.PENDING).findFirst().orElse(null);
        int extended = assignment.getExtensions().stream()
                .filter(extension -> extension.getStatus() == ExtensionStatus.APPROVED)
                .mapToInt(AssignmentExtension::getDays).sum();
        return new DeskAssignment(assignment, nextStep(assignment, pending),
                deadlines.of(assignment.getAcceptanceDueAt(), status == AssignmentStatus.ASSIGNED),
                deadlines.of(assignment.getDueAt(), RESULT_RUNNING.contains(status)), pending, extended);
    }

    /** Whether the unit may still object: ASSIGNED and within the objection window (when the platform gave one). */
    boolean mayObject(Assignment assignment) {
        return assignment.getStatus() == AssignmentStatus.ASSIGNED
                && (assignment.getObjectionDueAt() == null
                    || clock.instant().isBefore(assignment.getObjectionDueAt().toInstant()));
    }

    private static String nextStep(Assignment assignment, AssignmentExtension pending) {
        AssignmentStatus status = assignment.getStatus();
        if (status == AssignmentStatus.ACCEPTED && pending != null) {
            return "ACCEPTED_EXTENSION_PENDING";
        }
        if (status == AssignmentStatus.ACCEPTED && assignment.getSendBacks() != null && assignment.getSendBacks() > 0) {
            return "ACCEPTED_SENT_BACK";
        }
        return status.getValue();
    }

    /** Everything that happened to the assignment, oldest first. */
    List<HistoryEntry> history(Assignment assignment) {
        List<HistoryEntry> entries = new ArrayList<>();
        entries.add(new HistoryEntry(assignment.getIssuedAt(), "ISSUED", assignment));
        if (assignment.getAcceptedAt() != null) {
            entries.add(new HistoryEntry(assignment.getAcceptedAt(), "ACCEPTED", assignment));
        }
        AssignmentObjection objection = assignment.getObjection();
        if (objection != null) {
            entries.add(new HistoryEntry(objection.getObjectedAt(), "OBJECTED", objection));
            if (objection.getDecidedAt() != null) {
                entries.add(new HistoryEntry(objection.getDecidedAt(), "OBJECTION_DECIDED", objection));
            }
        }
        assignment.getProgress().forEach(note -> entries.add(new HistoryEntry(note.getReportedAt(), "PROGRESS", note)));
        for (AssignmentExtension extension : assignment.getExtensions()) {
            entries.add(new HistoryEntry(extension.getRequestedAt(), "EXTENSION_REQUESTED", extension));
            if (extension.getDecidedAt() != null) {
                entries.add(new HistoryEntry(extension.getDecidedAt(), "EXTENSION_DECIDED", extension));
            }
        }
        if (assignment.getFinalReport() != null) {
            entries.add(new HistoryEntry(assignment.getFinalReport().getSubmittedAt(), "FINAL_REPORT",
                    assignment.getFinalReport()));
        }
        if (assignment.getClosedAt() != null && (assignment.getStatus() == AssignmentStatus.CONCLUDED
                || assignment.getStatus() == AssignmentStatus.CANCELLED)) {
            entries.add(new HistoryEntry(assignment.getClosedAt(), assignment.getStatus().getValue(), assignment));
        }
        entries.removeIf(entry -> entry.at() == null);
        entries.sort(Comparator.comparing(HistoryEntry::at));
        return entries;
    }
}
