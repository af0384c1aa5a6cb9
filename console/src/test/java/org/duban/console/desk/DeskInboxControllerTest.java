package org.duban.console.desk;

import org.duban.client.notification.model.InboxMessage;
import org.duban.console.ConsoleTest;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.console.desk.DeskFixtures.UNIT;
import static org.duban.console.desk.DeskFixtures.acknowledged;
import static org.duban.console.desk.DeskFixtures.inboxPage;
import static org.duban.console.desk.DeskFixtures.unreadMessage;
import static org.duban.console.security.local.SignedInUsers.leader;
import static org.duban.console.security.local.SignedInUsers.supervisor;
import static org.duban.console.security.local.SignedInUsers.unit;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.isNull;
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

class DeskInboxControllerTest extends ConsoleTest {

    private static final InboxMessage UNREAD = unreadMessage("msg-1", "新交办：小区加装电梯纠纷");
    private static final InboxMessage READ = acknowledged(unreadMessage("msg-2", "催办：受理期限临近"), "wang.fang");

    @Test
    void aUnitSeesItsMessagesWithTheUnreadCountInTheHeadingAndWhoSignedForTheReadOnes() throws Exception {
        // given
        when(inbox.listInbox(isNull(), anyInt(), anyInt())).thenReturn(inboxPage(1, 0, 1, UNREAD, READ));

        // when
        Document desk = page(get("/desk").with(unit(UNIT)));

        // then
        verify(inbox).listInbox(null, 0, 20);
        assertThat(desk.select("h1").text()).isEqualTo("收件箱 1 条未签收");
        assertThat(desk.select("li.inbox-message").eachAttr("id")).containsExactly("message-msg-1", "message-msg-2");
        assertThat(desk.select("#message-msg-1").text()).contains("新交办：小区加装电梯纠纷", "未签收", "请及时签收");
        assertThat(desk.select("#message-msg-1 a[href='/desk/assignments/asg-1']").text()).isEqualTo("查看交办事项");
        assertThat(desk.select("#message-msg-2").text()).contains("已签收：wang.fang，2026-12-03 10:05");
        assertThat(desk.select("#message-msg-2 form")).as("a read message is signed for once").isEmpty();
        assertThat(desk.select(".desk-hint").text()).contains("送达的凭证");
    }

    @Test
    void eachUnreadMessageOffersAPlainSignForFormThatHtmxPostsToReplaceOnlyItsLine() throws Exception {
        // given
        when(inbox.listInbox(isNull(), anyInt(), anyInt())).thenReturn(inboxPage(1, 0, 1, UNREAD));

        // when
        Document desk = page(get("/desk").with(unit(UNIT)));

        // then
        var form = desk.select("#message-msg-1 form").first();
        assertThat(form.attr("action")).isEqualTo("/desk/inbox/msg-1/ack");
        assertThat(form.attr("method")).isEqualTo("post");
        assertThat(form.attr("hx-post")).isEqualTo("/desk/inbox/msg-1/ack");
        assertThat(form.attr("hx-target")).isEqualTo("#message-msg-1");
        assertThat(form.attr("hx-swap")).isEqualTo("outerHTML");
        assertThat(form.select("input[name=_csrf]")).isNotEmpty();
        assertThat(form.select("button").text()).isEqualTo("签收");
        assertThat(form.select("button").attr("aria-label")).isEqualTo("签收：新交办：小区加装电梯纠纷");
    }

    @Test
    void theUnreadToggleAsksOnlyForUnreadMessagesAndThePagingKeepsIt() throws Exception {
        // given
        when(inbox.listInbox(any(), anyInt(), anyInt())).thenReturn(inboxPage(45, 1, 3, UNREAD));

        // when
        Document desk = page(get("/desk").param("unread", "true").param("page", "1").with(unit(UNIT)));

        // then
        verify(inbox).listInbox(true, 1, 20);
        assertThat(desk.select(".desk-toggle a.current").text()).isEqualTo("仅看未签收");
        assertThat(desk.select(".pagination a[rel=next]").attr("href")).isEqualTo("/desk?unread=true&page=2");
        assertThat(desk.select(".pagination a[rel=prev]").attr("href")).isEqualTo("/desk?unread=true&page=0");
        assertThat(desk.select("#message-msg-1 input[name=unread]").val()).isEqualTo("true");
        assertThat(desk.select("#message-msg-1 input[name=page]").val()).isEqualTo("1");
    }

