package org.duban.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Alert;
import org.openqa.selenium.NoAlertPresentException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A supervisor's and a unit's day in the console, in real browsers (Debian's chromium), through the whole
 * platform started by {@code ./duban}: the supervisor registers the units and a matter, prints the receipt
 * and assigns it; the unit is told in its inbox, signs for it, accepts it; a supervision order is opened
 * and answered; the unit reports and the supervisor approves; the board, the timeline and the statistics
 * follow each step; another unit sees none of it. Every page is saved as a screenshot under
 * {@code target/screenshots}. The steps run in order, each building on the last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(SharedPlatform.class)
class ConsoleBrowserIT {

    private static final Duration EVENTS = Duration.ofSeconds(60);
    private static final String RUN = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    private static final String TITLE = "小区加装电梯纠纷（" + RUN + "）";
    private static final String UNIT_NAME = "城关街道办事处" + RUN;
    private static final String OTHER_UNIT_NAME = "东城街道办事处" + RUN;

    private static Path screenshots;
    private static Browser supervisor;
    private static Browser unit;
    private static Browser otherUnit;
    private static final List<String> browserErrors = new ArrayList<>();

    private static String unitId;
    private static String otherUnitId;
    private static String caseId;
    private static String assignmentId;
    private static String orderId;
    private static long assignmentsBefore;
    private static long ordersBefore;

    @BeforeAll
    static void browsers() throws Exception {
        assumeTrue(Browser.unavailable().isEmpty(), () -> "browser tests skipped: " + Browser.unavailable().orElseThrow());
        screenshots = Path.of(System.getProperty("duban.work")).getParent().resolve("screenshots");
        if (Files.isDirectory(screenshots)) {
            try (var old = Files.list(screenshots)) {
                for (Path file : old.toList()) {
                    Files.delete(file); // this run's pictures only
                }
            }
        }
        Files.createDirectories(screenshots);
        String console = SharedPlatform.platform().gatewayUrl();
        supervisor = new Browser("supervisor", console, screenshots);
        unit = new Browser("unit", console, screenshots);
        otherUnit = new Browser("other-unit", console, screenshots);
    }

    @AfterAll
    static void closeBrowsers() {
        for (Browser browser : new Browser[] {supervisor, unit, otherUnit}) {
            if (browser != null) {
                browser.close();
            }
        }
    }

    @Test
    @Order(1)
    void aSupervisorSignsInAndRegistersTwoUnits() {
        // when
        signIn(supervisor, "zhang.wei", "SUPERVISOR", null);

        // then: the board is the supervisor's start
        assertThat(supervisor.path()).startsWith("/board");
        assertThat(supervisor.text("h1")).isEqualTo("督办看板");
        supervisor.screenshot("board-first");
        assignmentsBefore = countOnStatistics("交办");
        ordersBefore = countOnStatistics("督办");

        unitId = registerUnit("CG" + RUN, UNIT_NAME, "王芳", "0571-88000000");
        otherUnitId = registerUnit("DC" + RUN, OTHER_UNIT_NAME, "李雷", "0571-88000001");
        supervisor.open("/units");
        assertThat(supervisor.pageText()).contains(UNIT_NAME, OTHER_UNIT_NAME);
        supervisor.screenshot("units");
    }

    @Test
    @Order(2)
    void theSupervisorRegistersAMatterAndPrintsItsReceipt() {
        // given
        supervisor.open("/matters/new");
        supervisor.screenshot("matter-new");

        // when
        supervisor.type("title", TITLE)
                .type("summary", "反映小区加装电梯协调不力，一楼住户反对，已多次到街道反映。")
                .chooseValue("channel", "VISIT").chooseValue("origin", "SELF")
                .chooseValue("category", "URBAN_RURAL_CONSTRUCTION")
                .type("petitioner.name", "李某").type("petitioner.idNumber", "330102198001011234")
                .type("petitioner.phone", "13800000000")
                .click("#field-prominent")
                .type("leaderInCharge", "王副区长");
        supervisor.follow("form[action='/matters'] button[type=submit]");

        // then: the receipt with the query code, printable
        assertThat(supervisor.path()).matches("/matters/[^/]+/receipt");
        caseId = supervisor.path().split("/")[2];
        String queryCode = supervisor.text(".query-code__value");
        assertThat(queryCode).isNotBlank();
        assertThat(supervisor.pageText()).contains(TITLE, "查询码");
        supervisor.screenshot("receipt");
        Path printed = supervisor.printToPdf("receipt");
        assertThat(printed).isNotEmptyFile();
    }

    @Test
    @Order(3)
    void theSupervisorAssignsTheMatterAndTheBoardShowsItsAcceptanceDeadline() {
        // given
        supervisor.open("/matters/" + caseId);
        assertThat(supervisor.pageText()).contains(TITLE, "李某");

        // when
        supervisor.chooseValue("unitId", unitId).click("#kind-ASSIGN")
                .type("instructions", "请于期限内答复信访人并报送办结报告。");
        submitConfirmed(supervisor, "form[action$='/assignments'] button[type=submit]");

        // then
        assertThat(supervisor.pageText()).contains(UNIT_NAME, "待签收");
        supervisor.screenshot("matter-assigned");
        supervisor.open("/board?unitId=" + unitId).awaitText(EVENTS, TITLE, "受理期限");
        supervisor.screenshot("board");
    }

    @Test
    @Order(4)
    void theUnitIsToldInItsInboxSignsForTheMessageAndAcceptsTheAssignment() {
        // when
        signIn(unit, "wang.fang", "UNIT", unitId);

        // then: its inbox has the message (events carry the matter's number, not its title)
        assertThat(unit.path()).startsWith("/desk");
        unit.awaitText(EVENTS, "新交办事项", caseId);
        unit.screenshot("inbox");
        unit.click(".inbox-message form[action$='/ack'] button");
        unit.awaitOnPage(Duration.ofSeconds(10), page -> page.pageText().contains("已签收"));
        unit.screenshot("inbox-signed");

        // and the assignment, accepted with the notice sent now
        unit.open("/desk/assignments");
        assertThat(unit.pageText()).contains(TITLE);
        unit.screenshot("assignments");
        unit.follow("a[href^='/desk/assignments/']");
        assignmentId = unit.path().substring("/desk/assignments/".length());
        unit.screenshot("assignment-assigned");
        unit.follow("form#accept button[type=submit]");
        assertThat(unit.pageText()).contains("办理中");
        unit.screenshot("assignment-accepted");

        supervisor.open("/board?unitId=" + unitId).awaitText(EVENTS, TITLE, "办结期限");
    }

    @Test
    @Order(5)
    void aSupervisionOrderIsOpenedFromTheBoardAndTheUnitAnswersIt() {
        // given: the board's line leads to the order form
        supervisor.open("/board?unitId=" + unitId);
        supervisor.follow("a[href='/supervision/orders/new?assignmentId=" + assignmentId + "']");
        supervisor.screenshot("order-new");

        // when
        supervisor.chooseValue("trigger", "DELAYING").chooseValue("form", "PHONE")
                .type("note", "请加快协调进度，三日内书面回复。");
        supervisor.follow("form[action='/supervision/orders'] button[type=submit]");

        // then
        assertThat(supervisor.path()).startsWith("/supervision/orders/");
        orderId = supervisor.path().substring("/supervision/orders/".length());
        assertThat(supervisor.pageText()).contains("待回复", "拖延");
        supervisor.screenshot("order-open");

        // the unit answers it
        unit.open("/desk/supervision").awaitText(EVENTS, "拖延");
        unit.screenshot("desk-supervision");
        unit.open("/desk/orders/" + orderId);
        unit.type("text", "已落实专人，本周内与一楼住户再次协商并书面答复。");
        submitConfirmed(unit, "form[action$='/response'] button[type=submit]");
        assertThat(unit.pageText()).contains("已回复");
        unit.screenshot("order-answered");

        // and the supervisor closes it
        supervisor.open("/supervision/orders/" + orderId).awaitText(EVENTS, "已回复");
        submitConfirmed(supervisor, "form[action$='/close'] button[type=submit]");
        assertThat(supervisor.pageText()).contains("已办结");
        supervisor.screenshot("order-closed");
    }

    @Test
    @Order(6)
    void theUnitSubmitsItsFinalReportAndTheSupervisorApprovesIt() {
        // when: the final report (三到位一处理)
        unit.open("/desk/assignments/" + assignmentId);
        unit.click("input[name=outcome][value=SOLVED]").click("input[name=resolved][value=YES]")
                .type("summary", "经多次协调，一楼住户同意加装方案，电梯已开工，已电话答复信访人。");
        submitConfirmed(unit, "form#final-report button[type=submit]");

        // then
        assertThat(unit.pageText()).contains("待审核");
        unit.screenshot("assignment-reported");

        // the supervisor finds it waiting for review and approves it
        supervisor.open("/review").awaitText(EVENTS, TITLE);
        supervisor.screenshot("review");
        supervisor.open("/assignments/" + assignmentId);
        supervisor.click("input[name=decision][value=APPROVE]");
        submitConfirmed(supervisor, "form[action$='/review'] button[type=submit]");
        assertThat(supervisor.pageText()).contains("已办结");
        supervisor.screenshot("assignment-concluded");
    }

    @Test
    @Order(7)
    void theBoardTheTimelineAndTheStatisticsFollowEveryStep() {
        // the concluded assignment has left the board
        supervisor.open("/board?unitId=" + unitId);
        supervisor.awaitOnPage(EVENTS, page -> {
            page.driver().navigate().refresh();
            return !page.pageText().contains(TITLE);
        });

        // the timeline holds every step, its hash chain intact
        supervisor.open("/matters/" + caseId)
                .awaitText(EVENTS, "登记信访事项", "交办", "签收", "督办", "回复督办", "提交办结报告", "审核通过", "轨迹完整，未被篡改");
        supervisor.screenshot("matter-timeline");

        // the statistics count the assignment and the order, with the monthly chart drawn
        supervisor.open("/statistics");
        assertThat(supervisor.pageText()).contains("按期受理率", "满意率");
        supervisor.awaitOnPage(EVENTS, page -> {
            page.driver().navigate().refresh();
            return countOnStatistics("交办") >= assignmentsBefore + 1 && countOnStatistics("督办") >= ordersBefore + 1;
        });
        supervisor.awaitOnPage(Duration.ofSeconds(20), page -> !page.findAll(".chart canvas").isEmpty());
        supervisor.screenshot("statistics");
    }

    @Test
    @Order(8)
    void anotherUnitSeesNoneOfItAndItsURLsAnswerTheNotFoundPage() {
        // when
        signIn(otherUnit, "li.lei", "UNIT", otherUnitId);

        // then: nothing of the first unit's work on its desk
        assertThat(otherUnit.pageText()).doesNotContain(TITLE);
        otherUnit.open("/desk/assignments");
        assertThat(otherUnit.pageText()).doesNotContain(TITLE);
        otherUnit.screenshot("desk-empty");

        // and every address of it is the console's not-found page
        for (String path : List.of("/desk/assignments/" + assignmentId, "/desk/orders/" + orderId,
                "/matters/" + caseId, "/assignments/" + assignmentId, "/board")) {
            otherUnit.open(path);
            assertThat(otherUnit.text("h1")).as(path).isEqualTo("未找到");
            assertThat(otherUnit.pageText()).as(path).doesNotContain(TITLE);
        }
        otherUnit.screenshot("not-found");
    }

    @Test
    @Order(9)
    void everyFieldOfEveryPageHasALabel() {
        for (Browser browser : new Browser[] {supervisor, unit, otherUnit}) {
            assertThat(browser.unlabelledSoFar()).isEmpty();
        }
    }

    @Test
    @Order(10)
    void noPageBrokeTheContentSecurityPolicyOrLoggedAnError() {
        for (Browser browser : new Browser[] {supervisor, unit, otherUnit}) {
            browserErrors.addAll(browser.errorsLogged());
        }
        assertThat(browserErrors).filteredOn(error -> error.contains("Content Security Policy")).isEmpty();
        assertThat(browserErrors).filteredOn(error -> !error.contains("/errors/") && !error.contains(" 404 ")
                && !error.contains("status of 404")).isEmpty();
    }

    /** A headline count of the statistics page this year (交办, 转送, 督办), as the supervisor reads it. */
    private static long countOnStatistics(String label) {
        if (!supervisor.path().startsWith("/statistics")) {
            supervisor.open("/statistics");
        }
        for (org.openqa.selenium.WebElement figure : supervisor.findAll(".figure")) {
            if (figure.findElement(org.openqa.selenium.By.cssSelector(".figure__label")).getText().strip().equals(label)) {
                return Long.parseLong(figure.findElement(org.openqa.selenium.By.cssSelector(".figure__number")).getText().strip());
            }
        }
        throw new AssertionError("no count " + label + " on the statistics page:\n" + supervisor.pageText());
    }

    private static void signIn(Browser browser, String subject, String role, String unit) {
        browser.open("/signin").type("subject", subject).click("#role-" + role);
        if (unit != null) {
            browser.chooseValue("unitId", unit);
        }
        browser.screenshot("signin");
        browser.follow("form[action='/signin'] button[type=submit]");
    }

    private static String registerUnit(String code, String name, String contact, String phone) {
        supervisor.open("/units/new").type("code", code).type("name", name).chooseValue("kind", "SUB_DISTRICT")
                .type("contacts[0].name", contact).type("contacts[0].phone", phone);
        supervisor.follow("form[action='/units'] button.button--primary");
        assertThat(supervisor.path()).startsWith("/units/");
        assertThat(supervisor.text("h1")).isEqualTo(name);
        supervisor.screenshot("unit");
        return supervisor.path().substring("/units/".length());
    }

    /** Submits a form that asks for confirmation first (data-confirm), answering yes. */
    private static void submitConfirmed(Browser browser, String button) {
        browser.navigating(() -> {
            browser.click(button);
            try {
                Alert confirm = browser.driver().switchTo().alert();
                confirm.accept();
            } catch (NoAlertPresentException e) {
                // a form that does not ask: submitted already
            }
        });
    }
}
