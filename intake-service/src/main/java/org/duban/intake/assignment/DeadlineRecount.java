package org.duban.intake.assignment;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Counts provisional deadlines again once the office calendar holds the official years they were
 * counted through (SPEC §3): run at start-up, when a new year file is read. Each assignment is one
 * version-guarded write of its new deadlines together with the event recording the change, so any number
 * of instances may run it at once: the first write wins, the others find the assignment changed, read it
 * again and find nothing left to change. Counting again on an unchanged calendar changes nothing.
 */
public final class DeadlineRecount {

    private static final int ATTEMPTS = 3;

    private final Assignments assignments;
    private final ProvisionalAssignments provisional;
    private final AssignmentService.AssignmentSupport support;

    public DeadlineRecount(Assignments assignments, ProvisionalAssignments provisional,
            AssignmentService.AssignmentSupport support) {
        this.assignments = assignments;
        this.provisional = provisional;
        this.support = support;
    }

    /**
     * Counts every open assignment's provisional deadlines again. One that fails (say, changed
     * concurrently three times) does not stop the others; it is named in the answer and counted again at
     * the next start.
     */
    public Recount recountProvisionalDeadlines() {
        List<Integer> officialYears = List.copyOf(support.policy().calendar().coveredYears());
        List<String> candidates = provisional.openWithProvisionalDeadlines();
        int changed = 0;
        List<String> failed = new ArrayList<>();
        for (String id : candidates) {
            try {
                if (recount(id, officialYears)) {
                    changed++;
                }
            } catch (RuntimeException e) {
                failed.add(id + ": " + e.getMessage());
            }
        }
        return new Recount(candidates.size(), changed, failed);
    }

    /** What a recount did: assignments looked at, changed, and those that failed with the reason. */
    public record Recount(int examined, int changed, List<String> failed) {
    }

    private boolean recount(String id, List<Integer> officialYears) {
        for (int attempt = 1; ; attempt++) {
            Optional<Assignment> found = assignments.find(id);
            if (found.isEmpty()) {
                return false;
            }
            Assignment assignment = found.get();
            if (!assignment.recountDeadlines(support.policy(), officialYears, support.clock().instant())) {
                return false;
            }
            if (assignments.tryUpdate(assignment)) {
                return true;
            }
            if (attempt == ATTEMPTS) {
                throw new IllegalStateException("changed concurrently " + ATTEMPTS + " times");
            }
        }
    }
}