    @Test
    void signingForAMessageWithoutScriptGoesBackToTheSamePageWithAMessage() throws Exception {
        // given
        when(inbox.acknowledgeMessage("msg-1")).thenReturn(acknowledged(UNREAD, "wang.fang"));

        // when / then
        mvc.perform(post("/desk/inbox/msg-1/ack").with(unit(UNIT)).with(csrf()).param("unread", "true").param("page", "2"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/desk?unread=true&page=2"))
                .andExpect(flash().attribute("flash", "desk.inbox.acknowledged"));
        verify(inbox).acknowledgeMessage("msg-1");
    }

    @Test
    void signingForAMessageWithHtmxAnswersOnlyItsLineAndTheNewUnreadCount() throws Exception {
        // given
        when(inbox.acknowledgeMessage("msg-1")).thenReturn(acknowledged(UNREAD, "wang.fang"));
        when(inbox.listInbox(true, 0, 1)).thenReturn(inboxPage(0, 0, 0));

        // when
        Document answer = page(post("/desk/inbox/msg-1/ack").header("HX-Request", "true").with(unit(UNIT)).with(csrf()));

        // then
        assertThat(answer.select("header.masthead, nav, h1")).isEmpty();
        assertThat(answer.select("li")).hasSize(1);
        assertThat(answer.select("li#message-msg-1").text()).contains("已签收：wang.fang，2026-12-03 10:05");
        assertThat(answer.select("li#message-msg-1 form")).isEmpty();
        assertThat(answer.select("#inbox-unread").attr("hx-swap-oob")).isEqualTo("true");
        assertThat(answer.select("#inbox-unread").text()).isEqualTo("全部已签收");
    }

    @Test
    void aSignForThePlatformCouldNotRecordIsSaidInTheMessagesLine() throws Exception {
        // given
        when(inbox.acknowledgeMessage("msg-1")).thenThrow(DeskFixtures.conflict("inbox message msg-1 keeps changing; try again"));
        when(inbox.listInbox(true, 0, 1)).thenReturn(inboxPage(1, 0, 1));

        // when
        Document answer = page(post("/desk/inbox/msg-1/ack").header("HX-Request", "true").with(unit(UNIT)).with(csrf()));

        // then
        assertThat(answer.select("li#message-msg-1 .error-summary__title").text()).isEqualTo("记录刚被他人修改，请刷新后重试。");
        assertThat(answer.select("li#message-msg-1 a[href='/desk']").text()).isEqualTo("刷新收件箱");
        assertThat(answer.select("#inbox-unread").text()).isEqualTo("1 条未签收");
    }

    @Test
    void anotherUnitsMessageAnswersTheNotFoundPage() throws Exception {
        // given
        when(inbox.acknowledgeMessage("msg-x")).thenThrow(DeskFixtures.notFound("inbox message", "msg-x"));

        // when
        Document answer = page(post("/desk/inbox/msg-x/ack").with(unit(UNIT)).with(csrf()));

        // then
        assertThat(answer.select("h1").text()).isEqualTo("未找到");
        mvc.perform(post("/desk/inbox/msg-x/ack").with(unit(UNIT)).with(csrf())).andExpect(status().isNotFound());
    }

    @Test
    void signingForAMessageWithoutTheFormsCsrfTokenChangesNothing() throws Exception {
        mvc.perform(post("/desk/inbox/msg-1/ack").with(unit(UNIT)))
                .andExpect(status().isForbidden())
                .andExpect(forwardedUrl("/errors/expired-form"));
        verify(inbox, never()).acknowledgeMessage(any());
    }

    @Test
    void officeStaffHaveNoDesk() throws Exception {
        mvc.perform(get("/desk").with(supervisor())).andExpect(status().isForbidden());
        mvc.perform(get("/desk").with(leader())).andExpect(status().isForbidden());
        mvc.perform(post("/desk/inbox/msg-1/ack").with(supervisor()).with(csrf())).andExpect(status().isForbidden());
        verify(inbox, never()).acknowledgeMessage(any());
    }

    @Test
    void anEmptyInboxSaysWhatWillArriveThere() throws Exception {
        // given
        when(inbox.listInbox(isNull(), anyInt(), anyInt())).thenReturn(inboxPage(0, 0, 0));

        // when
        Document desk = page(get("/desk").with(unit(UNIT)));

        // then
        assertThat(desk.select("h1").text()).isEqualTo("收件箱 全部已签收");
        assertThat(desk.select(".empty").text()).contains("通知会出现在这里");
    }
}
