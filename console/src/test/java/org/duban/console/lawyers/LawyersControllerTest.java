package org.duban.console.lawyers;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import org.duban.client.intake.model.LawyerDutySession;
import org.duban.client.intake.model.LawyerDutySessionPage;
import org.duban.client.intake.model.LawyerParticipation;
import org.duban.client.intake.model.LawyerParticipationKind;
import org.duban.client.intake.model.LawyerParticipationPage;
import org.duban.client.intake.model.PageInfo;
import org.duban.client.intake.model.RecordLawyerDutySessionRequest;
import org.duban.client.intake.model.RecordLawyerParticipationRequest;
import org.duban.console.ConsoleFixtures;
import org.duban.console.ConsoleTest;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.console.security.local.SignedInUsers.leader;
import static org.duban.console.security.local.SignedInUsers.supervisor;
import static org.duban.console.security.local.SignedInUsers.unit;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** 律师参与 in the console: the two lists by period, the forms for supervisors, refusals beside their fields. */
class LawyersControllerTest extends ConsoleTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    private static final LocalDate YEAR_START = TODAY.withDayOfYear(1);
    private static final OffsetDateTime RECORDED = OffsetDateTime.parse("2026-03-02T09:30:00Z");

    @BeforeEach
    void theRecords() {
        when(lawyers.listLawyerDutySessions(any(), any(), anyInt(), anyInt())).thenReturn(new LawyerDutySessionPage()
                .items(List.of(new LawyerDutySession().id("ses-1").heldOn(LocalDate.of(2026, 3, 2)).lawyerName("赵律师")
                        .visitorsReceived(7).note("周一坐班").recordedAt(RECORDED)))
                .page(new PageInfo().page(0).size(20).totalElements(1L).totalPages(1)));
        when(lawyers.listLawyerParticipations(any(), any(), any(), any(), anyInt(), anyInt()))
                .thenReturn(new LawyerParticipationPage()
                        .items(List.of(new LawyerParticipation().id("lp-1").caseId("case-1").caseTitle("小区加装电梯纠纷")
                                .kind(LawyerParticipationKind.MEDIATION).lawyerName("钱律师")
                                .participatedOn(LocalDate.of(2026, 3, 3)).note("调解成功").recordedAt(RECORDED)))
                        .page(new PageInfo().page(0).size(20).totalElements(1L).totalPages(1)));
    }

    @Test
    void aSupervisorSeesThisYearsDutySessionsAndAFormWhoseEveryFieldIsLabelled() throws Exception {
        // when
        Document page = page(get("/lawyers").with(supervisor()));

        // then
        verify(lawyers).listLawyerDutySessions(YEAR_START, YEAR_START.plusYears(1), 0, 20);
        assertThat(page.select("h1").text()).isEqualTo("律师坐班接访");
        assertThat(page.select("nav.primary-nav a.current").text()).isEqualTo("律师参与");
        assertThat(page.select("#sessions tbody tr").text()).isEqualTo("2026-03-02 赵律师 7 周一坐班 2026-03-02 17:30");
        assertThat(page.select("#field-from").val()).isEqualTo(YEAR_START.toString());
        Element form = page.selectFirst("#record-session form");
        assertThat(form.attr("action")).isEqualTo("/lawyers/duty-sessions");
        assertThat(form.select("#field-heldOn").val()).isEqualTo(TODAY.toString());
        for (Element input : form.select("input:not([type=hidden]), select, textarea")) {
            assertThat(page.select("label[for=" + input.id() + "]")).as("label of %s", input.id()).isNotEmpty();
        }
        assertThat(form.select("label").eachText()).contains("坐班日期", "律师姓名", "接待群众（人次）", "说明（选填）");
    }

    @Test
    void recordingASessionSendsTheTypedDayAndNumberWithTheFormsKeyAndComesBackToTheList() throws Exception {
        // given
        when(lawyers.recordLawyerDutySession(any(), anyString())).thenReturn(new LawyerDutySession().id("ses-2"));

        // when
        mvc.perform(post("/lawyers/duty-sessions").with(supervisor()).with(csrf())
                        .param("heldOn", "2026-03-02").param("lawyerName", " 赵律师 ").param("visitorsReceived", "7")
                        .param("note", "").param("idempotencyKey", "key-1"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/lawyers"))
                .andExpect(flash().attribute("flash", "lawyers.session.recorded"));

        // then
        ArgumentCaptor<RecordLawyerDutySessionRequest> sent = ArgumentCaptor.forClass(RecordLawyerDutySessionRequest.class);
        verify(lawyers).recordLawyerDutySession(sent.capture(), eq("key-1"));
        assertThat(sent.getValue()).isEqualTo(new RecordLawyerDutySessionRequest().heldOn(LocalDate.of(2026, 3, 2))
                .lawyerName("赵律师").visitorsReceived(7));
    }

    @Test
    void aSessionThePlatformRefusesComesBackWithEachErrorBesideItsFieldAndWhatWasTyped() throws Exception {
        // given
        when(lawyers.recordLawyerDutySession(any(), anyString())).thenThrow(ConsoleFixtures.refusal(400, """
                {"type":"urn:duban:problem:invalid-request","status":400,"detail":"The request is not valid",
                 "errors":[{"field":"heldOn","message":"must not be in the future"},
                           {"field":"visitorsReceived","message":"must be greater than or equal to 0"}]}"""));

        // when
        Document page = page(post("/lawyers/duty-sessions").with(supervisor()).with(csrf())
                .param("heldOn", "2099-01-01").param("lawyerName", "赵律师").param("visitorsReceived", "-3")
                .param("idempotencyKey", "key-2"));

        // then
        assertThat(page.select(".error-summary__list a").eachText())
                .containsExactly("坐班日期：不能晚于当前时间", "接待群众（人次）：不能小于 0");
        assertThat(page.select("#error-heldOn").text()).isEqualTo("不能晚于当前时间");
        assertThat(page.select("#error-visitorsReceived").text()).isEqualTo("不能小于 0");
        assertThat(page.select("#field-heldOn").val()).isEqualTo("2099-01-01");
        assertThat(page.select("#field-visitorsReceived").val()).isEqualTo("-3");
        assertThat(page.select("input[name=idempotencyKey]").val()).isEqualTo("key-2");
        assertThat(page.select("#sessions tbody tr")).as("the list is still there").hasSize(1);
    }

    @Test
    void aNumberOfVisitorsThatIsNoNumberIsRefusedBesideItsFieldWithoutCallingThePlatform() throws Exception {
        // when
        Document page = page(post("/lawyers/duty-sessions").with(supervisor()).with(csrf())
                .param("heldOn", "2026-03-02").param("lawyerName", "赵律师").param("visitorsReceived", "七")
                .param("idempotencyKey", "key-3"));

        // then
        assertThat(page.select("#error-visitorsReceived").text()).isEqualTo("格式不正确");
        verify(lawyers, never()).recordLawyerDutySession(any(), any());
    }

    @Test
    void leadersReadWithoutFormsAndMayNotPostUnitsFindNothingAndAPostWithoutCsrfIsRefused() throws Exception {
        // when
        Document sessions = page(get("/lawyers").with(leader()));
        Document participations = page(get("/lawyers/participations").with(leader()));

        // then
        assertThat(sessions.select("#sessions tbody tr")).hasSize(1);
        assertThat(sessions.select("#record-session")).isEmpty();
        assertThat(participations.select("#record-participation")).isEmpty();
        mvc.perform(post("/lawyers/duty-sessions").with(leader()).with(csrf()).param("heldOn", "2026-03-02"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/lawyers").with(unit(ConsoleFixtures.CHENGGUAN.getId()))).andExpect(status().isNotFound());
        mvc.perform(post("/lawyers/duty-sessions").with(supervisor()).param("heldOn", "2026-03-02"))
                .andExpect(status().isForbidden());
        verify(lawyers, never()).recordLawyerDutySession(any(), any());
    }

    @Test
    void aMattersParticipationsAreListedAndItsNumberIsFilledInTheForm() throws Exception {
        // when
        Document page = page(get("/lawyers/participations").param("caseId", "case-1").param("kind", "MEDIATION")
                .with(supervisor()));

        // then
        verify(lawyers).listLawyerParticipations(YEAR_START, YEAR_START.plusYears(1), "case-1",
                LawyerParticipationKind.MEDIATION, 0, 20);
        assertThat(page.select("#participations tbody tr").text())
                .isEqualTo("2026-03-03 参与调解 小区加装电梯纠纷 钱律师 调解成功");
        assertThat(page.select("#participations a").attr("href")).isEqualTo("/matters/case-1");
        assertThat(page.select("#record-participation #field-caseId").val()).isEqualTo("case-1");
        assertThat(page.select("#record-participation #field-kind option").eachText())
                .containsExactly("请选择", "参与调解", "法律意见");
        Element form = page.selectFirst("#record-participation form");
        for (Element input : form.select("input:not([type=hidden]), select, textarea")) {
            assertThat(form.select("label[for=" + input.id() + "]")).as("label of %s", input.id()).isNotEmpty();
        }
    }

    @Test
    void recordingAParticipationSendsItAndAnUnknownMatterIsSaidBesideTheNumber() throws Exception {
        // given
        when(lawyers.recordLawyerParticipation(any(), anyString()))
                .thenReturn(new LawyerParticipation().id("lp-2"))
                .thenThrow(ConsoleFixtures.invalid("caseId", "not a registered matter: case-x"));

        // when
        mvc.perform(post("/lawyers/participations").with(supervisor()).with(csrf()).param("caseId", "case-1")
                        .param("kind", "LEGAL_OPINION").param("lawyerName", "孙律师").param("participatedOn", "2026-03-03")
                        .param("idempotencyKey", "key-4"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/lawyers/participations"))
                .andExpect(flash().attribute("flash", "lawyers.participation.recorded"));
        Document refused = page(post("/lawyers/participations").with(supervisor()).with(csrf())
                .param("caseId", "case-x").param("kind", "MEDIATION").param("lawyerName", "孙律师")
                .param("participatedOn", "2026-03-03").param("idempotencyKey", "key-5"));

        // then
        ArgumentCaptor<RecordLawyerParticipationRequest> sent =
                ArgumentCaptor.forClass(RecordLawyerParticipationRequest.class);
        verify(lawyers).recordLawyerParticipation(sent.capture(), eq("key-4"));
        assertThat(sent.getValue()).isEqualTo(new RecordLawyerParticipationRequest().caseId("case-1")
                .kind(LawyerParticipationKind.LEGAL_OPINION).lawyerName("孙律师")
                .participatedOn(LocalDate.of(2026, 3, 3)));
        assertThat(refused.select("#error-caseId").text()).isEqualTo("不是已登记的信访事项：case-x");
        assertThat(refused.select(".error-summary__list a").eachText())
                .containsExactly("信访事项编号：不是已登记的信访事项：case-x");
        assertThat(refused.select("#field-caseId").val()).isEqualTo("case-x");
        assertThat(refused.select("#field-kind option[selected]").val()).isEqualTo("MEDIATION");
    }

    @Test
    void aPeriodThatDoesNotParseIsShownBesideItsFieldAndNothingIsAsked() throws Exception {
        // when
        Document page = page(get("/lawyers").param("from", "2026-02-30").param("to", "2026-04-01").with(supervisor()));

        // then
        assertThat(page.select("#error-from").text()).isEqualTo("格式不正确");
        verify(lawyers, never()).listLawyerDutySessions(any(), any(), anyInt(), anyInt());
    }
}
