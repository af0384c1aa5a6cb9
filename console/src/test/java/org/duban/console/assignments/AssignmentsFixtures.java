package org.duban.console.assignments;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.duban.client.intake.model.Assignment;
import org.duban.client.intake.model.AssignmentExtension;
import org.duban.client.intake.model.AssignmentFinalReport;
import org.duban.client.intake.model.AssignmentKind;
import org.duban.client.intake.model.AssignmentObjection;
import org.duban.client.intake.model.AssignmentPage;
import org.duban.client.intake.model.AssignmentProgressNote;
import org.duban.client.intake.model.AssignmentStatus;
import org.duban.client.intake.model.ExtensionStatus;
import org.duban.client.intake.model.FinalReportOutcome;
import org.duban.client.intake.model.PageInfo;
import org.duban.client.supervision.model.SupervisionForm;
import org.duban.client.supervision.model.SupervisionOrder;
import org.duban.client.supervision.model.SupervisionOrderPage;
import org.duban.client.supervision.model.SupervisionOrderStatus;
import org.duban.client.supervision.model.SupervisionTrigger;
import org.duban.console.ConsoleFixtures;

/**
 * Assignments in each state a supervisor meets, as the platform answers them. The console counts the days
 * left against the real clock, so deadlines lie a whole number of days and a half from the moment the
 * fixture is made (the count cannot flip while a test runs).
 */
public final class AssignmentsFixtures {

    public static final String ASSIGNMENT_ID = "asg-1";
    public static final String CASE_ID = "case-1";
    public static final String TITLE = "小区加装电梯纠纷";

    private AssignmentsFixtures() {
    }

    /** Now, to the minute (the platform's times carry no seconds in these fixtures). */
    public static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES);
    }

    /** A deadline {@code days} and a half from now: "剩 N 天" for N ≥ 0, "超期 N 天" for a negative one. */
    public static OffsetDateTime inDays(int days) {
        return now().plusDays(days).plusHours(12);
    }

    /** Signed for, being handled, its result deadline passed two and a half days ago (超期 3 天). */
    public static Assignment overdue() {
        OffsetDateTime issued = now().minusDays(62);
        return new Assignment().id(ASSIGNMENT_ID).caseId(CASE_ID).caseTitle(TITLE)
                .unitId(ConsoleFixtures.CHENGGUAN.getId()).kind(AssignmentKind.ASSIGN).status(AssignmentStatus.ACCEPTED)
                .issuedAt(issued).acceptanceDueAt(issued.plusDays(15)).dueAt(inDays(-3))
                .objectionDueAt(issued.plusDays(7)).instructions("请于期限内妥善处理并答复信访人。")
                .acceptedAt(issued.plusDays(1)).noticeSentAt(issued.plusDays(1).plusHours(2))
                .progress(List.of(
                        new AssignmentProgressNote().id("p-1").note("已约谈物业公司。").reportedAt(issued.plusDays(10)),
                        new AssignmentProgressNote().id("p-2").note("已组织业主协商。").reportedAt(issued.plusDays(20))))
                .extensions(new ArrayList<>(List.of(new AssignmentExtension().id("ext-0").days(10).reason("需协调住建部门。")
                        .requestedAt(issued.plusDays(30)).status(ExtensionStatus.REJECTED).note("理由不充分。")
                        .decidedAt(issued.plusDays(31)))))
                .sendBacks(0);
    }

    /** Waiting to be signed for: the acceptance deadline runs (剩 N 天), the result one too. */
    public static Assignment assigned(int acceptanceDaysLeft) {
        OffsetDateTime issued = now().minusDays(2);
        return new Assignment().id(ASSIGNMENT_ID).caseId(CASE_ID).caseTitle(TITLE)
                .unitId(ConsoleFixtures.CHENGGUAN.getId()).kind(AssignmentKind.TRANSFER).status(AssignmentStatus.ASSIGNED)
                .issuedAt(issued).acceptanceDueAt(inDays(acceptanceDaysLeft)).dueAt(inDays(40)).sendBacks(0);
    }

    /** Its final report waits for review. */
    public static Assignment reported() {
        return overdue().status(AssignmentStatus.REPORTED).dueAt(inDays(5)).sendBacks(1)
                .reviewReason("请补充答复信访人的书面材料。")
                .finalReport(new AssignmentFinalReport().outcome(FinalReportOutcome.SOLVED).resolved(true)
                        .summary("已协调物业加装电梯，答复信访人。").repliedAt(now().minusDays(1))
                        .submittedAt(now().minusHours(3)).withinDeadline(true));
    }

    /** The unit objected; the objection waits for a decision. */
    public static Assignment objected() {
        return assigned(10).kind(AssignmentKind.ASSIGN).status(AssignmentStatus.OBJECTED)
                .objection(new AssignmentObjection().reason("该事项属区教育局职责。").objectedAt(now().minusDays(1)));
    }

    /** Being handled, an extension request of 15 days waiting for a decision. */
    public static Assignment withPendingExtension() {
        Assignment assignment = overdue().dueAt(inDays(6));
        assignment.addExtensionsItem(new AssignmentExtension().id("ext-1").days(15).reason("需协调多个部门。")
                .requestedAt(now().minusHours(5)).status(ExtensionStatus.PENDING));
        return assignment;
    }

    /** Concluded after review. */
    public static Assignment concluded() {
        return reported().status(AssignmentStatus.CONCLUDED).closedAt(now().minusHours(1));
    }

    public static AssignmentPage page(List<Assignment> items, int page, long totalElements, int totalPages) {
        return new AssignmentPage().items(items)
                .page(new PageInfo().page(page).size(20).totalElements(totalElements).totalPages(totalPages));
    }

    public static AssignmentPage pageOf(Assignment... items) {
        return page(List.of(items), 0, items.length, items.length == 0 ? 0 : 1);
    }

    public static SupervisionOrder order() {
        return new SupervisionOrder().id("ord-1").assignmentId(ASSIGNMENT_ID).caseId(CASE_ID)
                .unitId(ConsoleFixtures.CHENGGUAN.getId()).trigger(SupervisionTrigger.OVERDUE).form(SupervisionForm.LETTER)
                .status(SupervisionOrderStatus.OPEN).automatic(true).responseDueAt(inDays(4)).overdue(false)
                .reopenCount(0).createdAt(now().minusDays(2));
    }

    public static SupervisionOrderPage orders(SupervisionOrder... orders) {
        return new SupervisionOrderPage().items(List.of(orders))
                .page(new org.duban.client.supervision.model.PageInfo().page(0).size(50)
                        .totalElements((long) orders.length).totalPages(orders.length == 0 ? 0 : 1));
    }
}
