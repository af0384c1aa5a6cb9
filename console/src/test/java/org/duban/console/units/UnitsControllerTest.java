package org.duban.console.units;

import java.util.List;

import org.duban.client.intake.model.RegisterUnitRequest;
import org.duban.client.intake.model.Unit;
import org.duban.client.intake.model.UnitContact;
import org.duban.client.intake.model.UnitKind;
import org.duban.client.reporting.model.Rate;
import org.duban.client.reporting.model.UnitScorecard;
import org.duban.client.reporting.model.UnitScorecards;
import org.duban.client.supervision.model.EscalationProposal;
import org.duban.client.supervision.model.EscalationReason;
import org.duban.client.supervision.model.EscalationStep;
import org.duban.console.ConsoleFixtures;
import org.duban.console.ConsoleTest;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import static org.assertj.core.api.Assertions.assertThat;
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

class UnitsControllerTest extends ConsoleTest {

    @Test
    void theRegistryListsTheUnitsWithTheirKindInChinese() throws Exception {
        // when
        Document registry = page(get("/units").with(leader()));

        // then
        assertThat(registry.select("tbody tr")).hasSize(2);
        assertThat(registry.select("tbody").text()).contains("城关街道办事处", "街道", "区教育局", "区级部门");
        assertThat(registry.select("a[href='/units/new']")).as("leaders register nothing").isEmpty();
    }

