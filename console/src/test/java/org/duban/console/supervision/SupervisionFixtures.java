package org.duban.console.supervision;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.duban.client.intake.model.Assignment;
import org.duban.client.intake.model.AssignmentKind;
import org.duban.client.intake.model.AssignmentStatus;
import org.duban.client.intake.model.CasePage;
import org.duban.client.intake.model.CaseSummary;
import org.duban.client.supervision.model.Measure;
import org.duban.client.supervision.model.MeasureKind;
import org.duban.client.supervision.model.MeasurePage;
import org.duban.client.supervision.model.MeasureStatus;
import org.duban.client.supervision.model.PageInfo;
import org.duban.client.supervision.model.Recommendation;
import org.duban.client.supervision.model.RecommendationKind;
import org.duban.client.supervision.model.RecommendationPage;
import org.duban.client.supervision.model.SupervisionForm;
import org.duban.client.supervision.model.SupervisionOrder;
import org.duban.client.supervision.model.SupervisionOrderPage;
import org.duban.client.supervision.model.SupervisionOrderStatus;
import org.duban.client.supervision.model.SupervisionTrigger;
import org.duban.console.ConsoleFixtures;

/**
 * Supervision orders, recommendations and measures as the platform answers them, on the assignment
 * {@value #ASSIGNMENT_ID} of the matter {@value #CASE_ID} handled by 城关街道办事处. Deadlines lie relative to
 * the real clock (the console counts days left with it), rounded to the minute.
 */
public final class SupervisionFixtures {

    public static final String ASSIGNMENT_ID = "asg-1";
    public static final String CASE_ID = "case-1";
    public static final String CASE_TITLE = "小区加装电梯纠纷";
    public static final String UNIT_ID = ConsoleFixtures.CHENGGUAN.getId();
    public static final String UNIT_NAME = ConsoleFixtures.CHENGGUAN.getName();

    private SupervisionFixtures() {
    }

