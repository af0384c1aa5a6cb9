package org.duban.console.statistics;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.duban.console.ConsoleFixtures;
import org.duban.console.ConsoleTest;
import org.duban.console.statistics.StatisticsFixtures.ReportsGateway;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.client.match.MockRestRequestMatchers;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.console.security.local.SignedInUsers.leader;
import static org.duban.console.security.local.SignedInUsers.supervisor;
import static org.duban.console.security.local.SignedInUsers.unit;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withStatus;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withSuccess;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class StatisticsControllerTest extends ConsoleTest {

    private static final LocalDate MARCH = LocalDate.of(2026, 3, 1);
    private static final LocalDate APRIL = LocalDate.of(2026, 4, 1);
    private static final MediaType DOCX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String REPORT = "/api/v1/reports/annual";

    @BeforeEach
    void theFiguresOfAnyPeriod() {
        when(statistics.getStatistics(any(), any(), any()))
                .thenAnswer(call -> StatisticsFixtures.figures(call.getArgument(0), call.getArgument(1),
                        call.getArgument(2)));
        when(scorecards.getUnitScorecards(any(), any()))
                .thenAnswer(call -> StatisticsFixtures.ranking(call.getArgument(0), call.getArgument(1)));
        when(reports.getAnnualReport(anyInt()))
                .thenAnswer(call -> StatisticsFixtures.annualReport(call.getArgument(0)));
    }

    @Test
    void withoutAPeriodTheFiguresAreThisYearsUpToAndIncludingToday() throws Exception {
        // given
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

        // when
        Document page = page(get("/statistics").with(supervisor()));

        // then
        verify(statistics).getStatistics(today.withDayOfYear(1), today.plusDays(1), null);
        verify(scorecards).getUnitScorecards(today.withDayOfYear(1), today.plusDays(1));
        verify(reports).getAnnualReport(today.getYear());
        assertThat(page.select("h1").text()).isEqualTo("统计分析");
        assertThat(page.select(".lead").text()).isEqualTo(today.withDayOfYear(1) + " 至 " + today + " · 全部责任单位");
        assertThat(page.select("#field-from").val()).isEqualTo(today.withDayOfYear(1).toString());
        assertThat(page.select("#field-to").val()).isEqualTo(today.plusDays(1).toString());
        assertThat(page.select(".quick-periods a.current").text()).isEqualTo("本年");
    }

    @Test
    void theMattersLeftUnratedAreTheirOwnCountAndTheLawyersWorkShowsForAllUnitsOnly() throws Exception {
        // when
        Document all = page(get("/statistics").with(leader()));
        Document oneUnit = page(get("/statistics").param("unitId", ConsoleFixtures.CHENGGUAN.getId()).with(leader()));

        // then
        assertThat(all.select("#figure-unrated .figure__label").text()).isEqualTo("超期未评价");
        assertThat(all.select("#figure-unrated .figure__number").text()).isEqualTo("4 件");
        assertThat(all.select("#figure-unrated .hint").text()).contains("不计入参评率和满意率");
        assertThat(all.select("#lawyers h2").text()).isEqualTo("律师参与");
        assertThat(all.select("#lawyers tbody tr").eachText()).containsExactly("律师坐班接访（次） 12",
                "接待群众（人次） 40", "参与调解（件） 3", "出具法律意见（件） 2");
        assertThat(all.select("#lawyers a").attr("href")).isEqualTo("/lawyers");
        assertThat(oneUnit.select("#figure-unrated .figure__number").text()).isEqualTo("4 件");
        assertThat(oneUnit.select("#lawyers")).as("office-wide figures, not a unit's").isEmpty();
    }

    @Test
    void thePeriodAndUnitChosenGoToTheApiAndTheUnitIsNamed() throws Exception {
        // when
        Document page = page(get("/statistics").param("from", "2026-03-01").param("to", "2026-04-01")
                .param("unitId", ConsoleFixtures.CHENGGUAN.getId()).with(supervisor()));

        // then
        verify(statistics).getStatistics(MARCH, APRIL, ConsoleFixtures.CHENGGUAN.getId());
        verify(scorecards).getUnitScorecards(MARCH, APRIL);
        verify(reports).getAnnualReport(2026);
        assertThat(page.select(".lead").text()).isEqualTo("2026-03-01 至 2026-03-31 · 城关街道办事处");
        assertThat(page.select("#field-unitId option[selected]").val()).isEqualTo(ConsoleFixtures.CHENGGUAN.getId());
        assertThat(page.select("#table-ranking tr.line--chosen").text()).contains("城关街道办事处");
    }

    @Test
    void theQuickPeriodsKeepTheUnit() throws Exception {
        // given
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        LocalDate firstOfMonth = today.withDayOfMonth(1);

        // when
        Document page = page(get("/statistics").param("unitId", "unit-cg").with(leader()));

        // then
        assertThat(page.select(".quick-periods a").eachText()).containsExactly("本年", "上年", "本月", "上月");
        assertThat(page.select(".quick-periods a").eachAttr("href")).containsExactly(
                "/statistics?from=" + today.withDayOfYear(1) + "&to=" + today.plusDays(1) + "&unitId=unit-cg",
                "/statistics?from=" + today.withDayOfYear(1).minusYears(1) + "&to=" + today.withDayOfYear(1)
                        + "&unitId=unit-cg",
                "/statistics?from=" + firstOfMonth + "&to=" + today.plusDays(1) + "&unitId=unit-cg",
                "/statistics?from=" + firstOfMonth.minusMonths(1) + "&to=" + firstOfMonth + "&unitId=unit-cg");
    }

    @Test
    void theCountsShowEachKindOfRecommendationAndMeasure() throws Exception {
        // when
        Document page = page(get("/statistics").param("from", "2026-03-01").param("to", "2026-04-01").with(leader()));

        // then
        assertThat(page.select(".figures").first().select(".figure").eachText())
                .containsExactly("149 交办", "3 转送", "25 督办");
        assertThat(page.text()).contains("改进工作建议 7", "完善政策建议 0", "追究责任建议 0", "其中已采纳 5");
        assertThat(page.text()).contains("通报 0", "责令书面检查 1", "约谈 6", "挂牌督办 0", "责令限期整改 0");
    }

    @Test
    void everyRateShowsItsPercentWithNumeratorAndDenominatorAndNothingCountedReadsNone() throws Exception {
        // when
        Document page = page(get("/statistics").param("from", "2026-03-01").param("to", "2026-04-01").with(leader()));

        // then
        assertThat(page.select("#rate-timelyAcceptance .figure__number").text()).isEqualTo("95.30%（142/149）");
        assertThat(page.select("#rate-onTimeCompletion .figure__number").text()).isEqualTo("88.00%（110/125）");
        assertThat(page.select("#rate-participation .figure__number").text()).isEqualTo("92.80%（116/125）");
        assertThat(page.select("#rate-satisfaction .figure__number").text()).isEqualTo("97.41%（113/116）");
        assertThat(page.select("#rate-prominentResolution .figure__number").text()).isEqualTo("91.94%（57/62）");
        assertThat(page.select("#rate-firstTimeResolution .figure__number").text()).isEqualTo("暂无");
        assertThat(page.select("#rate-satisfaction .figure__label").text()).isEqualTo("满意率");
        assertThat(page.select("#rate-prominentResolution .figure__label").text()).isEqualTo("突出信访矛盾化解率");
        assertThat(page.select("#rate-firstTimeResolution .figure__label").text()).isEqualTo("一次性化解率");
    }

    @Test
    void aWholeYearForAllUnitsReadsAsTheAnnualReportsNarrative() throws Exception {
        // when
        Document page = page(get("/statistics").param("from", "2023-01-01").param("to", "2024-01-01").with(leader()));

        // then
        assertThat(page.select(".statistics-summary p").eachText()).containsExactly("2023年，信访事项群众满意率达97.41%。",
                "全年累计交办突出信访问题149件，督办25件，提出改进工作建议7件，责令书面检查1件，开展约谈6件，信访工作责任进一步落实。");
    }

    @Test
    void anyOtherPeriodIsSummedUpInTheOfficesPhrasing() throws Exception {
        // when
        Document page = page(get("/statistics").param("from", "2026-03-01").param("to", "2026-04-01").with(leader()));

        // then
        assertThat(page.select(".statistics-summary p").text()).isEqualTo(
                "2026-03-01至2026-03-31，累计交办信访事项149件，转送3件，督办25件，提出改进工作建议7件，责令书面检查1件，开展约谈6件。");
    }

    @Test
    void theMonthlyChartHoldsTwelveMonthsWithChineseLabelsAndWholeNumberTicks() throws Exception {
        // when
        Document page = page(get("/statistics").param("from", "2026-03-01").param("to", "2026-04-01").with(leader()));

        // then
        JsonNode chart = JSON.readTree(page.select("#chart-months").attr("data-chart"));
        assertThat(chart.path("title").path("text").asString()).isEqualTo("2026年各月交办、转送、督办与问责措施");
        assertThat(chart.path("xAxis").path("data")).hasSize(12);
        assertThat(chart.path("xAxis").path("data").get(0).asString()).isEqualTo("1月");
        assertThat(chart.path("xAxis").path("data").get(11).asString()).isEqualTo("12月");
        assertThat(chart.path("yAxis").path("minInterval").asInt()).isEqualTo(1);
        assertThat(chart.path("legend").path("data").valueStream().map(JsonNode::asString))
                .containsExactly("交办", "转送", "督办", "问责措施");
        assertThat(chart.path("series")).hasSize(4);
        chart.path("series").forEach(series -> assertThat(series.path("data")).hasSize(12));
        assertThat(chart.path("series").get(0).path("data").get(0).asLong()).isEqualTo(11);
        assertThat(chart.path("series").get(0).path("data").get(11).asLong()).as("December, left out by the report")
                .isZero();
        assertThat(chart.path("textStyle").path("fontFamily").asString()).startsWith("\"Noto Sans CJK SC\"");
        assertThat(page.select("#chart-months").attr("role")).isEqualTo("img");
        String echarts = page.select("script[src*='/webjars/echarts/']").attr("src");
        assertThat(echarts).endsWith("/echarts.min.js");
        mvc.perform(get(echarts)).andExpect(status().isOk());
    }

    @Test
    void theMonthlyNumbersAreAlsoATableForScreenReadersAndPrinting() throws Exception {
        // when
        Document page = page(get("/statistics").param("from", "2026-03-01").param("to", "2026-04-01").with(leader()));

        // then
        Element table = page.selectFirst("#table-months");
        assertThat(table.select("caption").text()).isEqualTo("2026年各月交办、转送、督办与问责措施");
        assertThat(table.select("tbody tr")).hasSize(12);
        assertThat(table.select("tbody tr").get(5).text()).isEqualTo("6月 16 0 3 7");
        assertThat(table.select("tbody tr").get(11).text()).isEqualTo("12月 0 0 0 0");
        assertThat(table.select("tfoot tr").text()).isEqualTo("合计 176 0 25 7");
    }

    @Test
    void theCategoryChartNamesTheCategoriesInChinese() throws Exception {
        // when
        Document page = page(get("/statistics").param("from", "2026-03-01").param("to", "2026-04-01").with(leader()));

        // then
        JsonNode chart = JSON.readTree(page.select("#chart-categories").attr("data-chart"));
        assertThat(chart.path("yAxis").path("data").valueStream().map(JsonNode::asString))
                .containsExactly("劳动社保", "教育");
        assertThat(chart.path("xAxis").path("minInterval").asInt()).isEqualTo(1);
        assertThat(page.select("#table-categories tbody tr").eachText()).containsExactly("劳动社保 30 1 28", "教育 12 0 12");
    }

    @Test
    void aYearThePlatformDoesNotReportLeavesTheFiguresWithoutCharts() throws Exception {
        // given
        when(reports.getAnnualReport(anyInt()))
                .thenThrow(ConsoleFixtures.invalid("year", "must be a year from 2000 to 2100"));

        // when
        Document page = page(get("/statistics").param("from", "2026-03-01").param("to", "2026-04-01").with(leader()));

        // then
        assertThat(page.select("#rate-satisfaction .figure__number").text()).isEqualTo("97.41%（113/116）");
        assertThat(page.select("[data-chart]")).isEmpty();
        assertThat(page.select("script[src*=echarts]")).isEmpty();
        assertThat(page.text()).contains("平台暂无该年度的统计。");
    }

    @Test
    void theRankingShowsEachUnitWithItsCountsRatesAndTheWeightsUsed() throws Exception {
        // when
        Document page = page(get("/statistics").param("from", "2026-03-01").param("to", "2026-04-01").with(leader()));

        // then
        List<Element> rows = page.select("#table-ranking tbody tr");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).text())
                .isEqualTo("1 城关街道办事处 95.20 12 / 3 10 1 0 1 0 91.67%（11/12） 暂无 100.00%（4/4）");
        assertThat(rows.get(1).text())
                .isEqualTo("2 区教育局 71.46 5 / 0 4 2 1 2 1 80.00%（4/5） 50.00%（2/4） 75.00%（3/4）");
        assertThat(rows.get(1).select("a").attr("href")).isEqualTo("/units/unit-jy");
        assertThat(page.select("#ranking-weights").text()).startsWith(
                "综合得分 = 按期办结率 × 0.4 + 按期受理率 × 0.3 + 满意率 × 0.3 − 超期件数 × 2 − 退回重办件数 × 1 − 督办件数 × 3 − 问责措施件数 × 5");
    }

    @Test
    void aDayThatDoesNotParseIsShownBesideItsFieldWithoutAskingThePlatform() throws Exception {
        // when
        Document page = page(get("/statistics").param("from", "2026-13-40").param("to", "2026-04-01").with(supervisor()));

        // then
        verifyNoInteractions(statistics, scorecards);
        assertThat(page.select("#error-from").text()).isEqualTo("格式不正确");
        assertThat(page.select(".error-summary__list a").eachText()).containsExactly("开始日期：格式不正确");
        assertThat(page.select("#field-from").val()).isEqualTo("2026-13-40");
        assertThat(page.select(".figures")).isEmpty();
    }

    @Test
    void aPeriodThePlatformRefusesIsShownBesideTheEndDay() throws Exception {
        // given
        when(statistics.getStatistics(any(), any(), isNull()))
                .thenThrow(ConsoleFixtures.invalid("to", "must be after from"));

        // when
        Document page = page(get("/statistics").param("from", "2026-04-01").param("to", "2026-03-01").with(supervisor()));

        // then
        assertThat(page.select("#error-to").text()).isEqualTo("结束日期应晚于开始日期");
        assertThat(page.select("#field-from").val()).isEqualTo("2026-04-01");
        assertThat(page.select("#field-to").val()).isEqualTo("2026-03-01");
        assertThat(page.select(".figures")).isEmpty();
        verify(scorecards, never()).getUnitScorecards(any(), any());
    }

    @Test
    void aUnitIsAnsweredTheNotFoundPage() throws Exception {
        mvc.perform(get("/statistics").with(unit(ConsoleFixtures.CHENGGUAN.getId()))).andExpect(status().isNotFound());
        mvc.perform(get("/statistics/report").param("year", "2026").param("format", "docx")
                .with(unit(ConsoleFixtures.CHENGGUAN.getId()))).andExpect(status().isNotFound());
        verifyNoInteractions(statistics, reports);
    }

    @Test
    void aLeaderDownloadsTheAnnualReportAsWordWithItsChineseFileName() throws Exception {
        // given
        byte[] docx = {0x50, 0x4b, 0x03, 0x04, 0x14, 0x00};
        ReportsGateway gateway = ReportsGateway.start();
        when(reports.getApiClient()).thenReturn(gateway.client());
        gateway.server().expect(MockRestRequestMatchers.requestTo(StatisticsFixtures.GATEWAY + REPORT + "?year=2026"))
                .andExpect(MockRestRequestMatchers.method(HttpMethod.GET))
                .andExpect(MockRestRequestMatchers.header(HttpHeaders.ACCEPT, DOCX.toString()))
                .andRespond(withSuccess(docx, DOCX));

        // when
        MvcResult download = mvc.perform(get("/statistics/report").param("year", "2026").param("format", "docx")
                .with(leader())).andReturn();

        // then
        gateway.server().verify();
        assertThat(download.getResponse().getStatus()).isEqualTo(200);
        assertThat(download.getResponse().getContentType()).isEqualTo(DOCX.toString());
        assertThat(download.getResponse().getHeader(HttpHeaders.CONTENT_DISPOSITION)).isEqualTo(
                "attachment; filename=\"annual-report-2026.docx\"; "
                        + "filename*=UTF-8''%E7%9D%A3%E5%8A%9E%E5%B9%B4%E5%BA%A6%E6%8A%A5%E5%91%8A-2026.docx");
        assertThat(download.getResponse().getContentAsByteArray()).isEqualTo(docx);
    }

    @Test
    void theMarkdownReportIsUtf8Text() throws Exception {
        // given
        byte[] markdown = "# 2026年度信访事项督查督办工作报告\n".getBytes(StandardCharsets.UTF_8);
        ReportsGateway gateway = ReportsGateway.start();
        when(reports.getApiClient()).thenReturn(gateway.client());
        gateway.server().expect(MockRestRequestMatchers.header(HttpHeaders.ACCEPT, "text/markdown"))
                .andRespond(withSuccess(markdown, MediaType.parseMediaType("text/markdown;charset=UTF-8")));

        // when
        MvcResult download = mvc.perform(get("/statistics/report").param("year", "2026").param("format", "md")
                .with(supervisor())).andReturn();

        // then
        assertThat(download.getResponse().getContentType()).isEqualTo("text/markdown;charset=UTF-8");
        assertThat(download.getResponse().getHeader(HttpHeaders.CONTENT_DISPOSITION))
                .endsWith("%E7%9D%A3%E5%8A%9E%E5%B9%B4%E5%BA%A6%E6%8A%A5%E5%91%8A-2026.md");
        assertThat(download.getResponse().getContentAsByteArray()).isEqualTo(markdown);
    }

    @Test
    void aYearThePlatformRefusesIsShownBesideTheYearOnThePageItWasAskedFrom() throws Exception {
        // given
        ReportsGateway gateway = ReportsGateway.start();
        when(reports.getApiClient()).thenReturn(gateway.client());
        gateway.server().expect(MockRestRequestMatchers.requestTo(StatisticsFixtures.GATEWAY + REPORT + "?year=1999"))
                .andRespond(withStatus(HttpStatus.BAD_REQUEST).contentType(MediaType.APPLICATION_PROBLEM_JSON).body("""
                        {"type":"urn:duban:problem:invalid-request","status":400,"detail":"The request is not valid",
                         "errors":[{"field":"year","message":"must be a year from 2000 to 2100"}]}"""));

        // when
        Document page = page(get("/statistics/report").param("year", "1999").param("format", "xlsx")
                .param("from", "2026-03-01").param("to", "2026-04-01").with(leader()));

        // then
        assertThat(page.select("#downloads #error-year").text()).isEqualTo("年份应在 2000 至 2100 之间");
        assertThat(page.select("#downloads .error-summary__list a").eachText()).containsExactly("年份：年份应在 2000 至 2100 之间");
        assertThat(page.select("#field-year").val()).isEqualTo("1999");
        assertThat(page.select(".lead").text()).as("the page it was asked from").startsWith("2026-03-01 至 2026-03-31");
        verify(statistics).getStatistics(MARCH, APRIL, null);
    }

    @Test
    void aFormatNotOfferedIsRefusedWithoutAskingThePlatform() throws Exception {
        // when
        Document page = page(get("/statistics/report").param("year", "2026").param("format", "pdf").with(leader()));

        // then
        verify(reports, never()).getApiClient();
        assertThat(page.select("#downloads .error-summary__list a").eachText()).containsExactly("文件格式：不是可选的值");
    }

    @Test
    void aYearThatIsNotANumberIsShownBesideTheYear() throws Exception {
        // when
        Document page = page(get("/statistics/report").param("year", "二〇二六").param("format", "docx").with(leader()));

        // then
        verify(reports, never()).getApiClient();
        assertThat(page.select("#downloads #error-year").text()).isEqualTo("格式不正确");
        assertThat(page.select("#field-year").val()).isEqualTo("二〇二六");
    }

    @Test
    void theDownloadYearDefaultsToTheYearOfThePeriodShown() throws Exception {
        // when
        Document page = page(get("/statistics").param("from", "2025-01-01").param("to", "2026-01-01").with(leader()));

        // then
        assertThat(page.select("#field-year").val()).isEqualTo("2025");
        assertThat(page.select("#downloads input[name=from]").val()).isEqualTo("2025-01-01");
        assertThat(page.select("#downloads button[name=format]").eachAttr("value")).containsExactly("docx", "xlsx", "md");
    }

    @Test
    void whenReportingIsUnavailableThePageSaysSo() throws Exception {
        // given
        when(statistics.getStatistics(any(), any(), any())).thenThrow(ConsoleFixtures.unavailable());

        // when
        Document page = page(get("/statistics").with(leader()));

        // then
        assertThat(page.select("h1").text()).isEqualTo("平台暂时无法访问");
    }
}
