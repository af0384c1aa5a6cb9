package org.duban.console.inbox;

import java.util.List;

import org.duban.console.ConsoleFixtures;
import org.duban.console.ConsoleTest;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.console.security.local.SignedInUsers.leader;
import static org.duban.console.security.local.SignedInUsers.supervisor;
import static org.duban.console.security.local.SignedInUsers.unit;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class InboxControllerTest extends ConsoleTest {

    @BeforeEach
    void threeMessagesTwoUnread() {
        when(inbox.listInbox(any(), anyInt(), anyInt())).thenReturn(InboxFixtures.page(List.of(
                InboxFixtures.finalReport(), InboxFixtures.recommendationAnswered(), InboxFixtures.extensionRequest()),
                2, 0, 1, 3));
    }

    @Test
    void aSupervisorReadsTheOfficeInboxInThePlatformsOrderUnreadFirst() throws Exception {
        // when
        Document page = page(get("/inbox").with(supervisor()));

        // then
        verify(inbox).listInbox(null, 0, 20);
        assertThat(page.select("h1").text()).isEqualTo("消息");
        assertThat(page.select("li.message").eachAttr("id"))
                .containsExactly("message-msg-1", "message-msg-3", "message-msg-2");
        assertThat(page.select("li.message--unread")).hasSize(2);
        assertThat(page.select("#inbox-unread").text()).isEqualTo("2");
    }

    @Test
    void eachMessageShowsItsTitleBodyTimeUnitByNameAndLinks() throws Exception {
        // when
        Document page = page(get("/inbox").with(supervisor()));

        // then
        Element message = page.selectFirst("#message-msg-1");
        assertThat(message.select(".message__title").text()).isEqualTo("未签收 办结报告 办结报告待审核：asg-1");
        assertThat(message.select(".message__body").text())
                .isEqualTo("责任单位 城关街道办事处 于 2026-12-02 提交了交办事项 asg-1（信访事项 case-1）的办结报告，请审核。");
        assertThat(message.select("time").text()).isEqualTo("2026-12-03 07:00");
        assertThat(message.select(".message__unit").text()).isEqualTo("责任单位：城关街道办事处");
        assertThat(message.select(".message__unit a").attr("href")).isEqualTo("/units/unit-cg");
        assertThat(message.select(".message__links a").eachAttr("href"))
                .containsExactly("/assignments/asg-1", "/matters/case-1");
        assertThat(message.select("form").attr("action")).isEqualTo("/inbox/msg-1/ack");
        assertThat(message.select("form").attr("hx-post")).isEqualTo("/inbox/msg-1/ack");
        assertThat(message.select("form button").text()).isEqualTo("签收");
    }

    @Test
    void anAcknowledgedMessageSaysWhenAndByWhomAndOffersNoButton() throws Exception {
        // when
        Document page = page(get("/inbox").with(supervisor()));

        // then
        Element message = page.selectFirst("#message-msg-2");
        assertThat(message.select("form")).isEmpty();
        assertThat(message.select(".message__acknowledged").text()).isEqualTo("已签收 · 2026-12-02 14:00 · zhang.wei");
        assertThat(message.select(".message__unit").text()).isEqualTo("责任单位：区教育局");
    }

    @Test
    void aMessageNamingNoRegisteredUnitShowsNoneAndOnlyTheLinksItHas() throws Exception {
        // when
        Document page = page(get("/inbox").with(supervisor()));

        // then
        Element message = page.selectFirst("#message-msg-3");
        assertThat(message.select(".message__unit")).isEmpty();
        assertThat(message.select(".message__links a").eachAttr("href")).containsExactly("/matters/case-3");
        assertThat(message.select(".message__title .tag").eachText()).containsExactly("未签收", "建议回复");
    }

    @Test
    void theUnreadToggleAndThePageGoToTheApiAndStayInThePagingLinks() throws Exception {
        // given
        when(inbox.listInbox(any(), anyInt(), anyInt())).thenReturn(InboxFixtures.page(
                List.of(InboxFixtures.finalReport()), 45, 1, 3, 45));

        // when
        Document page = page(get("/inbox").param("unread", "true").param("page", "1").with(supervisor()));

        // then
        verify(inbox).listInbox(true, 1, 20);
        assertThat(page.select(".tabs a.current").text()).isEqualTo("未签收（45）");
        assertThat(page.select(".pagination a[rel=prev]").attr("href")).isEqualTo("/inbox?unread=true&page=0");
        assertThat(page.select(".pagination a[rel=next]").attr("href")).isEqualTo("/inbox?unread=true&page=2");
        assertThat(page.select(".pagination__summary").text()).isEqualTo("第 2 / 3 页，共 45 条");
        assertThat(page.select("#message-msg-1 input[name=unread]").val()).isEqualTo("true");
        assertThat(page.select("#message-msg-1 input[name=page]").val()).isEqualTo("1");
    }

    @Test
    void anEmptyUnreadListSaysSoAndLeadsToAllMessages() throws Exception {
        // given
        when(inbox.listInbox(any(), anyInt(), anyInt())).thenReturn(InboxFixtures.page(List.of(), 0, 0, 0, 0));

        // when
        Document page = page(get("/inbox").param("unread", "true").with(supervisor()));

        // then
        assertThat(page.select(".empty").text()).isEqualTo("没有未签收的消息。 查看全部消息");
        assertThat(page.select(".empty a").attr("href")).isEqualTo("/inbox");
    }

    @Test
    void acknowledgingReturnsToTheSamePageOfTheListWithAMessage() throws Exception {
        // given
        when(inbox.acknowledgeMessage("msg-1")).thenReturn(InboxFixtures.finalReport().read(true)
                .acknowledgedAt(ConsoleFixtures.NOW).acknowledgedBy("zhang.wei"));

        // when
        mvc.perform(post("/inbox/msg-1/ack").param("unread", "true").param("page", "1").with(supervisor()).with(csrf()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/inbox?unread=true&page=1"))
                .andExpect(flash().attribute("flash", "inbox.acknowledged"));

        // then
        verify(inbox).acknowledgeMessage("msg-1");
    }

    @Test
    void acknowledgingByHtmxAnswersJustTheRowAndTheUnreadCount() throws Exception {
        // given
        when(inbox.acknowledgeMessage("msg-1")).thenReturn(InboxFixtures.finalReport().read(true)
                .acknowledgedAt(ConsoleFixtures.NOW).acknowledgedBy("zhang.wei"));
        when(inbox.listInbox(eq(true), eq(0), eq(1))).thenReturn(InboxFixtures.page(List.of(), 1, 0, 1, 1));

        // when
        Document answer = page(post("/inbox/msg-1/ack").header("HX-Request", "true").with(supervisor()).with(csrf()));

        // then
        verify(inbox).acknowledgeMessage("msg-1");
        assertThat(answer.select("header.masthead")).isEmpty();
        assertThat(answer.select("li.message")).hasSize(1);
        assertThat(answer.select("#message-msg-1").hasClass("message--read")).isTrue();
        assertThat(answer.select("#message-msg-1 form")).isEmpty();
        assertThat(answer.select("#message-msg-1 .message__acknowledged").text())
                .isEqualTo("已签收 · 2026-12-03 10:00 · zhang.wei");
        assertThat(answer.select("#inbox-unread[hx-swap-oob=true]").text()).isEqualTo("1");
    }

    @Test
    void anAcknowledgementWithoutItsCsrfTokenChangesNothingAndSaysTheFormExpired() throws Exception {
        // when
        mvc.perform(post("/inbox/msg-1/ack").with(supervisor()))
                .andExpect(status().isForbidden())
                .andExpect(forwardedUrl("/errors/expired-form"));

        // then
        verify(inbox, never()).acknowledgeMessage(anyString());
    }

    @Test
    void aMessageThePlatformDoesNotKnowIsAnsweredTheNotFoundPage() throws Exception {
        // given
        when(inbox.acknowledgeMessage("msg-x")).thenThrow(ConsoleFixtures.refusal(404, """
                {"type":"urn:duban:problem:not-found","status":404,"detail":"no message msg-x"}"""));

        // when
        Document page = page(post("/inbox/msg-x/ack").with(supervisor()).with(csrf()));

        // then
        assertThat(page.select("h1").text()).isEqualTo("未找到");
    }

    @Test
    void aLeaderHasNoInboxAndCannotAcknowledge() throws Exception {
        mvc.perform(get("/inbox").with(leader())).andExpect(status().isForbidden());
        mvc.perform(post("/inbox/msg-1/ack").with(leader()).with(csrf())).andExpect(status().isForbidden());
        verifyNoInteractions(inbox);
    }

    @Test
    void aUnitIsAnsweredTheNotFoundPage() throws Exception {
        mvc.perform(get("/inbox").with(unit(ConsoleFixtures.CHENGGUAN.getId()))).andExpect(status().isNotFound());
        mvc.perform(post("/inbox/msg-1/ack").with(unit(ConsoleFixtures.CHENGGUAN.getId())).with(csrf()))
                .andExpect(status().isNotFound());
        verify(inbox, never()).listInbox(isNull(), anyInt(), anyInt());
        verify(inbox, never()).acknowledgeMessage(anyString());
    }
}