    /** Now, to the minute, in UTC. */
    public static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES);
    }

    /** An order a supervisor opened, waiting for the unit's response due in 5 days and some hours. */
    public static SupervisionOrder openOrder(String id) {
        return new SupervisionOrder().id(id).assignmentId(ASSIGNMENT_ID).caseId(CASE_ID).unitId(UNIT_ID)
                .trigger(SupervisionTrigger.DELAYING).form(SupervisionForm.LETTER).status(SupervisionOrderStatus.OPEN)
                .automatic(false).note("请于期限内书面回复办理情况。").responseDueAt(now().plusDays(5).plusHours(3))
                .overdue(false).reopenCount(0).createdAt(now().minusDays(2)).openedAt(now().minusDays(2));
    }

    /** An order the office policy proposed when the assignment turned overdue: no form, no deadline yet. */
    public static SupervisionOrder proposal(String id) {
        return new SupervisionOrder().id(id).assignmentId(ASSIGNMENT_ID).caseId(CASE_ID).unitId(UNIT_ID)
                .trigger(SupervisionTrigger.OVERDUE).status(SupervisionOrderStatus.PROPOSED).automatic(true)
                .overdue(false).reopenCount(0).createdAt(now().minusHours(5));
    }

    /** An open order whose response deadline passed 3 days and some hours ago. */
    public static SupervisionOrder overdueOrder(String id) {
        return openOrder(id).responseDueAt(now().minusDays(3).minusHours(2)).overdue(true);
    }

    /** An order the unit answered, late. */
    public static SupervisionOrder respondedOrder(String id) {
        return openOrder(id).status(SupervisionOrderStatus.RESPONDED).response("已约谈相关责任人，正在整改。")
                .respondedAt(now().minusHours(1)).respondedLate(true).reopenCount(1);
    }

    public static SupervisionOrder closedOrder(String id) {
        return respondedOrder(id).status(SupervisionOrderStatus.CLOSED).closedAt(now()).closeNote("整改已落实。");
    }

    public static SupervisionOrderPage orderPage(List<SupervisionOrder> orders, int page, long total, int pages) {
        return new SupervisionOrderPage().items(orders).page(pageInfo(page, total, pages));
    }

    public static SupervisionOrderPage orderCount(long total) {
        return orderPage(List.of(), 0, total, (int) Math.min(total, Integer.MAX_VALUE));
    }

    /** The assignment the orders follow: accepted, its result deadline passed. */
    public static Assignment assignment() {
        return new Assignment().id(ASSIGNMENT_ID).caseId(CASE_ID).caseTitle(CASE_TITLE).unitId(UNIT_ID)
                .kind(AssignmentKind.ASSIGN).status(AssignmentStatus.ACCEPTED).issuedAt(now().minusDays(65))
                .acceptanceDueAt(now().minusDays(50)).dueAt(now().minusDays(5));
    }

    /** The registry's answer for the matters' titles. */
    public static CasePage titles() {
        return new CasePage().items(List.of(new CaseSummary().id(CASE_ID).title(CASE_TITLE)))
                .page(new org.duban.client.intake.model.PageInfo().page(0).size(1).totalElements(1L).totalPages(1));
    }

    /** An improve-work recommendation to the unit, waiting for its answer due in 10 days. */
    public static Recommendation toUnit(String id) {
        return new Recommendation().id(id).kind(RecommendationKind.IMPROVE_WORK).unitId(UNIT_ID)
                .assignmentId(ASSIGNMENT_ID).caseId(CASE_ID).text("建议规范受理告知程序，按时书面告知信访人。")
                .feedbackDueAt(now().plusDays(10).plusHours(1)).answered(false).overdue(false)
                .issuedAt(now().minusDays(20));
    }

    /** An accountability recommendation to 区纪委监委 concerning the unit, its answer overdue by 2 days. */
    public static Recommendation toOutsideBody(String id) {
        return new Recommendation().id(id).kind(RecommendationKind.ACCOUNTABILITY).unitId(UNIT_ID)
                .addressee("区纪委监委").text("建议追究相关责任人敷衍塞责的责任。")
                .feedbackDueAt(now().minusDays(2).minusHours(1)).answered(false).overdue(true)
                .issuedAt(now().minusDays(32));
    }

    public static Recommendation answered(Recommendation recommendation) {
        return recommendation.answered(true).overdue(false).adopted(true).answer("已采纳，已对相关责任人作出处理。")
                .answeredAt(now().minusDays(1)).answeredLate(true);
    }

    public static RecommendationPage recommendationPage(List<Recommendation> items, int page, long total, int pages) {
        return new RecommendationPage().items(items).page(pageInfo(page, total, pages));
    }

    /** A written self-review the unit must submit within 7 days. */
    public static Measure selfReview(String id) {
        return new Measure().id(id).kind(MeasureKind.WRITTEN_SELF_REVIEW).unitId(UNIT_ID).assignmentId(ASSIGNMENT_ID)
                .caseId(CASE_ID).supervisionId("so-1").reason("督办后仍拖延办理。").status(MeasureStatus.AWAITING_SUBMISSION)
                .dueAt(now().plusDays(7).plusHours(2)).overdue(false).issuedAt(now().minusDays(1));
    }

    /** An interview scheduled for 2026-12-10 09:30 office time. */
    public static Measure scheduledInterview(String id) {
        return new Measure().id(id).kind(MeasureKind.INTERVIEW).unitId(UNIT_ID).reason("多次超期未办结。")
                .status(MeasureStatus.SCHEDULED).scheduledAt(OffsetDateTime.parse("2026-12-10T01:30:00Z"))
                .overdue(false).issuedAt(now().minusDays(3));
    }

    public static MeasurePage measurePage(List<Measure> items, int page, long total, int pages) {
        return new MeasurePage().items(items).page(pageInfo(page, total, pages));
    }

    private static PageInfo pageInfo(int page, long total, int pages) {
        return new PageInfo().page(page).size(20).totalElements(total).totalPages(pages);
    }
}
