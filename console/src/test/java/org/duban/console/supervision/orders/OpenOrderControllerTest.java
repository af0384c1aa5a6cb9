package org.duban.console.supervision.orders;

import java.time.OffsetDateTime;
import java.util.List;

import org.duban.client.supervision.model.OpenSupervisionOrderRequest;
import org.duban.client.supervision.model.SupervisionForm;
import org.duban.client.supervision.model.SupervisionTrigger;
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
import static org.duban.console.supervision.SupervisionFixtures.orderCount;
import static org.duban.console.supervision.SupervisionFixtures.orderPage;
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

class OpenOrderControllerTest extends ConsoleTest {

    @BeforeEach
    void theAssignmentWithNoOrderYet() {
        when(assignments.getAssignment(ASSIGNMENT_ID)).thenReturn(assignment());
        when(supervisions.listSupervisionOrders(any(), any(), eq(ASSIGNMENT_ID), any(), any())).thenReturn(orderCount(0));
    }

    @Test
    void theFormShowsTheAssignmentItSupervisesWithAFreshKey() throws Exception {
        // when
        Document form = page(get("/supervision/orders/new").param("assignmentId", ASSIGNMENT_ID).with(supervisor()));

        // then
        assertThat(form.select("h1").text()).isEqualTo("下达督办单");
        assertThat(form.select("#field-assignmentId").text()).contains(CASE_TITLE, "城关街道办事处", "办理中", "交办");
        assertThat(form.select("#field-assignmentId a[href='/assignments/asg-1']")).hasSize(1);
        assertThat(form.select("input[type=hidden][name=assignmentId]").val()).isEqualTo(ASSIGNMENT_ID);
        assertThat(form.select("#field-trigger option").eachText()).contains("超期未办结", "推诿", "敷衍", "弄虚作假");
        assertThat(form.select("#field-form option").eachText()).contains("电话督办", "发函督办", "实地督办", "挂牌督办");
        assertThat(form.select("#hint-responseDueAt").text()).contains("不填则按本办规定的回复期限");
        assertThat(form.select("input[name=idempotencyKey]").val()).isNotBlank();
        assertThat(form.select(".earlier-orders")).isEmpty();
    }

    @Test
    void theFormListsTheOrdersTheAssignmentAlreadyHas() throws Exception {
        // given
        when(supervisions.listSupervisionOrders(any(), any(), eq(ASSIGNMENT_ID), any(), any()))
                .thenReturn(orderPage(List.of(openOrder("so-1"), closedOrder("so-0")), 0, 2, 1));

        // when
        Document form = page(get("/supervision/orders/new").param("assignmentId", ASSIGNMENT_ID).with(supervisor()));

        // then
        verify(supervisions).listSupervisionOrders(null, null, ASSIGNMENT_ID, 0, 10);
        assertThat(form.select(".earlier-orders li")).hasSize(2);
        assertThat(form.select(".earlier-orders a[href='/supervision/orders/so-1']").text()).endsWith("拖延");
        assertThat(form.select(".earlier-orders li").eachText().get(1)).endsWith("已办结");
    }

