package org.duban.console.review;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.duban.client.intake.api.AssignmentsApi;
import org.duban.client.intake.model.AssignmentPage;
import org.duban.client.intake.model.AssignmentStatus;
import org.duban.console.assignments.PendingExtension;
import org.duban.console.platform.UnitDirectory;
import org.duban.console.security.ConsoleUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 待办审核 (supervisors): what the units submitted and the office must decide — final reports to review,
 * objections and extension requests to decide — each list with its count and its own paging. The
 * decisions are taken on the assignment's page; a final report can also be approved from here.
 */
@Controller
class ReviewController {

    static final int LINES_PER_SECTION = 10;

    private final AssignmentsApi assignments;
    private final UnitDirectory units;

    ReviewController(AssignmentsApi assignments, UnitDirectory units) {
        this.assignments = assignments;
        this.units = units;
    }

    @GetMapping("/review")
    String review(ConsoleUser user, @RequestParam(defaultValue = "0") int reportsPage,
            @RequestParam(defaultValue = "0") int objectionsPage, @RequestParam(defaultValue = "0") int extensionsPage,
            HttpServletRequest request, Model model) {
        Map<String, String> unitNames = units.names(user);
        ReviewSection reports = section("reports", assignments.listAssignments(AssignmentStatus.REPORTED, null, null,
                null, Math.max(0, reportsPage), LINES_PER_SECTION), unitNames, request);
        ReviewSection objections = section("objections", assignments.listAssignments(AssignmentStatus.OBJECTED, null,
                null, null, Math.max(0, objectionsPage), LINES_PER_SECTION), unitNames, request);
        ReviewSection extensions = section("extensions", assignments.listAssignments(null, null, null, true,
                Math.max(0, extensionsPage), LINES_PER_SECTION), unitNames, request);
        model.addAttribute("reports", reports);
        model.addAttribute("objections", objections);
        model.addAttribute("extensions", extensions);
        model.addAttribute("sections", List.of(reports, objections, extensions));
        return "review/index";
    }

    private static ReviewSection section(String name, AssignmentPage found, Map<String, String> unitNames,
            HttpServletRequest request) {
        return ReviewSection.of(name, found.getItems().stream()
                .map(assignment -> new ReviewLine(assignment,
                        unitNames.getOrDefault(assignment.getUnitId(), assignment.getUnitId()),
                        PendingExtension.of(assignment)))
                .toList(), found.getPage(), request);
    }
}
