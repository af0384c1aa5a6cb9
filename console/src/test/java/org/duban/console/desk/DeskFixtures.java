package org.duban.console.desk;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.duban.client.intake.model.Assignment;
import org.duban.client.intake.model.AssignmentKind;
import org.duban.client.intake.model.AssignmentPage;
import org.duban.client.intake.model.AssignmentStatus;
import org.duban.client.intake.model.Category;
import org.duban.client.intake.model.Channel;
import org.duban.client.intake.model.ModelCase;
import org.duban.client.intake.model.Origin;
import org.duban.client.intake.model.Petitioner;
import org.duban.client.notification.model.InboxMessage;
import org.duban.client.notification.model.InboxPage;
import org.duban.client.supervision.model.Measure;
import org.duban.client.supervision.model.MeasureKind;
import org.duban.client.supervision.model.MeasurePage;
import org.duban.client.supervision.model.MeasureStatus;
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
 * The unit's objects as the platform answers them. Deadlines lie a whole number of days from now (the
 * console counts days from the real clock), so "剩 3 天" and "超期 2 天" read the same whenever the tests run.
 */
final class DeskFixtures {

    static final String UNIT = ConsoleFixtures.CHENGGUAN.getId();
    static final String OTHER_UNIT = ConsoleFixtures.EDUCATION_BUREAU.getId();
    static final String CASE_TITLE = "小区加装电梯纠纷";

    private DeskFixtures() {
    }

    static OffsetDateTime daysFromNow(int days) {
        return OffsetDateTime.now(ZoneOffset.UTC).plusDays(days).plusHours(12); // mid-day: the count reads {@code days} whenever the test runs
    }

    // --- inbox ---

    static InboxMessage unreadMessage(String id, String title) {
        return new InboxMessage().id(id).unitId(UNIT).eventType("duban.assignment.issued.v1").caseId("case-1")
                .assignmentId("asg-1").title(title).body("督查督办科向本单位交办信访事项，请及时签收。")
                .createdAt(daysFromNow(-1)).read(false);
    }

    static InboxMessage acknowledged(InboxMessage message, String by) {
        return new InboxMessage().id(message.getId()).unitId(UNIT).eventType(message.getEventType())
                .caseId(message.getCaseId()).assignmentId(message.getAssignmentId()).title(message.getTitle())
                .body(message.getBody()).createdAt(message.getCreatedAt()).read(true)
                .acknowledgedAt(OffsetDateTime.of(2026, 12, 3, 2, 5, 0, 0, ZoneOffset.UTC)).acknowledgedBy(by);
    }

    static InboxPage inboxPage(long unread, int page, int totalPages, InboxMessage... messages) {
        return new InboxPage().items(List.of(messages)).unread(unread)
                .page(new org.duban.client.notification.model.PageInfo().page(page).size(20)
                        .totalElements((long) totalPages * 20).totalPages(totalPages));
    }

    // --- assignments ---

    /** An assignment issued two days ago: acceptance due in 13 days, result in 58, objection in 3. */
    static Assignment assignment(String id, AssignmentStatus status) {
        OffsetDateTime issued = daysFromNow(-2);
        Assignment assignment = new Assignment().id(id).caseId("case-1").caseTitle(CASE_TITLE).unitId(UNIT)
                .kind(AssignmentKind.ASSIGN).status(status).issuedAt(issued).acceptanceDueAt(daysFromNow(13))
                .dueAt(daysFromNow(58)).objectionDueAt(daysFromNow(3)).instructions("请于期限内书面答复信访人。")
                .sendBacks(0).progress(new ArrayList<>()).extensions(new ArrayList<>());
        if (status != AssignmentStatus.ASSIGNED && status != AssignmentStatus.OBJECTED) {
            assignment.acceptedAt(daysFromNow(-1)).noticeSentAt(daysFromNow(-1));
        }
        return assignment;
    }

    static AssignmentPage assignmentPage(int page, int totalPages, Assignment... assignments) {
        return new AssignmentPage().items(List.of(assignments))
                .page(new org.duban.client.intake.model.PageInfo().page(page).size(20)
                        .totalElements((long) totalPages * 20).totalPages(totalPages));
    }

