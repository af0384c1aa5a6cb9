package org.duban.console.matters;

import java.time.OffsetDateTime;
import java.util.List;

import org.duban.client.intake.model.AssignmentStatus;
import org.duban.client.intake.model.ReissuedQueryCode;
import org.duban.console.ConsoleFixtures;
import org.duban.console.ConsoleTest;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.console.matters.MattersFixtures.CASE_ID;
import static org.duban.console.security.local.SignedInUsers.leader;
import static org.duban.console.security.local.SignedInUsers.supervisor;
import static org.duban.console.security.local.SignedInUsers.unit;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 补发查询码 in the console: a supervisor, asked to confirm, has a new query code issued for a lost receipt
 * and gets the receipt with the new code shown once; leaders and units cannot, a form without its CSRF
 * token changes nothing.
 */
class QueryCodeReissueControllerTest extends ConsoleTest {

    private static final String NEW_CODE = "K7M2QX9PRT4W";

    @BeforeEach
    void aMatterWithItsPage() {
        when(cases.getCase(CASE_ID)).thenReturn(MattersFixtures.matter());
        when(assignments.listAssignments(any(), any(), eq(CASE_ID), any(), any(), any())).thenReturn(
                MattersFixtures.assignmentPage(List.of(MattersFixtures.assignment("asg-1", AssignmentStatus.ACCEPTED))));
        when(evaluations.listEvaluations(CASE_ID)).thenReturn(MattersFixtures.evaluations());
        when(timelines.getTimeline(CASE_ID)).thenReturn(MattersFixtures.timeline());
        when(timelines.verifyTimeline(CASE_ID)).thenReturn(MattersFixtures.intact());
        when(cases.reissueQueryCode(CASE_ID)).thenReturn(new ReissuedQueryCode().caseId(CASE_ID).queryCode(NEW_CODE)
                .reissuedAt(OffsetDateTime.parse("2026-12-03T09:15:30Z")));
    }

    @Test
    void aSupervisorsMatterPageOffersToReissueTheQueryCodeAskingFirst() throws Exception {
        // when
        Document matter = page(get("/matters/case-1").with(supervisor()));

        // then
        assertThat(matter.select("form#reissue-query-code")).singleElement().satisfies(form -> {
            assertThat(form.attr("action")).isEqualTo("/matters/case-1/query-code");
            assertThat(form.attr("method")).isEqualTo("post");
            assertThat(form.attr("data-confirm")).contains("原查询码将立即作废");
            assertThat(form.select("input[name=_csrf]").val()).isNotBlank();
            assertThat(form.select("button").text()).isEqualTo("补发查询码");
        });
    }

    @Test
    void aLeaderIsNotOfferedToReissue() throws Exception {
        // given
        when(cases.getCase(CASE_ID)).thenReturn(MattersFixtures.matterWithoutPetitioner());

        // when
        Document matter = page(get("/matters/case-1").with(leader()));
        Document receipt = page(get("/matters/case-1/receipt").with(leader()));

        // then
        assertThat(matter.select("form#reissue-query-code")).isEmpty();
        assertThat(receipt.select("form#reissue-query-code")).isEmpty();
    }

    @Test
    void aReissuedCodeLeadsToTheReceiptShowingTheNewCodeOnceAndNeverInTheAddress() throws Exception {
        // given
        MockHttpSession session = new MockHttpSession();

        // when
        MvcResult reissued = mvc.perform(post("/matters/case-1/query-code").session(session).with(supervisor())
                        .with(csrf()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/matters/case-1/receipt"))
                .andExpect(flash().attribute("queryCode", NEW_CODE))
                .andExpect(flash().attribute("flash", "matters.queryCode.reissued"))
                .andReturn();
        Document receipt = page(get(reissued.getResponse().getRedirectedUrl()).session(session).with(supervisor()));
        Document reloaded = page(get("/matters/case-1/receipt").session(session).with(supervisor()));

        // then
        verify(cases).reissueQueryCode(CASE_ID);
        assertThat(reissued.getResponse().getRedirectedUrl()).doesNotContain(NEW_CODE);
        assertThat(receipt.select(".query-code__value").text()).isEqualTo(NEW_CODE);
        assertThat(receipt.select(".flash").text()).contains("已补发新的查询码，原查询码已作废");
        assertThat(receipt.select("h1").text()).isEqualTo("信访事项回执");
        assertThat(reloaded.text()).doesNotContain(NEW_CODE);
        assertThat(reloaded.select(".query-code--absent form#reissue-query-code")).hasSize(1);
    }

    @Test
    void aMatterChangedMeanwhileGoesBackToItsPageSayingTheCodeWasNotReissued() throws Exception {
        // given
        when(cases.reissueQueryCode(CASE_ID)).thenThrow(ConsoleFixtures.refusal(409, """
                {"type":"urn:duban:problem:state-conflict","status":409,"detail":"cases case-1 was changed concurrently"}"""));

        // when / then
        mvc.perform(post("/matters/case-1/query-code").with(supervisor()).with(csrf()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/matters/case-1"))
                .andExpect(flash().attribute("flash", "matters.queryCode.notReissued"))
                .andExpect(flash().attributeCount(1));
    }

    @Test
    void aMatterThatDoesNotExistIsTheNotFoundPage() throws Exception {
        // given
        when(cases.reissueQueryCode("case-x")).thenThrow(ConsoleFixtures.refusal(404, """
                {"type":"urn:duban:problem:not-found","status":404,"detail":"case case-x was not found"}"""));

        // when / then
        mvc.perform(post("/matters/case-x/query-code").with(supervisor()).with(csrf()))
                .andExpect(status().isNotFound());
    }

    @Test
    void withoutItsCsrfTokenOrAsALeaderOrAUnitNothingIsReissued() throws Exception {
        mvc.perform(post("/matters/case-1/query-code").with(supervisor()))
                .andExpect(status().isForbidden())
                .andExpect(forwardedUrl("/errors/expired-form"));
        mvc.perform(post("/matters/case-1/query-code").with(leader()).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/matters/case-1/query-code").with(unit(ConsoleFixtures.CHENGGUAN.getId())).with(csrf()))
                .andExpect(status().isNotFound());
        verify(cases, never()).reissueQueryCode(anyString());
    }
}
