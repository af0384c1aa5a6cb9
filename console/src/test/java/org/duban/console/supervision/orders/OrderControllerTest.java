package org.duban.console.supervision.orders;

import java.time.OffsetDateTime;

import org.duban.client.supervision.model.CloseSupervisionOrderRequest;
import org.duban.client.supervision.model.ConfirmSupervisionOrderRequest;
import org.duban.client.supervision.model.DismissSupervisionOrderRequest;
import org.duban.client.supervision.model.ReopenSupervisionOrderRequest;
import org.duban.client.supervision.model.SupervisionForm;
import org.duban.console.ConsoleFixtures;
import org.duban.console.ConsoleTest;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.console.security.local.SignedInUsers.leader;
import static org.duban.console.security.local.SignedInUsers.supervisor;
import static org.duban.console.security.local.SignedInUsers.unit;
import static org.duban.console.supervision.SupervisionFixtures.ASSIGNMENT_ID;
import static org.duban.console.supervision.SupervisionFixtures.CASE_TITLE;
import static org.duban.console.supervision.SupervisionFixtures.UNIT_ID;
import static org.duban.console.supervision.SupervisionFixtures.assignment;
import static org.duban.console.supervision.SupervisionFixtures.closedOrder;
import static org.duban.console.supervision.SupervisionFixtures.openOrder;
import static org.duban.console.supervision.SupervisionFixtures.proposal;
import static org.duban.console.supervision.SupervisionFixtures.respondedOrder;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class OrderControllerTest extends ConsoleTest {

    @BeforeEach
    void theAssignment() {
        when(assignments.getAssignment(ASSIGNMENT_ID)).thenReturn(assignment());
    }

    @Test
    void anOpenOrderShowsWhatItAsksAndWhenAndOffersOnlyToCloseIt() throws Exception {
        // given
        when(supervisions.getSupervisionOrder("so-1")).thenReturn(openOrder("so-1"));

        // when
        Document order = page(get("/supervision/orders/so-1").with(supervisor()));

        // then
        assertThat(order.select("h1").text()).isEqualTo("督办单 待回复");
        assertThat(order.select(".lead a[href='/matters/case-1']").text()).isEqualTo(CASE_TITLE);
        assertThat(order.text()).contains("督办事由 拖延", "督办方式 发函督办", "督办说明 请于期限内书面回复办理情况。",
                "剩 5 天", "重新督办 0 次", "发起 人工", "办理状态 办理中");
        assertThat(order.select("#response").text()).contains("单位尚未回复。");
        assertThat(order.select("form[action='/supervision/orders/so-1/close']")).hasSize(1);
        assertThat(order.select("form[action='/supervision/orders/so-1/close']").attr("data-confirm")).isNotBlank();
        assertThat(order.select("form[action$='/confirm'], form[action$='/dismiss'], form[action$='/reopen']")).isEmpty();
        assertThat(order.select("a[href='/supervision/measures/new?unitId=unit-cg&assignmentId=asg-1&supervisionId=so-1']")
                .text()).isEqualTo("下达问责措施");
        assertThat(order.select("a[href='/supervision/recommendations/new?unitId=unit-cg&assignmentId=asg-1']").text())
                .isEqualTo("提出三项建议");
    }

    @Test
    void aProposalOffersToConfirmItWithAFormDeadlineAndNoteOrToDismissIt() throws Exception {
        // given
        when(supervisions.getSupervisionOrder("so-3")).thenReturn(proposal("so-3"));

        // when
        Document order = page(get("/supervision/orders/so-3").with(supervisor()));

        // then
        assertThat(order.select("h1").text()).isEqualTo("督办单 待确认 自动");
        assertThat(order.text()).contains("督办方式 待定", "回复期限 确认督办时确定", "发起 超期自动生成");
        assertThat(order.select(".proposal-note").text()).contains("确认督办后，单位才会收到督办单");
        assertThat(order.select("#response")).isEmpty();
        assertThat(order.select("form[action='/supervision/orders/so-3/confirm'] select[name=form]")).hasSize(1);
        assertThat(order.select("form[action='/supervision/orders/so-3/confirm'] input[name=responseDueAt]")).hasSize(1);
        assertThat(order.select("form[action='/supervision/orders/so-3/confirm'] textarea[name=note]")).hasSize(1);
        assertThat(order.select("form[action='/supervision/orders/so-3/dismiss'] textarea[name=note]")).hasSize(1);
        assertThat(order.select("form[action='/supervision/orders/so-3/dismiss']").attr("data-confirm")).contains("不能撤回");
        assertThat(order.select("form[action$='/close'], form[action$='/reopen']")).isEmpty();
        assertThat(order.select("[id]").eachAttr("id")).doesNotHaveDuplicates();
        assertThat(order.select("a[href^='/supervision/measures/new']")).as("a proposal is no step taken yet").isEmpty();
    }

    @Test
    void anAnsweredOrderShowsTheResponseLateAndOffersToCloseOrReopenIt() throws Exception {
        // given
        when(supervisions.getSupervisionOrder("so-4")).thenReturn(respondedOrder("so-4"));

        // when
        Document order = page(get("/supervision/orders/so-4").with(supervisor()));

        // then
        assertThat(order.select("#response .response-text").text()).isEqualTo("已约谈相关责任人，正在整改。");
        assertThat(order.select("#response .tag--danger").text()).isEqualTo("逾期回复");
        assertThat(order.text()).contains("重新督办 1 次", "重新督办的理由");
        assertThat(order.select("#decide h2").eachText()).containsExactly("认可回复，办结督办单", "不认可回复，重新督办");
        assertThat(order.select("form[action='/supervision/orders/so-4/close'] textarea[name=note]")).hasSize(1);
        assertThat(order.select("form[action='/supervision/orders/so-4/reopen'] textarea[name=reason][required]")).hasSize(1);
        assertThat(order.select("form[action='/supervision/orders/so-4/reopen'] input[name=responseDueAt]")).hasSize(1);
        assertThat(order.select("[id]").eachAttr("id")).doesNotHaveDuplicates();
    }

    @Test
    void aClosedOrderShowsHowItWasClosedAndOffersNoDecision() throws Exception {
        // given
        when(supervisions.getSupervisionOrder("so-5")).thenReturn(closedOrder("so-5"));

        // when
        Document order = page(get("/supervision/orders/so-5").with(supervisor()));

        // then
        assertThat(order.text()).contains("办结说明 整改已落实。");
        assertThat(order.select("main form")).isEmpty();
    }

    @Test
    void confirmingAProposalSendsTheFormTheDeadlineAndTheNoteThenShowsTheOrder() throws Exception {
        // given
        when(supervisions.confirmSupervisionOrder(eq("so-3"), any())).thenReturn(openOrder("so-3"));

        // when
        mvc.perform(post("/supervision/orders/so-3/confirm").with(supervisor()).with(csrf())
                        .param("form", "LISTED").param("responseDueAt", "2026-12-31").param("note", "挂牌督办，限期回复。"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/supervision/orders/so-3"))
                .andExpect(flash().attribute("flash", "supervision.orders.flash.confirm"));

        // then
        ArgumentCaptor<ConfirmSupervisionOrderRequest> sent = ArgumentCaptor.forClass(ConfirmSupervisionOrderRequest.class);
        verify(supervisions).confirmSupervisionOrder(eq("so-3"), sent.capture());
        assertThat(sent.getValue().getForm()).isEqualTo(SupervisionForm.LISTED);
        assertThat(sent.getValue().getResponseDueAt()).isEqualTo(OffsetDateTime.parse("2026-12-31T23:59:59+08:00"));
        assertThat(sent.getValue().getNote()).isEqualTo("挂牌督办，限期回复。");
    }

    @Test
    void confirmingWithNothingChosenLeavesTheFormAndDeadlineToTheOffice() throws Exception {
        // given
        when(supervisions.confirmSupervisionOrder(eq("so-3"), any())).thenReturn(openOrder("so-3"));

        // when
        mvc.perform(post("/supervision/orders/so-3/confirm").with(supervisor()).with(csrf())
                        .param("form", "").param("responseDueAt", "").param("note", ""))
                .andExpect(status().isFound());

        // then
        verify(supervisions).confirmSupervisionOrder("so-3", new ConfirmSupervisionOrderRequest());
    }

    @Test
    void dismissingAProposalSendsTheReason() throws Exception {
        // given
        when(supervisions.dismissSupervisionOrder(eq("so-3"), any())).thenReturn(proposal("so-3"));

        // when
        mvc.perform(post("/supervision/orders/so-3/dismiss").with(supervisor()).with(csrf())
                        .param("note", "单位已说明客观原因。"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/supervision/orders/so-3"))
                .andExpect(flash().attribute("flash", "supervision.orders.flash.dismiss"));

        // then
        verify(supervisions).dismissSupervisionOrder("so-3", new DismissSupervisionOrderRequest().note("单位已说明客观原因。"));
    }

    @Test
    void closingAnOrderSendsTheNote() throws Exception {
        // given
        when(supervisions.closeSupervisionOrder(eq("so-4"), any())).thenReturn(closedOrder("so-4"));

        // when
        mvc.perform(post("/supervision/orders/so-4/close").with(supervisor()).with(csrf()).param("note", "整改已落实。"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/supervision/orders/so-4"))
                .andExpect(flash().attribute("flash", "supervision.orders.flash.close"));

        // then
        verify(supervisions).closeSupervisionOrder("so-4", new CloseSupervisionOrderRequest().note("整改已落实。"));
    }

    @Test
    void reopeningSendsTheReasonAndTheNewResponseDeadline() throws Exception {
        // given
        when(supervisions.reopenSupervisionOrder(eq("so-4"), any())).thenReturn(openOrder("so-4"));

        // when
        mvc.perform(post("/supervision/orders/so-4/reopen").with(supervisor()).with(csrf())
                        .param("reason", "回复未说明整改时限。").param("responseDueAt", "2027-01-10"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/supervision/orders/so-4"))
                .andExpect(flash().attribute("flash", "supervision.orders.flash.reopen"));

        // then
        verify(supervisions).reopenSupervisionOrder("so-4", new ReopenSupervisionOrderRequest()
                .reason("回复未说明整改时限。").responseDueAt(OffsetDateTime.parse("2027-01-10T23:59:59+08:00")));
    }

    @Test
    void aDecisionTheOrdersStateNoLongerAllowsIsRefusedNamingTheStateInChinese() throws Exception {
        // given
        when(supervisions.closeSupervisionOrder(eq("so-4"), any()))
                .thenThrow(ConsoleFixtures.stateConflict("supervision order", "so-4", "CLOSED", "close"));
        when(supervisions.getSupervisionOrder("so-4")).thenReturn(closedOrder("so-4"));

        // when
        Document order = page(post("/supervision/orders/so-4/close").with(supervisor()).with(csrf()).param("note", "办结。"));

        // then
        assertThat(order.select(".error-summary__title").text()).isEqualTo("当前状态为“已办结”，不能进行此操作。");
        assertThat(order.select("h1").text()).isEqualTo("督办单 已办结");
    }

    @Test
    void aRefusedReopenShowsTheErrorBesideItsOwnFormAndKeepsWhatWasTyped() throws Exception {
        // given
        when(supervisions.reopenSupervisionOrder(eq("so-4"), any()))
                .thenThrow(ConsoleFixtures.invalid("responseDueAt", "must be in the future"));
        when(supervisions.getSupervisionOrder("so-4")).thenReturn(respondedOrder("so-4"));

        // when
        Document order = page(post("/supervision/orders/so-4/reopen").with(supervisor()).with(csrf())
                .param("reason", "回复未说明整改时限。").param("responseDueAt", "2020-01-01"));

        // then
        assertThat(order.select(".error-summary__list a").eachText()).containsExactly("新的回复期限：应晚于当前时间");
        assertThat(order.select(".error-summary__list a").attr("href")).isEqualTo("#field-reopen.responseDueAt");
        assertThat(order.select("[id='error-reopen.responseDueAt']").text()).isEqualTo("应晚于当前时间");
        assertThat(order.select("[id='field-reopen.responseDueAt']").val()).isEqualTo("2020-01-01");
        assertThat(order.select("[id='field-reopen.reason']").text()).isEqualTo("回复未说明整改时限。");
        assertThat(order.select("[id='field-close.note']").text()).as("the other form stays blank").isEmpty();
        assertThat(order.select(".field-error")).hasSize(1);
    }

    @Test
    void aRefusedDismissalShowsItsErrorBesideTheDismissalsNoteOnly() throws Exception {
        // given
        when(supervisions.dismissSupervisionOrder(eq("so-3"), any()))
                .thenThrow(ConsoleFixtures.invalid("note", "must be at most 4000 characters"));
        when(supervisions.getSupervisionOrder("so-3")).thenReturn(proposal("so-3"));

        // when
        Document order = page(post("/supervision/orders/so-3/dismiss").with(supervisor()).with(csrf())
                .param("note", "很长的理由"));

        // then
        assertThat(order.select(".error-summary__list a").eachText()).containsExactly("不予督办的理由：不能超过 4000 个字");
        assertThat(order.select("[id='error-dismiss.note']").text()).isEqualTo("不能超过 4000 个字");
        assertThat(order.select("[id='error-confirm.note']")).isEmpty();
        assertThat(order.select("[id='field-dismiss.note']").text()).isEqualTo("很长的理由");
    }

    @Test
    void aLeaderReadsTheOrderButIsOfferedNoDecisionAndCannotPostOne() throws Exception {
        // given
        when(supervisions.getSupervisionOrder("so-4")).thenReturn(respondedOrder("so-4"));

        // when
        Document order = page(get("/supervision/orders/so-4").with(leader()));

        // then
        assertThat(order.select("#response .response-text").text()).isEqualTo("已约谈相关责任人，正在整改。");
        assertThat(order.select("main form")).isEmpty();
        assertThat(order.select("a[href^='/supervision/measures/new'], a[href^='/supervision/recommendations/new']")).isEmpty();
        for (String action : new String[] {"confirm", "dismiss", "close", "reopen"}) {
            mvc.perform(post("/supervision/orders/so-4/" + action).with(leader()).with(csrf()).param("note", "x")
                            .param("reason", "x"))
                    .andExpect(status().isForbidden());
        }
        verify(supervisions).getSupervisionOrder("so-4");
        verifyNoMoreInteractions(supervisions);
    }

    @Test
    void aMissingOrderIsNotFound() throws Exception {
        // given
        when(supervisions.getSupervisionOrder("so-404")).thenThrow(ConsoleFixtures.refusal(404, """
                {"type":"urn:duban:problem:not-found","status":404,"detail":"supervision order so-404 not found"}"""));

        // when
        Document page = page(get("/supervision/orders/so-404").with(supervisor()));

        // then
        assertThat(page.select("h1").text()).isEqualTo("未找到");
    }

    @Test
    void aUnitIsAnsweredTheNotFoundPage() throws Exception {
        mvc.perform(get("/supervision/orders/so-1").with(unit(UNIT_ID))).andExpect(status().isNotFound());
        mvc.perform(post("/supervision/orders/so-1/close").with(unit(UNIT_ID)).with(csrf()).param("note", "x"))
                .andExpect(status().isNotFound());
        verify(supervisions, never()).closeSupervisionOrder(any(), any());
    }

    @Test
    void aDecisionPostedWithoutItsCsrfTokenChangesNothingAndSaysTheFormExpired() throws Exception {
        for (String action : new String[] {"confirm", "dismiss", "close", "reopen"}) {
            mvc.perform(post("/supervision/orders/so-4/" + action).with(supervisor()).param("note", "x")
                            .param("reason", "x"))
                    .andExpect(status().isForbidden())
                    .andExpect(forwardedUrl("/errors/expired-form"));
        }
        verifyNoMoreInteractions(supervisions);
    }
}