    @Test
    void aSupervisorRegistersAUnitWithItsFilledContactRowsAndTheFormsIdempotencyKey() throws Exception {
        // given
        when(units.registerUnit(any(), anyString())).thenReturn(new Unit().id("unit-new").code("XZ").name("新镇"));

        // when
        mvc.perform(post("/units").with(supervisor()).with(csrf())
                        .param("code", "XZ").param("name", "新镇").param("kind", "TOWN")
                        .param("contacts[0].name", "王芳").param("contacts[0].phone", "0571-88000000")
                        .param("contacts[1].name", "").param("contacts[1].phone", "")
                        .param("idempotencyKey", "key-1"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/units/unit-new"))
                .andExpect(flash().attribute("flash", "units.registered"));

        // then
        ArgumentCaptor<RegisterUnitRequest> sent = ArgumentCaptor.forClass(RegisterUnitRequest.class);
        verify(units).registerUnit(sent.capture(), eq("key-1"));
        assertThat(sent.getValue().getKind()).isEqualTo(UnitKind.TOWN);
        assertThat(sent.getValue().getContacts()).containsExactly(new UnitContact().name("王芳").phone("0571-88000000"));
    }

    @Test
    void aRefusedRegistrationShowsEachErrorBesideItsFieldAndKeepsWhatWasTyped() throws Exception {
        // given
        when(units.registerUnit(any(), anyString())).thenThrow(ConsoleFixtures.refusal(400, """
                {"type":"urn:duban:problem:invalid-request","status":400,"detail":"The request is not valid",
                 "errors":[{"field":"code","message":"must match \\"^[A-Za-z0-9_-]+$\\""},
                           {"field":"contacts[0].phone","message":"must match \\"^[0-9+()\\\\- ]{3,32}$\\""}]}"""));

        // when
        Document form = page(post("/units").with(supervisor()).with(csrf())
                .param("code", "城关").param("name", "城关街道办事处").param("kind", "SUB_DISTRICT")
                .param("contacts[0].name", "王芳").param("contacts[0].phone", "call me")
                .param("idempotencyKey", "key-2"));

        // then
        assertThat(form.select(".error-summary__title").text()).isEqualTo("提交未成功：请修改下列内容。");
        assertThat(form.select(".error-summary__list a").eachText())
                .containsExactly("单位编码：格式不正确", "联系电话：格式不正确");
        assertThat(form.select("#error-code").text()).isEqualTo("格式不正确");
        assertThat(form.select("#error-contacts\\[0\\]\\.phone").text()).isEqualTo("格式不正确");
        assertThat(form.select("#field-code").val()).isEqualTo("城关");
        assertThat(form.select("#field-name").val()).isEqualTo("城关街道办事处");
        assertThat(form.select("#field-contacts\\[0\\]\\.phone").val()).isEqualTo("call me");
        assertThat(form.select("#field-kind option[selected]").val()).isEqualTo("SUB_DISTRICT");
        assertThat(form.select("input[name=idempotencyKey]").val()).as("a corrected retry is the same request")
                .isEqualTo("key-2");
    }

    @Test
    void aCodeAlreadyTakenIsSaidInChinese() throws Exception {
        // given
        when(units.registerUnit(any(), anyString())).thenThrow(ConsoleFixtures.refusal(409, """
                {"type":"urn:duban:problem:conflict","status":409,"detail":"a unit with code CGJD is already registered"}"""));

        // when
        Document form = page(post("/units").with(supervisor()).with(csrf())
                .param("code", "CGJD").param("name", "城关").param("kind", "SUB_DISTRICT").param("idempotencyKey", "k"));

        // then
        assertThat(form.select(".error-summary__title").text()).isEqualTo("单位编码 CGJD 已被登记。");
    }

    @Test
    void addingAContactRowShowsTheFormAgainWithoutCallingThePlatform() throws Exception {
        // when
        Document form = page(post("/units").with(supervisor()).with(csrf())
                .param("code", "XZ").param("contacts[0].name", "王芳").param("contacts[1].name", "李雷")
                .param("contacts[2].name", "韩梅梅").param("addContact", "true").param("idempotencyKey", "k"));

        // then
        verify(units, never()).registerUnit(any(), any());
        assertThat(form.select("input[name^=contacts][name$=.name]")).hasSize(4);
        assertThat(form.select("#field-contacts\\[2\\]\\.name").val()).isEqualTo("韩梅梅");
    }

    @Test
    void aFormPostedWithoutItsCsrfTokenChangesNothingAndSaysTheFormExpired() throws Exception {
        // when
        mvc.perform(post("/units").with(supervisor()).param("code", "XZ"))
                .andExpect(status().isForbidden())
                .andExpect(forwardedUrl("/errors/expired-form"));

        // then
        verify(units, never()).registerUnit(any(), any());
        assertThat(page(get("/errors/expired-form").with(supervisor())).select("h1").text()).isEqualTo("页面已过期");
    }

    @Test
    void aLeaderCannotRegisterAUnit() throws Exception {
        mvc.perform(post("/units").with(leader()).with(csrf()).param("code", "XZ"))
                .andExpect(status().isForbidden());
        verify(units, never()).registerUnit(any(), any());
    }

    @Test
    void aUnitSeesNoRegistry() throws Exception {
        mvc.perform(get("/units").with(unit("unit-cg"))).andExpect(status().isNotFound());
    }

    @Test
    void aUnitsPageShowsItsScorecardAndTheProposedNextStep() throws Exception {
        // given
        when(scorecards.getUnitScorecards(any(), any())).thenReturn(new UnitScorecards().units(List.of(
                new UnitScorecard().rank(2).unitId("unit-cg").score(88.5).assignmentsIssued(12L).transfersIssued(3L)
                        .assignmentsConcluded(10L).overdue(1L).sendBacks(0L).supervisionOrdersOpened(1L).measuresIssued(0L)
                        .timelyAcceptance(new Rate().percent(91.67).numerator(11L).denominator(12L))
                        .onTimeCompletion(new Rate().percent(0.0).numerator(0L).denominator(0L))
                        .satisfaction(new Rate().percent(100.0).numerator(4L).denominator(4L)),
                new UnitScorecard().rank(1).unitId("unit-jy"))));
        when(escalations.proposeEscalation("unit-cg")).thenReturn(new EscalationProposal().unitId("unit-cg")
                .reachedStep(EscalationStep.SUPERVISION_ORDER).proposedStep(EscalationStep.NOTICE)
                .reasons(List.of(new EscalationReason().code(EscalationReason.CodeEnum.REPEATED_LATENESS).count(3)
                        .detail("3 assignments late"))));

        // when
        Document unitPage = page(get("/units/unit-cg").with(supervisor()));

        // then
        assertThat(unitPage.select("h1").text()).isEqualTo("城关街道办事处");
        assertThat(unitPage.text()).contains("第 2 名（共 2 个单位）", "91.67%（11/12）", "按期办结率 暂无", "100.00%（4/4）");
        assertThat(unitPage.text()).contains("建议下一步 通报", "多次超期：3");
        assertThat(unitPage.select("a[href='/supervision/escalations?unitId=unit-cg']").text()).isEqualTo("下达通报");
    }
}
