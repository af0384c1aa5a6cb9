package org.duban.console.matters;

import java.time.LocalDate;
import java.util.List;

import org.duban.client.intake.model.Category;
import org.duban.client.intake.model.Channel;
import org.duban.client.intake.model.Origin;
import org.duban.client.intake.model.Petitioner;
import org.duban.client.intake.model.RegisterCaseRequest;
import org.duban.console.ConsoleFixtures;
import org.duban.console.ConsoleTest;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.console.matters.MattersFixtures.CASE_ID;
import static org.duban.console.matters.MattersFixtures.QUERY_CODE;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class MattersControllerTest extends ConsoleTest {

    // --- the list -------------------------------------------------------------------------------

    @Test
    void theListShowsEachMatterWithItsWordsInChineseAndItsFlags() throws Exception {
        // given
        when(cases.listCases(any(), any(), any(), any(), any(), any(), any(), any(), anyInt(), anyInt()))
                .thenReturn(MattersFixtures.casePage(List.of(
                        MattersFixtures.summary(CASE_ID, "小区加装电梯纠纷").prominent(true).whistleblowing(true).firstTime(false),
                        MattersFixtures.summary("case-2", "学校收费问题")), 0, 2, 1));

        // when
        Document list = page(get("/matters").with(supervisor()));

        // then
        assertThat(list.select("tbody tr")).hasSize(2);
        assertThat(list.select("tbody tr").first().text())
                .contains("小区加装电梯纠纷", "教育", "来信", "市交办", "突出信访问题", "检举揭发", "重复信访");
        assertThat(list.select("tbody tr").get(1).select(".tag")).isEmpty();
        assertThat(list.select("tbody a[href='/matters/case-1']").text()).isEqualTo("小区加装电梯纠纷");
        assertThat(list.select("a[href='/matters/new']").text()).isEqualTo("登记信访事项");
        verify(cases).listCases(null, null, null, null, null, null, null, null, 0, 20);
    }

    @Test
    void theSearchAndEveryFilterGoToTheApiAndStayInThePagingLinks() throws Exception {
        // given
        when(cases.listCases(any(), any(), any(), any(), any(), any(), any(), any(), anyInt(), anyInt()))
                .thenReturn(MattersFixtures.casePage(List.of(MattersFixtures.summary("case-21", "电梯")), 1, 45, 3));

        // when
        Document list = page(get("/matters").with(supervisor())
                .param("q", " 电梯 ").param("category", "EDUCATION").param("channel", "LETTER")
                .param("origin", "CITY").param("prominent", "true")
                .param("registeredFrom", "2026-11-01").param("registeredTo", "2026-11-30").param("page", "1"));

        // then
        verify(cases).listCases("电梯", null, Category.EDUCATION, Channel.LETTER, Origin.CITY, true,
                LocalDate.of(2026, 11, 1), LocalDate.of(2026, 12, 1), 1, 20);
        assertThat(list.select(".pagination a[rel=next]").attr("href")).isEqualTo(
                "/matters?q=%20%E7%94%B5%E6%A2%AF%20&category=EDUCATION&channel=LETTER&origin=CITY&prominent=true"
                        + "&registeredFrom=2026-11-01&registeredTo=2026-11-30&page=2");
        assertThat(list.select(".pagination a[rel=prev]").attr("href")).endsWith("&page=0");
        assertThat(list.select("#filter-q").val()).isEqualTo(" 电梯 ");
        assertThat(list.select("#filter-category option[selected]").val()).isEqualTo("EDUCATION");
        assertThat(list.select("#filter-prominent option[selected]").val()).isEqualTo("true");
        assertThat(list.select("#filter-registeredTo").val()).isEqualTo("2026-11-30");
    }

    @Test
    void filtersThatAreNotChoicesAreDroppedAndTheListShowsEverything() throws Exception {
        // given
        when(cases.listCases(any(), any(), any(), any(), any(), any(), any(), any(), anyInt(), anyInt()))
                .thenReturn(MattersFixtures.casePage(List.of(), 0, 0, 0));

        // when
        mvc.perform(get("/matters").with(supervisor()).param("category", "NOPE").param("prominent", "maybe")
                        .param("registeredFrom", "yesterday").param("page", "-3"))
                .andExpect(status().isOk());

        // then
        verify(cases).listCases(null, null, null, null, null, null, null, null, 0, 20);
    }

    @Test
    void anEmptyListSaysWhatToDoNext() throws Exception {
        // given
        when(cases.listCases(any(), any(), any(), any(), any(), any(), any(), any(), anyInt(), anyInt()))
                .thenReturn(MattersFixtures.casePage(List.of(), 0, 0, 0));

        // when
        Document nothingYet = page(get("/matters").with(supervisor()));
        Document nothingFound = page(get("/matters").with(supervisor()).param("q", "电梯"));

        // then
        assertThat(nothingYet.select(".empty").text()).contains("尚未登记信访事项", "登记信访事项");
        assertThat(nothingFound.select(".empty").text()).contains("没有符合当前查询和筛选条件的信访事项", "清除筛选");
    }

    @Test
    void aLeaderReadsTheListButIsNotOfferedToRegister() throws Exception {
        // given
        when(cases.listCases(any(), any(), any(), any(), any(), any(), any(), any(), anyInt(), anyInt()))
                .thenReturn(MattersFixtures.casePage(List.of(MattersFixtures.summary(CASE_ID, "小区加装电梯纠纷")), 0, 1, 1));

        // when
        Document list = page(get("/matters").with(leader()));

        // then
        assertThat(list.select("tbody tr")).hasSize(1);
        assertThat(list.select("a[href='/matters/new']")).isEmpty();
    }

    @Test
    void aUnitIsAnsweredTheNotFoundPageForEveryMattersPage() throws Exception {
        String unitId = ConsoleFixtures.CHENGGUAN.getId();
        mvc.perform(get("/matters").with(unit(unitId))).andExpect(status().isNotFound());
        mvc.perform(get("/matters/new").with(unit(unitId))).andExpect(status().isNotFound());
        mvc.perform(get("/matters/case-1/receipt").with(unit(unitId))).andExpect(status().isNotFound());
        mvc.perform(post("/matters").with(unit(unitId)).with(csrf()).param("title", "x"))
                .andExpect(status().isNotFound());
        verify(cases, never()).listCases(any(), any(), any(), any(), any(), any(), any(), any(), any(), any());
        verify(cases, never()).registerCase(any(), any());
    }

    // --- registration ---------------------------------------------------------------------------

    @Test
    void theRegistrationFormOffersEveryFieldWithFirstTimeTickedAndTheUnitsToAccuse() throws Exception {
        // when
        Document form = page(get("/matters/new").with(supervisor()));

        // then
        assertThat(form.select("form[action='/matters'] [name]").eachAttr("name")).contains("title", "summary",
                "channel", "origin", "category", "petitioner.name", "petitioner.idNumber", "petitioner.phone",
                "prominent", "backlog", "leaderInCharge", "firstTime", "repeatOfCaseId", "whistleblowing",
                "accusedUnitIds", "idempotencyKey");
        assertThat(form.select("#field-firstTime").hasAttr("checked")).isTrue();
        assertThat(form.select("#field-prominent").hasAttr("checked")).isFalse();
        assertThat(form.select("#field-channel option").eachText()).contains("来信", "来访", "网上", "电话");
        assertThat(form.select("#field-origin option").eachText()).contains("本级", "中央信访联席办");
        assertThat(form.select("#field-category option").eachText()).contains("征地拆迁", "生态环境");
        assertThat(form.select("[data-visible-when='firstTime=false'] #field-repeatOfCaseId")).hasSize(1);
        assertThat(form.select("#field-accusedUnitIds").attr("data-visible-when")).isEqualTo("whistleblowing=true");
        assertThat(form.select("#field-accusedUnitIds input[name=accusedUnitIds]").eachAttr("value"))
                .containsExactly("unit-cg", "unit-jy");
        assertThat(form.select("#field-accusedUnitIds label").eachText()).contains("城关街道办事处", "区教育局");
        assertThat(form.select("input[name=idempotencyKey]").val()).isNotBlank();
        form.select("input:not([type=hidden]), select, textarea").forEach(input ->
                assertThat(form.select("label[for='" + input.id() + "']")).as("label of " + input.id()).isNotEmpty());
    }

    @Test
    void everyFieldTypedReachesTheApiWithTheFormsIdempotencyKey() throws Exception {
        // given
        when(cases.registerCase(any(), anyString())).thenReturn(MattersFixtures.matter().queryCode(QUERY_CODE));

        // when
        mvc.perform(post("/matters").with(supervisor()).with(csrf())
                        .param("title", " 学校收费问题 ").param("summary", "反映某校违规收费。")
                        .param("channel", "ONLINE").param("origin", "PROVINCE").param("category", "EDUCATION")
                        .param("petitioner.name", "李四").param("petitioner.idNumber", "33010219900101123X")
                        .param("petitioner.phone", "0571-88000000")
                        .param("prominent", "true").param("backlog", "true").param("leaderInCharge", "王副区长")
                        .param("repeatOfCaseId", "case-0")
                        .param("whistleblowing", "true").param("accusedUnitIds", "unit-jy", "unit-cg")
                        .param("idempotencyKey", "key-1"))
                .andExpect(status().isFound());

        // then
        ArgumentCaptor<RegisterCaseRequest> sent = ArgumentCaptor.forClass(RegisterCaseRequest.class);
        verify(cases).registerCase(sent.capture(), eq("key-1"));
        assertThat(sent.getValue()).isEqualTo(new RegisterCaseRequest().title("学校收费问题").summary("反映某校违规收费。")
                .channel(Channel.ONLINE).origin(Origin.PROVINCE).category(Category.EDUCATION)
                .petitioner(new Petitioner().name("李四").idNumber("33010219900101123X").phone("0571-88000000"))
                .prominent(true).backlog(true).leaderInCharge("王副区长").firstTime(false).repeatOfCaseId("case-0")
                .whistleblowing(true).accusedUnitIds(List.of("unit-jy", "unit-cg")));
    }

    @Test
    void aPlainFirstTimeMatterIsSentWithItsFlagsOffAndNoOptionalFields() throws Exception {
        // given
        when(cases.registerCase(any(), anyString())).thenReturn(MattersFixtures.matter().queryCode(QUERY_CODE));

        // when
        mvc.perform(post("/matters").with(supervisor()).with(csrf())
                        .param("title", "噪音扰民").param("summary", "夜间施工噪音。").param("channel", "PHONE")
                        .param("origin", "SELF").param("category", "ECOLOGY_ENVIRONMENT")
                        .param("petitioner.name", "王五").param("petitioner.idNumber", "").param("petitioner.phone", "")
                        .param("leaderInCharge", "").param("firstTime", "true").param("repeatOfCaseId", "")
                        .param("idempotencyKey", "key-2"))
                .andExpect(status().isFound());

        // then
        ArgumentCaptor<RegisterCaseRequest> sent = ArgumentCaptor.forClass(RegisterCaseRequest.class);
        verify(cases).registerCase(sent.capture(), eq("key-2"));
        assertThat(sent.getValue().getPetitioner()).isEqualTo(new Petitioner().name("王五"));
        assertThat(sent.getValue().getFirstTime()).isTrue();
        assertThat(sent.getValue().getProminent()).isFalse();
        assertThat(sent.getValue().getWhistleblowing()).isFalse();
        assertThat(sent.getValue().getBacklog()).isFalse();
        assertThat(sent.getValue().getAccusedUnitIds()).isEmpty();
        assertThat(sent.getValue().getLeaderInCharge()).isNull();
        assertThat(sent.getValue().getRepeatOfCaseId()).isNull();
    }

    @Test
    void aRefusedRegistrationShowsEachErrorBesideItsFieldAndKeepsWhatWasTyped() throws Exception {
        // given
        when(cases.registerCase(any(), anyString())).thenThrow(ConsoleFixtures.refusal(400, """
                {"type":"urn:duban:problem:invalid-request","status":400,"detail":"The request is not valid",
                 "errors":[{"field":"petitioner.name","message":"must not be blank"},
                           {"field":"petitioner.idNumber","message":"must match \\"^[0-9]{17}[0-9Xx]$\\""},
                           {"field":"accusedUnitIds","message":"not registered units: unit-gone"}]}"""));

        // when
        Document form = page(post("/matters").with(supervisor()).with(csrf())
                .param("title", "学校收费问题").param("summary", "反映某校违规收费。").param("channel", "ONLINE")
                .param("origin", "SELF").param("category", "EDUCATION")
                .param("petitioner.name", " ").param("petitioner.idNumber", "12345").param("petitioner.phone", "13800000000")
                .param("whistleblowing", "true").param("accusedUnitIds", "unit-jy")
                .param("prominent", "true").param("idempotencyKey", "key-3"));

        // then
        assertThat(form.select(".error-summary__title").text()).isEqualTo("提交未成功：请修改下列内容。");
        assertThat(form.select(".error-summary__list a").eachText())
                .containsExactly("信访人姓名：必须填写", "身份证号码：格式不正确", "被检举单位：不是已登记的责任单位：unit-gone");
        assertThat(form.select("#error-petitioner\\.name").text()).isEqualTo("必须填写");
        assertThat(form.select("#error-petitioner\\.idNumber").text()).isEqualTo("格式不正确");
        assertThat(form.select("#field-accusedUnitIds #error-accusedUnitIds").text())
                .isEqualTo("不是已登记的责任单位：unit-gone");
        assertThat(form.select("#field-accusedUnitIds").hasAttr("data-visible-when"))
                .as("a field the platform names is shown even without its checkbox").isFalse();
        assertThat(form.select("#field-title").val()).isEqualTo("学校收费问题");
        assertThat(form.select("#field-summary").text()).isEqualTo("反映某校违规收费。");
        assertThat(form.select("#field-petitioner\\.idNumber").val()).isEqualTo("12345");
        assertThat(form.select("#field-petitioner\\.phone").val()).isEqualTo("13800000000");
        assertThat(form.select("#field-channel option[selected]").val()).isEqualTo("ONLINE");
        assertThat(form.select("#field-prominent").hasAttr("checked")).isTrue();
        assertThat(form.select("#field-firstTime").hasAttr("checked")).as("unticked stays unticked").isFalse();
        assertThat(form.select("#field-whistleblowing").hasAttr("checked")).isTrue();
        assertThat(form.select("input[name=accusedUnitIds][checked]").eachAttr("value")).containsExactly("unit-jy");
        assertThat(form.select("input[name=idempotencyKey]").val()).isEqualTo("key-3");
    }

    @Test
    void aRepeatPetitionMarkedFirstTimeIsRefusedBesideTheCheckboxWithThePreviousMatterShown() throws Exception {
        // given
        when(cases.registerCase(any(), anyString())).thenThrow(ConsoleFixtures.invalid("firstTime",
                "must be false for a repeat petition (repeatOfCaseId is given)"));

        // when
        Document form = page(post("/matters").with(supervisor()).with(csrf()).param("title", "t")
                .param("firstTime", "true").param("repeatOfCaseId", "case-0").param("idempotencyKey", "k"));

        // then
        assertThat(form.select("#error-firstTime").text()).isEqualTo("重复信访不能标为初次信访");
        assertThat(form.select("#field-repeatOfCaseId").val()).isEqualTo("case-0");
        assertThat(form.select("#field-repeatOfCaseId").parents()).noneMatch(parent -> parent.hasAttr("data-visible-when"));
    }

    @Test
    void aChoiceThatIsNotOneOfTheOptionsIsRefusedBeforeCallingThePlatform() throws Exception {
        // when
        Document form = page(post("/matters").with(supervisor()).with(csrf()).param("title", "t")
                .param("channel", "PIGEON").param("idempotencyKey", "k"));

        // then
        verify(cases, never()).registerCase(any(), any());
        assertThat(form.select("#error-channel").text()).isEqualTo("格式不正确");
    }

    @Test
    void aRegisteredMatterLeadsToItsReceiptWithTheQueryCodeOnlyInTheFlash() throws Exception {
        // given
        when(cases.registerCase(any(), anyString())).thenReturn(MattersFixtures.matter().queryCode(QUERY_CODE));

        // when
        MvcResult registered = mvc.perform(post("/matters").with(supervisor()).with(csrf())
                        .param("title", "小区加装电梯纠纷").param("idempotencyKey", "key-4"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/matters/case-1/receipt"))
                .andExpect(flash().attribute("queryCode", QUERY_CODE))
                .andExpect(flash().attribute("flash", "matters.registered"))
                .andReturn();

        // then
        assertThat(registered.getResponse().getRedirectedUrl()).doesNotContain(QUERY_CODE);
        assertThat(registered.getResponse().getHeaderNames()).allSatisfy(name ->
                assertThat(registered.getResponse().getHeaders(name)).noneMatch(value -> value.contains(QUERY_CODE)));
    }

    @Test
    void theReceiptShowsTheQueryCodeOnceAndSaysSoWhenOpenedAgain() throws Exception {
        // given
        when(cases.registerCase(any(), anyString())).thenReturn(MattersFixtures.matter().queryCode(QUERY_CODE));
        when(cases.getCase(CASE_ID)).thenReturn(MattersFixtures.matter());
        MockHttpSession session = new MockHttpSession();
        MvcResult registered = mvc.perform(post("/matters").session(session).with(supervisor()).with(csrf())
                .param("title", "小区加装电梯纠纷").param("idempotencyKey", "key-5")).andReturn();

        // when
        MvcResult first = mvc.perform(get(registered.getResponse().getRedirectedUrl()).session(session)
                        .with(supervisor()))
                .andExpect(header().string("Cache-Control", org.hamcrest.Matchers.containsString("no-store")))
                .andReturn();
        Document receipt = org.jsoup.Jsoup.parse(first.getResponse().getContentAsString());
        Document reloaded = page(get("/matters/case-1/receipt").session(session).with(supervisor()));

        // then
        assertThat(receipt.select(".query-code__value").text()).isEqualTo(QUERY_CODE);
        assertThat(receipt.select(".query-code").text()).contains("凭查询码评价办理情况");
        assertThat(receipt.select("h1").text()).isEqualTo("信访事项回执");
        assertThat(receipt.select(".receipt__office").text()).isEqualTo("区信访办");
        assertThat(receipt.select(".summary-list").text())
                .contains("case-1", "张三", "小区加装电梯纠纷", "来访", "城乡建设", "2026-11-23 10:00");
        assertThat(receipt.select("button[data-print]").text()).isEqualTo("打印回执");
        assertThat(receipt.select("button[data-print]").parents().hasClass("no-print")).isTrue();
        assertThat(receipt.select(".flash").text()).contains("信访事项已登记");
        assertThat(reloaded.text()).doesNotContain(QUERY_CODE);
        assertThat(reloaded.select(".query-code--absent").text()).contains("查询码只在登记时显示一次");
    }

    @Test
    void aQueryCodeInTheAddressIsNeverShown() throws Exception {
        // given
        when(cases.getCase(CASE_ID)).thenReturn(MattersFixtures.matter());

        // when
        Document receipt = page(get("/matters/case-1/receipt").param("queryCode", "FORGED").with(supervisor()));

        // then
        assertThat(receipt.text()).doesNotContain("FORGED");
        assertThat(receipt.select(".query-code__value")).isEmpty();
    }

    @Test
    void aLeadersReceiptHasNoPetitionerAndNoRegistrationLink() throws Exception {
        // given
        when(cases.getCase(CASE_ID)).thenReturn(MattersFixtures.matterWithoutPetitioner());

        // when
        Document receipt = page(get("/matters/case-1/receipt").with(leader()));

        // then
        assertThat(receipt.select(".summary-list").text()).doesNotContain("信访人");
        assertThat(receipt.select("a[href='/matters/new']")).isEmpty();
    }

    @Test
    void theReceiptOfAMatterThatDoesNotExistIsTheNotFoundPage() throws Exception {
        // given
        when(cases.getCase("case-x")).thenThrow(ConsoleFixtures.refusal(404, """
                {"type":"urn:duban:problem:not-found","status":404,"detail":"no matter case-x"}"""));

        // when / then
        mvc.perform(get("/matters/case-x/receipt").with(supervisor())).andExpect(status().isNotFound());
    }

    @Test
    void aLeaderCannotOpenOrPostTheRegistration() throws Exception {
        mvc.perform(get("/matters/new").with(leader())).andExpect(status().isForbidden());
        mvc.perform(post("/matters").with(leader()).with(csrf()).param("title", "x"))
                .andExpect(status().isForbidden());
        verify(cases, never()).registerCase(any(), any());
    }

    @Test
    void aRegistrationPostedWithoutItsCsrfTokenChangesNothingAndSaysTheFormExpired() throws Exception {
        // when / then
        mvc.perform(post("/matters").with(supervisor()).param("title", "x"))
                .andExpect(status().isForbidden())
                .andExpect(forwardedUrl("/errors/expired-form"));
        verify(cases, never()).registerCase(any(), any());
    }

    @Test
    void aMatterRegisteredWithoutAnAnswerFromThePlatformIsTheUnavailablePage() throws Exception {
        // given
        when(cases.registerCase(any(), anyString())).thenThrow(ConsoleFixtures.unavailable());

        // when / then
        mvc.perform(post("/matters").with(supervisor()).with(csrf()).param("title", "x").param("idempotencyKey", "k"))
                .andExpect(status().isServiceUnavailable());
    }
}
