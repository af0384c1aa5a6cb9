package org.duban.console.assignments;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.duban.client.intake.api.AssignmentsApi;
import org.duban.client.intake.model.AssignmentPage;
import org.duban.client.intake.model.AssignmentStatus;
import org.duban.console.platform.UnitDirectory;
import org.duban.console.security.ConsoleUser;
import org.duban.console.web.PageView;
import org.duban.console.web.TypedInput;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 交办事项 (supervisors; leaders read): the assignments across units, newest first, filtered by unit and
 * state; and one assignment as a supervisor follows it, with the decisions waiting on it.
 */
@Controller
class AssignmentsController {

    static final int LINES_PER_PAGE = 20;

    private final AssignmentsApi assignments;
    private final UnitDirectory units;
    private final AssignmentDetails details;
    private final Clock clock;

    AssignmentsController(AssignmentsApi assignments, UnitDirectory units, AssignmentDetails details, Clock clock) {
        this.assignments = assignments;
        this.units = units;
        this.details = details;
        this.clock = clock;
    }

    /** Filters that do not parse are dropped: the list then shows every assignment rather than an error. */
    @GetMapping("/assignments")
    String list(ConsoleUser user, @RequestParam(required = false) String unitId,
            @RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page,
            HttpServletRequest request, Model model) {
        String unit = TypedInput.text(unitId);
        AssignmentStatus chosenStatus = TypedInput.option(status, AssignmentStatus.class);
        AssignmentPage found = assignments.listAssignments(chosenStatus, unit, null, null, Math.max(0, page),
                LINES_PER_PAGE);
        Map<String, String> unitNames = units.names(user);
        Instant now = clock.instant();
        model.addAttribute("lines", found.getItems().stream()
                .map(assignment -> AssignmentLine.of(assignment, unitNames, now)).toList());
        model.addAttribute("page", PageView.of(request, "/assignments", found.getPage()));
        model.addAttribute("unitId", unit);
        model.addAttribute("unitName", unit == null ? null : unitNames.getOrDefault(unit, unit));
        model.addAttribute("status", chosenStatus == null ? null : chosenStatus.getValue());
        model.addAttribute("units", units.all(user));
        model.addAttribute("statuses", AssignmentStatus.values());
        return "assignments/index";
    }

    @GetMapping("/assignments/{assignmentId}")
    String assignment(ConsoleUser user, @PathVariable String assignmentId, Model model) {
        return details.show(user, assignmentId, DecisionForms.blank(), null, model);
    }
}
