package org.duban.console.desk;

import org.duban.client.intake.model.AssignmentStatus;
import org.duban.client.supervision.model.SupervisionOrderStatus;
import org.duban.client.supervision.model.SupervisionResponseRequest;
import org.duban.console.ConsoleFixtures;
import org.duban.console.ConsoleTest;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.console.desk.DeskFixtures.UNIT;
import static org.duban.console.desk.DeskFixtures.assignment;
import static org.duban.console.desk.DeskFixtures.order;
import static org.duban.console.security.local.SignedInUsers.leader;
import static org.duban.console.security.local.SignedInUsers.supervisor;
import static org.duban.console.security.local.SignedInUsers.unit;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
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

class DeskOrdersControllerTest extends ConsoleTest {

    @BeforeEach
    void theAssignmentTheyConcern() {
        when(assignments.getAssignment("asg-1")).thenReturn(assignment("asg-1", AssignmentStatus.ACCEPTED));
    }

    @Test
    void anOpenOrderShowsWhatTheOfficeAsksByWhenAndTheResponseForm() throws Exception {
        // given
        when(supervisions.getSupervisionOrder("ord-1")).thenReturn(order("ord-1", SupervisionOrderStatus.OPEN));

        // when
        Document page = page(get("/desk/orders/ord-1").with(unit(UNIT)));

        // then
        assertThat(page.select("h1").text()).isEqualTo("督办单 待回复");
        assertThat(page.text()).contains("超期未办结", "发函督办", "请说明超期原因及下一步安排。", "剩 3 天");
        assertThat(page.select("a[href='/desk/assignments/asg-1']").text()).isEqualTo("小区加装电梯纠纷");
        assertThat(page.select("#respond form").attr("action")).isEqualTo("/desk/orders/ord-1/response");
        assertThat(page.select("#respond form").attr("data-confirm")).isNotBlank();
        assertThat(page.select("#field-text")).isNotEmpty();
    }

    @Test
    void aReopenedOrderSaysTheLastResponseWasNotAccepted() throws Exception {
        // given
        when(supervisions.getSupervisionOrder("ord-1")).thenReturn(order("ord-1", SupervisionOrderStatus.OPEN)
                .reopenCount(1).response("已在办理。").respondedAt(DeskFixtures.daysFromNow(-1)).respondedLate(false));

        // when
        Document page = page(get("/desk/orders/ord-1").with(unit(UNIT)));

        // then
        assertThat(page.text()).contains("已重新督办 1 次", "上次回复", "已在办理。");
        assertThat(page.select("#respond form")).isNotEmpty();
    }

    @Test
    void anAnsweredOrderShowsTheResponseAndNoForm() throws Exception {
        // given
        when(supervisions.getSupervisionOrder("ord-1")).thenReturn(order("ord-1", SupervisionOrderStatus.CLOSED)
                .response("已答复信访人。").respondedAt(DeskFixtures.daysFromNow(-1)).respondedLate(true).closeNote("同意办结。"));

        // when
        Document page = page(get("/desk/orders/ord-1").with(unit(UNIT)));

        // then
        assertThat(page.text()).contains("本单位回复", "已答复信访人。", "（逾期回复）", "同意办结。");
        assertThat(page.select("main form")).isEmpty();
    }

    @Test
    void respondingSendsTheTextAndComesBackWithAMessage() throws Exception {
        // given
        when(supervisions.respondToSupervisionOrder(eq("ord-1"), any())).thenReturn(order("ord-1", SupervisionOrderStatus.RESPONDED));

        // when
        mvc.perform(post("/desk/orders/ord-1/response").with(unit(UNIT)).with(csrf()).param("text", "已约谈信访人，本周内答复。"))
                .andExpect(redirectedUrl("/desk/orders/ord-1"))
                .andExpect(flash().attribute("flash", "desk.order.responded"));

        // then
        ArgumentCaptor<SupervisionResponseRequest> sent = ArgumentCaptor.forClass(SupervisionResponseRequest.class);
        verify(supervisions).respondToSupervisionOrder(eq("ord-1"), sent.capture());
        assertThat(sent.getValue().getText()).isEqualTo("已约谈信访人，本周内答复。");
    }

    @Test
    void aRefusedResponseIsShownBesideTheTextWithWhatWasTyped() throws Exception {
        // given
        when(supervisions.getSupervisionOrder("ord-1")).thenReturn(order("ord-1", SupervisionOrderStatus.OPEN));
        when(supervisions.respondToSupervisionOrder(eq("ord-1"), any()))
                .thenThrow(ConsoleFixtures.invalid("text", "size must be between 1 and 4000"));

        // when
        Document page = page(post("/desk/orders/ord-1/response").with(unit(UNIT)).with(csrf()).param("text", "太长的回复"));

        // then
        assertThat(page.select("#error-text").text()).isEqualTo("长度应在 1 到 4000 之间");
        assertThat(page.select("#field-text").val()).isEqualTo("太长的回复");
    }

    @Test
    void respondingToAnOrderAlreadyAnsweredSaysItsStateInChinese() throws Exception {
        // given
        when(supervisions.getSupervisionOrder("ord-1")).thenReturn(order("ord-1", SupervisionOrderStatus.RESPONDED)
                .response("已答复。").respondedAt(DeskFixtures.daysFromNow(-1)));
        when(supervisions.respondToSupervisionOrder(eq("ord-1"), any()))
                .thenThrow(ConsoleFixtures.stateConflict("supervision order", "ord-1", "RESPONDED", "respond"));

        // when
        Document page = page(post("/desk/orders/ord-1/response").with(unit(UNIT)).with(csrf()).param("text", "再答复"));

        // then
        assertThat(page.select(".error-summary__title").text()).isEqualTo("当前状态为“已回复”，不能进行此操作。");
        assertThat(page.select("#respond")).isEmpty();
    }

    @Test
    void anotherUnitsOrderAnswersTheNotFoundPage() throws Exception {
        // given
        when(supervisions.getSupervisionOrder("ord-x")).thenThrow(DeskFixtures.notFound("supervision order", "ord-x"));

        // when / then
        mvc.perform(get("/desk/orders/ord-x").with(unit(UNIT))).andExpect(status().isNotFound());
        assertThat(page(get("/desk/orders/ord-x").with(unit(UNIT))).select("h1").text()).isEqualTo("未找到");
    }

    @Test
    void officeStaffCannotOpenOrAnswerAnOrder() throws Exception {
        mvc.perform(get("/desk/orders/ord-1").with(supervisor())).andExpect(status().isForbidden());
        mvc.perform(get("/desk/orders/ord-1").with(leader())).andExpect(status().isForbidden());
        mvc.perform(post("/desk/orders/ord-1/response").with(supervisor()).with(csrf()).param("text", "t"))
                .andExpect(status().isForbidden());
        verifyNoInteractions(supervisions);
    }

    @Test
    void aResponsePostedWithoutTheFormsCsrfTokenChangesNothing() throws Exception {
        mvc.perform(post("/desk/orders/ord-1/response").with(unit(UNIT)).param("text", "t"))
                .andExpect(status().isForbidden())
                .andExpect(forwardedUrl("/errors/expired-form"));
        verifyNoInteractions(supervisions);
    }
}