    static ModelCase matter() {
        return new ModelCase().id("case-1").title(CASE_TITLE).summary("低层住户反对加装电梯，双方多次发生争执。")
                .channel(Channel.VISIT).origin(Origin.SELF).category(Category.URBAN_RURAL_CONSTRUCTION)
                .petitioner(new Petitioner().name("刘建国").phone("13800001111").idNumber("330102198001011234"))
                .prominent(true).whistleblowing(false).accusedUnitIds(List.of()).firstTime(true).backlog(false)
                .registeredAt(daysFromNow(-3));
    }

    // --- supervision ---

    static SupervisionOrder order(String id, SupervisionOrderStatus status) {
        return new SupervisionOrder().id(id).assignmentId("asg-1").caseId("case-1").unitId(UNIT)
                .trigger(SupervisionTrigger.OVERDUE).form(SupervisionForm.LETTER).status(status).automatic(false)
                .note("请说明超期原因及下一步安排。").responseDueAt(daysFromNow(3)).overdue(false).reopenCount(0)
                .createdAt(daysFromNow(-2)).openedAt(daysFromNow(-2));
    }

    static SupervisionOrderPage orderPage(int page, int totalPages, SupervisionOrder... orders) {
        return new SupervisionOrderPage().items(List.of(orders))
                .page(new org.duban.client.supervision.model.PageInfo().page(page).size(20)
                        .totalElements((long) totalPages * 20).totalPages(totalPages));
    }

    static Measure measure(String id, MeasureKind kind, MeasureStatus status) {
        Measure measure = new Measure().id(id).kind(kind).unitId(UNIT).assignmentId("asg-1").caseId("case-1")
                .reason("多次超期未办结。").status(status).overdue(false).issuedAt(daysFromNow(-5));
        if (kind == MeasureKind.INTERVIEW) {
            measure.scheduledAt(OffsetDateTime.of(2026, 12, 10, 1, 30, 0, 0, ZoneOffset.UTC));
        } else if (kind == MeasureKind.WRITTEN_SELF_REVIEW || kind == MeasureKind.RECTIFICATION_ORDER) {
            measure.dueAt(daysFromNow(5));
        }
        return measure;
    }

    static MeasurePage measurePage(int page, int totalPages, Measure... measures) {
        return new MeasurePage().items(List.of(measures))
                .page(new org.duban.client.supervision.model.PageInfo().page(page).size(20)
                        .totalElements((long) totalPages * 20).totalPages(totalPages));
    }

    static Recommendation recommendation(String id, boolean answered) {
        Recommendation recommendation = new Recommendation().id(id).kind(RecommendationKind.IMPROVE_WORK).unitId(UNIT)
                .assignmentId("asg-1").caseId("case-1").text("建议建立加装电梯矛盾调处台账。")
                .feedbackDueAt(daysFromNow(-2)).answered(answered).overdue(!answered).issuedAt(daysFromNow(-32));
        if (answered) {
            recommendation.adopted(true).answer("已建立台账，每周更新。").answeredAt(daysFromNow(-3)).answeredLate(false);
        }
        return recommendation;
    }

    static RecommendationPage recommendationPage(int page, int totalPages, Recommendation... recommendations) {
        return new RecommendationPage().items(List.of(recommendations))
                .page(new org.duban.client.supervision.model.PageInfo().page(page).size(20)
                        .totalElements((long) totalPages * 20).totalPages(totalPages));
    }

    /** The platform's answer for a missing object, or another unit's. */
    static RuntimeException notFound(String what, String id) {
        return ConsoleFixtures.refusal(404, """
                {"type":"urn:duban:problem:not-found","title":"Not Found","status":404,
                 "detail":"%s %s does not exist","requestId":"req-404"}""".formatted(what, id));
    }

    /** A rule the platform refuses with a 409 that names no state, e.g. a closed objection window. */
    static RuntimeException conflict(String detail) {
        return ConsoleFixtures.refusal(409, """
                {"type":"urn:duban:problem:conflict","title":"Conflict","status":409,"detail":"%s"}""".formatted(detail));
    }
}
