package org.duban.console.desk;

import org.duban.client.intake.api.AssignmentsApi;
import org.duban.console.platform.PlatformProblem;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What the pages where the unit answers the office in writing (a supervision order, a measure, a
 * recommendation) share: the subject with its deadline, the matter it concerns, the form and its refusal.
 */
@Component
class AnswerPages {

    private final AssignmentsApi assignments;

    AnswerPages(AssignmentsApi assignments) {
        this.assignments = assignments;
    }

    /**
     * @param assignmentId the assignment the subject concerns, for its matter's title (left out when there
     *                     is none, or the unit may no longer read it)
     */
    void show(Model model, DeskLine<?> line, String assignmentId, Object form, PlatformProblem problem) {
        model.addAttribute("line", line);
        model.addAttribute("assignment",
                assignmentId == null ? null : Found.orNull(() -> assignments.getAssignment(assignmentId)));
        model.addAttribute("form", form);
        model.addAttribute("problem", problem);
    }
}