    @Test
    void aSupervisorOpensAnOrderDueAtTheEndOfTheDayTypedWithTheFormsKey() throws Exception {
        // given
        when(supervisions.openSupervisionOrder(any(), anyString())).thenReturn(openOrder("so-9"));

        // when
        mvc.perform(post("/supervision/orders").with(supervisor()).with(csrf())
                        .param("assignmentId", ASSIGNMENT_ID).param("trigger", "PERFUNCTORY").param("form", "ON_SITE")
                        .param("responseDueAt", "2026-12-20").param("note", "请说明未按期办结的原因。")
                        .param("idempotencyKey", "key-1"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/supervision/orders/so-9"))
                .andExpect(flash().attribute("flash", "supervision.orders.flash.opened"));

        // then
        ArgumentCaptor<OpenSupervisionOrderRequest> sent = ArgumentCaptor.forClass(OpenSupervisionOrderRequest.class);
        verify(supervisions).openSupervisionOrder(sent.capture(), eq("key-1"));
        assertThat(sent.getValue().getAssignmentId()).isEqualTo(ASSIGNMENT_ID);
        assertThat(sent.getValue().getTrigger()).isEqualTo(SupervisionTrigger.PERFUNCTORY);
        assertThat(sent.getValue().getForm()).isEqualTo(SupervisionForm.ON_SITE);
        assertThat(sent.getValue().getResponseDueAt()).isEqualTo(OffsetDateTime.parse("2026-12-20T23:59:59+08:00"));
        assertThat(sent.getValue().getNote()).isEqualTo("请说明未按期办结的原因。");
    }

    @Test
    void aResponseDeadlineLeftBlankIsTheOfficesToSet() throws Exception {
        // given
        when(supervisions.openSupervisionOrder(any(), anyString())).thenReturn(openOrder("so-9"));

        // when
        mvc.perform(post("/supervision/orders").with(supervisor()).with(csrf())
                        .param("assignmentId", ASSIGNMENT_ID).param("trigger", "OVERDUE").param("form", "PHONE")
                        .param("responseDueAt", "").param("note", "").param("idempotencyKey", "key-2"))
                .andExpect(status().isFound());

        // then
        ArgumentCaptor<OpenSupervisionOrderRequest> sent = ArgumentCaptor.forClass(OpenSupervisionOrderRequest.class);
        verify(supervisions).openSupervisionOrder(sent.capture(), eq("key-2"));
        assertThat(sent.getValue().getResponseDueAt()).isNull();
        assertThat(sent.getValue().getNote()).isNull();
    }

    @Test
    void aRefusedOrderShowsTheErrorBesideItsFieldAndKeepsWhatWasTyped() throws Exception {
        // given
        when(supervisions.openSupervisionOrder(any(), anyString()))
                .thenThrow(ConsoleFixtures.invalid("responseDueAt", "must be in the future"));

        // when
        Document form = page(post("/supervision/orders").with(supervisor()).with(csrf())
                .param("assignmentId", ASSIGNMENT_ID).param("trigger", "SHIRKING").param("form", "LISTED")
                .param("responseDueAt", "2020-01-01").param("note", "挂牌督办。").param("idempotencyKey", "key-3"));

        // then
        assertThat(form.select(".error-summary__list a").eachText()).containsExactly("回复期限：应晚于当前时间");
        assertThat(form.select(".error-summary__list a").attr("href")).isEqualTo("#field-responseDueAt");
        assertThat(form.select("#error-responseDueAt").text()).isEqualTo("应晚于当前时间");
        assertThat(form.select("#field-responseDueAt").val()).isEqualTo("2020-01-01");
        assertThat(form.select("#field-trigger option[selected]").val()).isEqualTo("SHIRKING");
        assertThat(form.select("#field-form option[selected]").val()).isEqualTo("LISTED");
        assertThat(form.select("#field-note").text()).isEqualTo("挂牌督办。");
        assertThat(form.select("input[name=idempotencyKey]").val()).isEqualTo("key-3");
        assertThat(form.select("#field-assignmentId").text()).as("the assignment is shown again").contains(CASE_TITLE);
    }

    @Test
    void aDayThatDoesNotParseIsRefusedBeforeThePlatformIsCalled() throws Exception {
        // when
        Document form = page(post("/supervision/orders").with(supervisor()).with(csrf())
                .param("assignmentId", ASSIGNMENT_ID).param("trigger", "OVERDUE").param("form", "PHONE")
                .param("responseDueAt", "12月20日").param("idempotencyKey", "key-4"));

        // then
        verify(supervisions, never()).openSupervisionOrder(any(), any());
        assertThat(form.select("#error-responseDueAt").text()).isEqualTo("格式不正确");
        assertThat(form.select("#field-responseDueAt").val()).isEqualTo("12月20日");
    }

    @Test
    void anOrderOnAConcludedAssignmentIsRefusedNamingItsStateInChinese() throws Exception {
        // given
        when(supervisions.openSupervisionOrder(any(), anyString())).thenThrow(
                ConsoleFixtures.stateConflict("assignment", ASSIGNMENT_ID, "CONCLUDED", "open a supervision order"));

        // when
        Document form = page(post("/supervision/orders").with(supervisor()).with(csrf())
                .param("assignmentId", ASSIGNMENT_ID).param("trigger", "OVERDUE").param("form", "PHONE")
                .param("idempotencyKey", "key-5"));

        // then
        assertThat(form.select(".error-summary__title").text()).isEqualTo("当前状态为“已办结”，不能进行此操作。");
        assertThat(form.select("#field-trigger option[selected]").val()).isEqualTo("OVERDUE");
    }

    @Test
    void anUnknownAssignmentTypedByHandIsSaidBesideItsNumber() throws Exception {
        // given
        when(assignments.getAssignment("asg-404")).thenThrow(ConsoleFixtures.refusal(404, "{}"));
        when(supervisions.openSupervisionOrder(any(), anyString()))
                .thenThrow(ConsoleFixtures.invalid("assignmentId", "no assignment asg-404 is known"));

        // when
        Document form = page(post("/supervision/orders").with(supervisor()).with(csrf())
                .param("assignmentId", "asg-404").param("trigger", "OVERDUE").param("form", "PHONE")
                .param("idempotencyKey", "key-6"));

        // then
        assertThat(form.select("#error-assignmentId").text()).isEqualTo("不是已知的交办事项");
        assertThat(form.select("#field-assignmentId").val()).isEqualTo("asg-404");
    }

    @Test
    void withoutAnAssignmentTheFormAsksForItsNumber() throws Exception {
        // when
        Document form = page(get("/supervision/orders/new").with(supervisor()));

        // then
        verify(assignments, never()).getAssignment(any());
        assertThat(form.select("input#field-assignmentId[name=assignmentId]")).hasSize(1);
        assertThat(form.select("#hint-assignmentId").text()).contains("督办看板");
    }

    @Test
    void anAssignmentThePlatformDoesNotKnowIsNotFound() throws Exception {
        // given
        when(assignments.getAssignment("asg-404")).thenThrow(ConsoleFixtures.refusal(404, """
                {"type":"urn:duban:problem:not-found","status":404,"detail":"assignment asg-404 not found"}"""));

        // when
        Document page = page(get("/supervision/orders/new").param("assignmentId", "asg-404").with(supervisor()));

        // then
        assertThat(page.select("h1").text()).isEqualTo("未找到");
    }

    @Test
    void aLeaderCanNeitherOpenTheFormNorPostIt() throws Exception {
        mvc.perform(get("/supervision/orders/new").param("assignmentId", ASSIGNMENT_ID).with(leader()))
                .andExpect(status().isForbidden())
                .andExpect(forwardedUrl("/errors/forbidden"));
        mvc.perform(post("/supervision/orders").with(leader()).with(csrf())
                        .param("assignmentId", ASSIGNMENT_ID).param("trigger", "OVERDUE").param("form", "PHONE"))
                .andExpect(status().isForbidden());
        verify(supervisions, never()).openSupervisionOrder(any(), any());
    }

    @Test
    void aUnitIsAnsweredTheNotFoundPage() throws Exception {
        mvc.perform(get("/supervision/orders/new").param("assignmentId", ASSIGNMENT_ID).with(unit(UNIT_ID)))
                .andExpect(status().isNotFound());
        mvc.perform(post("/supervision/orders").with(unit(UNIT_ID)).with(csrf()).param("assignmentId", ASSIGNMENT_ID))
                .andExpect(status().isNotFound());
        verify(supervisions, never()).openSupervisionOrder(any(), any());
    }

    @Test
    void anOrderPostedWithoutItsCsrfTokenOpensNothingAndSaysTheFormExpired() throws Exception {
        mvc.perform(post("/supervision/orders").with(supervisor())
                        .param("assignmentId", ASSIGNMENT_ID).param("trigger", "OVERDUE").param("form", "PHONE"))
                .andExpect(status().isForbidden())
                .andExpect(forwardedUrl("/errors/expired-form"));
        verify(supervisions, never()).openSupervisionOrder(any(), any());
    }
}
