package org.duban.console.statistics;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

import org.duban.client.reporting.ApiClient;
import org.duban.client.reporting.model.AnnualReport;
import org.duban.client.reporting.model.CategoryFigures;
import org.duban.client.reporting.model.LawyerCounts;
import org.duban.client.reporting.model.MeasureCounts;
import org.duban.client.reporting.model.MonthFigures;
import org.duban.client.reporting.model.Rate;
import org.duban.client.reporting.model.Rates;
import org.duban.client.reporting.model.RecommendationCounts;
import org.duban.client.reporting.model.ScoreWeights;
import org.duban.client.reporting.model.Statistics;
import org.duban.client.reporting.model.UnitScorecard;
import org.duban.client.reporting.model.UnitScorecards;
import org.duban.console.ConsoleFixtures;
import org.springframework.test.web.client.MockRestServiceServer;
import org.springframework.web.client.RestClient;

/** The reporting service's answers, shaped on the office's published 2023 figures. */
final class StatisticsFixtures {

    static final String GATEWAY = "http://gateway.test";

    private StatisticsFixtures() {
    }

    /**
     * The 2023 report's figures: 交办 149, 督办 25, 改进工作建议 7, 书面检查 1, 约谈 6, 满意率 97.41%, 化解率 91.94%;
     * 4 matters left unrated; for all units, the lawyers' work (12 sessions, 40 visitors, 3 mediated, 2 opinions).
     */
    static Statistics figures(LocalDate from, LocalDate to, String unitId) {
        return new Statistics().from(from).to(to).unitId(unitId)
                .assignmentsIssued(149L).transfersIssued(3L).supervisionOrdersOpened(25L)
                .recommendations(new RecommendationCounts().IMPROVE_WORK(7L).IMPROVE_POLICY(0L).ACCOUNTABILITY(0L)
                        .adopted(5L))
                .measures(new MeasureCounts().NOTICE(0L).WRITTEN_SELF_REVIEW(1L).INTERVIEW(6L).LISTED_SUPERVISION(0L)
                        .RECTIFICATION_ORDER(0L))
                .rates(new Rates()
                        .timelyAcceptance(rate(95.3, 142, 149))
                        .onTimeCompletion(rate(88.0, 110, 125))
                        .participation(rate(92.8, 116, 125))
                        .satisfaction(rate(97.41, 113, 116))
                        .prominentResolution(rate(91.94, 57, 62))
                        .firstTimeResolution(new Rate().numerator(0L).denominator(0L)))
                .unratedMatters(4L)
                .lawyers(unitId != null ? null : new LawyerCounts().dutySessions(12L).visitorsReceived(40L)
                        .mediationMatters(3L).legalOpinionMatters(2L));
    }

    static Rate rate(double percent, long numerator, long denominator) {
        return new Rate().percent(percent).numerator(numerator).denominator(denominator);
    }

    /** 城关 first, 教育局 second, each with its rates; the office's weights. */
    static UnitScorecards ranking(LocalDate from, LocalDate to) {
        return new UnitScorecards().from(from).to(to)
                .weights(new ScoreWeights().onTimeCompletion(0.4).timelyAcceptance(0.3).satisfaction(0.3)
                        .overdue(2.0).sendBacks(1.0).supervisionOrders(3.0).measures(5.0))
                .units(List.of(
                        new UnitScorecard().rank(1).unitId(ConsoleFixtures.CHENGGUAN.getId()).unitName("城关街道办事处")
                                .score(95.2).assignmentsIssued(12L).transfersIssued(3L).assignmentsConcluded(10L)
                                .overdue(1L).sendBacks(0L).supervisionOrdersOpened(1L).measuresIssued(0L)
                                .timelyAcceptance(rate(91.67, 11, 12))
                                .onTimeCompletion(new Rate().numerator(0L).denominator(0L))
                                .satisfaction(rate(100.0, 4, 4)),
                        new UnitScorecard().rank(2).unitId(ConsoleFixtures.EDUCATION_BUREAU.getId())
                                .score(71.456).assignmentsIssued(5L).transfersIssued(0L).assignmentsConcluded(4L)
                                .overdue(2L).sendBacks(1L).supervisionOrdersOpened(2L).measuresIssued(1L)
                                .timelyAcceptance(rate(80.0, 4, 5))
                                .onTimeCompletion(rate(50.0, 2, 4))
                                .satisfaction(rate(75.0, 3, 4))));
    }

    /**
     * The annual report of a year as JSON; its months leave December out (nothing counted yet), so a page
     * has to show twelve months by itself.
     */
    static AnnualReport annualReport(int year) {
        List<MonthFigures> months = IntStream.rangeClosed(1, 11)
                .mapToObj(month -> new MonthFigures().month(month).assignmentsIssued(10L + month).transfersIssued(0L)
                        .supervisionOrdersOpened(month % 3 == 0 ? 3L : 2L).measuresIssued(month == 6 ? 7L : 0L))
                .toList();
        return new AnnualReport().year(year).title(year + "年度信访事项督查督办工作报告")
                .narrative(List.of(year + "年，信访事项群众满意率达97.41%。",
                        "全年累计交办突出信访问题149件，督办25件，提出改进工作建议7件，责令书面检查1件，开展约谈6件，信访工作责任进一步落实。"))
                .statistics(figures(LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1), null))
                .units(ranking(LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1)))
                .categories(List.of(
                        new CategoryFigures().category("LABOR_SOCIAL_SECURITY").label("劳动社保").assignmentsIssued(30L)
                                .transfersIssued(1L).assignmentsConcluded(28L),
                        new CategoryFigures().category("EDUCATION").label("教育").assignmentsIssued(12L)
                                .transfersIssued(0L).assignmentsConcluded(12L)))
                .months(months);
    }

    /** A reporting client whose calls the test's server answers, as {@code reports.getApiClient()} gives it. */
    record ReportsGateway(ApiClient client, MockRestServiceServer server) {

        static ReportsGateway start() {
            RestClient.Builder builder = RestClient.builder();
            MockRestServiceServer server = MockRestServiceServer.bindTo(builder).build();
            return new ReportsGateway(new ApiClient(builder.build()).setBasePath(GATEWAY), server);
        }
    }
}
