package org.duban.console.matters;

import java.time.OffsetDateTime;
import java.util.List;

import org.duban.client.intake.model.Assignment;
import org.duban.client.intake.model.AssignmentKind;
import org.duban.client.intake.model.AssignmentPage;
import org.duban.client.intake.model.AssignmentStatus;
import org.duban.client.intake.model.CasePage;
import org.duban.client.intake.model.CaseSummary;
import org.duban.client.intake.model.Category;
import org.duban.client.intake.model.Channel;
import org.duban.client.intake.model.Evaluation;
import org.duban.client.intake.model.EvaluationRating;
import org.duban.client.intake.model.EvaluationHistory;
import org.duban.client.intake.model.ModelCase;
import org.duban.client.intake.model.Origin;
import org.duban.client.intake.model.PageInfo;
import org.duban.client.intake.model.Petitioner;
import org.duban.client.reporting.model.Timeline;
import org.duban.client.reporting.model.TimelineActor;
import org.duban.client.reporting.model.TimelineEntry;
import org.duban.client.reporting.model.TimelineVerification;
import org.duban.console.ConsoleFixtures;

/** The platform's answers about matters, as the generated client returns them. */
final class MattersFixtures {

    static final OffsetDateTime REGISTERED_AT = ConsoleFixtures.NOW.minusDays(10);
    static final String CASE_ID = "case-1";
    static final String QUERY_CODE = "QC7F3K27MD";

    private MattersFixtures() {
    }

    /** A matter as a supervisor reads it: with its petitioner. */
    static ModelCase matter() {
        return new ModelCase().id(CASE_ID).title("小区加装电梯纠纷").summary("信访人反映小区加装电梯意见不一。")
                .channel(Channel.VISIT).origin(Origin.SELF).category(Category.URBAN_RURAL_CONSTRUCTION)
                .petitioner(new Petitioner().name("张三").idNumber("330102199001011234").phone("13800000000"))
                .prominent(true).whistleblowing(false).accusedUnitIds(List.of()).firstTime(true).backlog(false)
                .leaderInCharge("王副区长").registeredAt(REGISTERED_AT);
    }

    /** The same matter as a leader reads it: the API leaves the petitioner out. */
    static ModelCase matterWithoutPetitioner() {
        return matter().petitioner(null);
    }

    /** A whistleblowing repeat petition that accuses the education bureau. */
    static ModelCase whistleblowingMatter() {
        return matter().whistleblowing(true).accusedUnitIds(List.of(ConsoleFixtures.EDUCATION_BUREAU.getId()))
                .firstTime(false).repeatOfCaseId("case-0").backlog(true);
    }

    static CaseSummary summary(String id, String title) {
        return new CaseSummary().id(id).title(title).channel(Channel.LETTER).origin(Origin.CITY)
                .category(Category.EDUCATION).prominent(false).whistleblowing(false).firstTime(true)
                .registeredAt(REGISTERED_AT);
    }

    static CasePage casePage(List<CaseSummary> items, int page, long total, int pages) {
        return new CasePage().items(items).page(new PageInfo().page(page).size(20).totalElements(total).totalPages(pages));
    }

    static Assignment assignment(String id, AssignmentStatus status) {
        return new Assignment().id(id).caseId(CASE_ID).caseTitle("小区加装电梯纠纷")
                .unitId(ConsoleFixtures.CHENGGUAN.getId()).kind(AssignmentKind.ASSIGN).status(status)
                .issuedAt(ConsoleFixtures.NOW.minusDays(20)).acceptanceDueAt(ConsoleFixtures.NOW.minusDays(5))
                .dueAt(ConsoleFixtures.NOW.plusDays(40));
    }

    static AssignmentPage assignmentPage(List<Assignment> items) {
        return new AssignmentPage().items(items).page(new PageInfo().page(0).size(100)
                .totalElements((long) items.size()).totalPages(1));
    }

    static EvaluationHistory evaluations(Evaluation... items) {
        return new EvaluationHistory().caseId(CASE_ID).items(List.of(items));
    }

    static Evaluation evaluation(String id, EvaluationRating rating, Evaluation.ChannelEnum channel, boolean current) {
        return new Evaluation().id(id).caseId(CASE_ID).rating(rating).channel(channel).current(current)
                .recordedAt(ConsoleFixtures.NOW.minusDays(1)).comment(current ? "对处理结果满意" : null);
    }

    /** Two entries: registered by a supervisor, assigned to 城关街道. */
    static Timeline timeline() {
        return new Timeline().caseId(CASE_ID).entries(List.of(
                new TimelineEntry().sequence(2L).eventId("e-2").type("duban.assignment.issued.v1")
                        .at(REGISTERED_AT.plusHours(1)).actor(new TimelineActor().subject("zhang.wei").role("SUPERVISOR"))
                        .unitId(ConsoleFixtures.CHENGGUAN.getId()).what("交办（办结期限 2027-01-12）")
                        .previousHash("a".repeat(64)).hash("b".repeat(64)),
                new TimelineEntry().sequence(1L).eventId("e-1").type("duban.case.registered.v1").at(REGISTERED_AT)
                        .actor(new TimelineActor().subject("zhang.wei").role("SUPERVISOR")).what("登记信访事项")
                        .previousHash("0".repeat(64)).hash("a".repeat(64))));
    }

    static TimelineVerification intact() {
        return new TimelineVerification().caseId(CASE_ID).entries(2L).intact(true);
    }

    static TimelineVerification brokenAt(long sequence) {
        return new TimelineVerification().caseId(CASE_ID).entries(2L).intact(false).firstBrokenSequence(sequence)
                .reason("its content does not match its hash");
    }
}
