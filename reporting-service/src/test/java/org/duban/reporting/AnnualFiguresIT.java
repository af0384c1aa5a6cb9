package org.duban.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.duban.reporting.ReportingCalls.JSON;
import static org.duban.reporting.ReportingCalls.assertRate;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.poi.xddf.usermodel.chart.XDDFChart;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.bson.Document;
import org.duban.contracts.events.Actor;
import org.duban.contracts.events.AssignmentIssued;
import org.duban.contracts.events.DubanEvent;
import org.duban.contracts.events.Topics;
import org.duban.platform.events.PendingEvent;
import org.duban.platform.testing.TestEvents;
import org.duban.reporting.acceptance.YearOfEvents;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.test.context.EmbeddedKafka;
import tools.jackson.databind.JsonNode;

/**
 * THE acceptance test: the office's 2023 as events through the broker, and the figures the office
 * published for it — 149/25/7/1/6, 97.41 % and 91.94 % — out of the statistics and the annual
 * report; the same figures after every event is delivered twice and after a rebuild from scratch.
 *
 * <p>A service of its own (its own context): each topic's events spread over three partitions (the broker
 * makes the topics before the service starts, which leaves them so), and the rebuild stops its consumer and
 * empties its store.
 */
@EmbeddedKafka(partitions = 3, topics = {Topics.INTAKE, Topics.SUPERVISION, Topics.NOTIFICATION},
        bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AnnualFiguresIT extends RunningReporting {

    static final String SENTENCE = "全年累计交办突出信访问题149件，督办25件，提出改进工作建议7件，责令书面检查1件，开展约谈6件";
    private static final List<DubanEvent> YEAR = YearOfEvents.all();
    private static final List<PendingEvent> SENT = new ArrayList<>();
    private static final List<String> FIRST_ANSWERS = new ArrayList<>();
    private static final List<String> TOPICS = List.of(Topics.INTAKE, Topics.SUPERVISION, Topics.NOTIFICATION);
    /** The reporting service's one listener ({@code ProjectionListener}). */
    private static final String LISTENER = "reporting-projection";
    private static final AssignmentIssued MARKER = new AssignmentIssued("asg-2024-marker", "case-2024-marker",
            "unit-hongqi", "ASSIGN", "OTHER", false, YearOfEvents.at(LocalDate.of(2024, 6, 1), 9, 0),
            YearOfEvents.at(LocalDate.of(2024, 6, 16), 9, 0), YearOfEvents.at(LocalDate.of(2024, 7, 31), 9, 0),
            new Actor("zhang.wei", "SUPERVISOR", null));

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Autowired
    MeterRegistry meters;

    @Test
    @Order(1)
    void answersTheFiguresTheOfficePublishedForTheYear() {
        // given: three partitions a topic, so that one matter's events keep their order and nothing else does
        try (Admin admin = admin()) {
            assertThat(offsets(admin, TOPICS, OffsetSpec.latest())).hasSize(9);
        }

        // when
        for (String topic : TOPICS) {
            SENT.addAll(TestEvents.send(bootstrap(), "/duban/test",
                    YEAR.stream().filter(event -> YearOfEvents.topicOf(event).equals(topic)).toArray(DubanEvent[]::new)));
        }
        awaitProcessed(SENT.size());

        // then: the listener counted events, not the polls that brought them
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(meters.get("duban.events.handled").tag("consumer", "projection").counter().count()).isEqualTo(SENT.size()));
        JsonNode figures = http.json("/api/v1/statistics?from=2023-01-01&to=2024-01-01");
        assertThat(figures.get("assignmentsIssued").asLong()).isEqualTo(149);
        assertThat(figures.get("transfersIssued").asLong()).isEqualTo(YearOfEvents.TRANSFERS);
        assertThat(figures.get("supervisionOrdersOpened").asLong()).isEqualTo(25);
        assertThat(figures.at("/recommendations/IMPROVE_WORK").asLong()).isEqualTo(7);
        assertThat(figures.at("/recommendations/IMPROVE_POLICY").asLong()).isZero();
        assertThat(figures.at("/recommendations/adopted").asLong()).isEqualTo(5);
        assertThat(figures.at("/measures/WRITTEN_SELF_REVIEW").asLong()).isEqualTo(1);
        assertThat(figures.at("/measures/INTERVIEW").asLong()).isEqualTo(6);
        assertThat(figures.at("/measures/NOTICE").asLong()).isZero();
        assertRate(figures.at("/rates/satisfaction"), 113, 116, 97.41);
        assertRate(figures.at("/rates/prominentResolution"), 57, 62, 91.94);
        // every 15th acceptance late (10 of 149); every 9th report late (16 of 149)
        assertRate(figures.at("/rates/timelyAcceptance"), 139, 149, 93.29);
        assertRate(figures.at("/rates/onTimeCompletion"), 133, 149, 89.26);
        // 116 evaluated of 149 + 12 transfers concluded
        assertRate(figures.at("/rates/participation"), 116, 161, 72.05);
        // first-time matters concluded: 140 of the 149 (every 17th from the 4th is not a first petition) + the 12
        // transfers; 136 of them resolved, less matters 30 and 31, petitioned again 20 days after their conclusion
        // (within the 90-day window; matter 32's repeat, 200 days after, is outside it)
        assertRate(figures.at("/rates/firstTimeResolution"), 134, 152, 88.16);
        FIRST_ANSWERS.addAll(answers());
    }

    @Test
    @Order(2)
    void writesTheSentenceOfTheOfficesReportInMarkdown() {
        // when
        HttpResponse<byte[]> response = report("text/markdown");

        // then
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/markdown"));
        String markdown = new String(response.body(), StandardCharsets.UTF_8);
        assertThat(markdown).startsWith("# 2023年度");
        assertThat(markdown).contains(SENTENCE);
        assertThat(markdown).contains("信访事项群众满意率达97.41%", "突出信访矛盾年化解率达到91.94%");
        assertThat(markdown).contains("| 群众满意率 | 97.41% | 113 | 116 |", "| 突出信访矛盾化解率 | 91.94% | 57 | 62 |");
        assertThat(markdown).contains("## 各责任单位情况", "| 1 |", "红旗镇", "## 分类情况", "| 房地产 |", "## 月度情况");
        // the charts as pictures where a font displays Chinese (fonts-noto-cjk), else the reason why not
        assertThat(markdown).containsAnyOf("![图1 各月交办、转送件数][chart-1]", "未生成图表");
    }

    @Test
    @Order(3)
    void writesTheFiguresTablesAndChartsIntoADocxThatPoiReads() throws Exception {
        // when
        HttpResponse<byte[]> response = report(
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document");

        // then
        try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(response.body()))) {
            String text = docx.getParagraphs().stream().map(XWPFParagraph::getText).reduce("", String::concat);
            assertThat(text).contains(SENTENCE, "97.41%", "91.94%");
            assertThat(docx.getTables()).hasSize(4);
            assertThat(docx.getTables().get(0).getText()).contains("群众满意率", "113", "116", "突出信访矛盾化解率");
            assertThat(docx.getTables().get(1).getText()).contains("红旗镇");
            // the two monthly charts are Word's own; the year's 149 assignments are what the first one shows
            assertThat(docx.getCharts()).hasSize(2);
            assertThat(docx.getAllPictures()).isEmpty();
            assertThat(seriesNames(docx.getCharts().get(0))).containsExactly("交办", "转送");
            assertThat(cachedSum(docx.getCharts().get(0), 0)).isEqualTo(149);
        }
    }

    @Test
    @Order(4)
    void writesTheFiguresTablesAndChartsIntoAnXlsxThatPoiReads() throws Exception {
        // when
        HttpResponse<byte[]> response = report("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

        // then
        try (XSSFWorkbook xlsx = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
            assertThat(xlsx.getSheet("报告").getRow(3).getCell(0).getStringCellValue()).contains(SENTENCE);
            var figures = xlsx.getSheet("主要数据");
            assertThat(figures.getRow(1).getCell(0).getStringCellValue()).isEqualTo("交办");
            assertThat(figures.getRow(1).getCell(1).getNumericCellValue()).isEqualTo(149);
            assertThat(figures.getRow(3).getCell(1).getNumericCellValue()).isEqualTo(25);
            assertThat(figures.getRow(16).getCell(0).getStringCellValue()).isEqualTo("群众满意率");
            assertThat(figures.getRow(16).getCell(1).getStringCellValue()).isEqualTo("97.41%");
            assertThat(figures.getRow(17).getCell(1).getStringCellValue()).isEqualTo("91.94%");
            var months = xlsx.getSheet("月度情况");
            double assignments = 0;
            for (int row = 1; row <= 12; row++) {
                assignments += months.getRow(row).getCell(1).getNumericCellValue();
            }
            assertThat(assignments).isEqualTo(149);
            // the two monthly charts are Excel's own, drawn from the cells summed above
            var charts = months.getDrawingPatriarch().getCharts();
            assertThat(charts).hasSize(2);
            assertThat(xlsx.getAllPictures()).isEmpty();
            assertThat(seriesNames(charts.get(0))).containsExactly("交办", "转送");
            assertThat(charts.get(0).getCTChart().getPlotArea().getBarChartArray(0).getSerArray(0).getVal().getNumRef()
                    .getF()).isEqualTo("月度情况!$B$2:$B$13");
            assertThat(cachedSum(charts.get(0), 0)).isEqualTo(149);
        }
    }

    @Test
    @Order(5)
    void answersTheReportAsJsonByDefault() {
        // when
        HttpResponse<byte[]> response = report("*/*");

        // then
        JsonNode report = JSON.readTree(response.body());
        assertThat(report.get("year").asInt()).isEqualTo(2023);
        assertThat(report.get("narrative").get(1).asString()).startsWith(SENTENCE);
        assertThat(report.at("/statistics/assignmentsIssued").asLong()).isEqualTo(149);
        assertThat(report.at("/units/weights/onTimeCompletion").isNumber()).isTrue();
        assertThat(report.get("months")).hasSize(12);
        assertThat(report.get("categories")).hasSize(10);
    }

    @Test
    @Order(6)
    void answersTheSameFiguresAfterEveryEventWasDeliveredTwice() {
        // when: a relay that crashed before removing them publishes all of them again, ids unchanged; then a new
        // event, an assignment issued in 2024 (outside every period asked below)
        TestEvents.resend(bootstrap(), "/duban/test", SENT);
        TestEvents.send(bootstrap(), "/duban/test", MARKER);

        // then: once the new event is counted and the service has read every partition to its end (so every
        // duplicate too, whichever partition it is on), nothing else has changed
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(http.json("/api/v1/statistics?from=2024-06-01&to=2024-06-02").get("assignmentsIssued").asLong())
                        .isEqualTo(1));
        awaitReadToTheEnd(TOPICS);
        assertThat(answers()).isEqualTo(FIRST_ANSWERS);
    }

    @Test
    @Order(7)
    void answersTheSameFiguresAfterARebuildFromScratch() {
        // given: the rebuild procedure (README "Rebuilding from scratch"): the consumer stops, the store is
        // emptied (its collections are cleared rather than dropped: they keep the indexes a restart would make)
        MessageListenerContainer consumer = listeners.getListenerContainer(LISTENER);
        consumer.stop();
        for (String collection : database.listCollectionNames()) {
            database.getCollection(collection).deleteMany(new Document());
        }
        assertThat(http.json("/api/v1/statistics?from=2023-01-01&to=2024-01-01").get("assignmentsIssued").asLong()).isZero();

        // when: the group's offsets are reset to the start and the consumer reads again — supervision's and
        // notification's topics first, intake's (whose offsets stay at the end meanwhile) only after them
        readAgainFromTheStart(consumer, List.of(Topics.SUPERVISION, Topics.NOTIFICATION));
        readAgainFromTheStart(consumer, List.of(Topics.INTAKE));

        // then
        assertThat(database.getCollection("processed_events").countDocuments()).isEqualTo(SENT.size() + 1);
        assertThat(answers()).isEqualTo(FIRST_ANSWERS);
    }

    /** Stops the consumer, moves its group to the start of the topics, starts it and waits until it is at the end. */
    private void readAgainFromTheStart(MessageListenerContainer consumer, List<String> topics) {
        consumer.stop();
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetAndMetadata> start = new HashMap<>();
            offsets(admin, topics, OffsetSpec.earliest()).forEach((partition, offset) ->
                    start.put(partition, new OffsetAndMetadata(offset)));
            // the group takes new offsets only once the stopped consumer has left it
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() ->
                    admin.alterConsumerGroupOffsets(consumer.getGroupId(), start).all().get());
        }
        consumer.start();
        awaitReadToTheEnd(topics);
    }

    /**
     * Waits until the group's committed offsets reach the partitions' ends as they are now: with one commit
     * per record, handled after it was handled (platform defaults), every record on the topics has been handled.
     */
    private void awaitReadToTheEnd(List<String> topics) {
        String group = listeners.getListenerContainer(LISTENER).getGroupId();
        try (Admin admin = admin()) {
            Map<TopicPartition, Long> ends = offsets(admin, topics, OffsetSpec.latest());
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed =
                        admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
                ends.forEach((partition, end) -> assertThat(committed.containsKey(partition)
                        ? committed.get(partition).offset() : 0L).as("committed offset of %s", partition).isEqualTo(end));
            });
        }
    }

    private Map<TopicPartition, Long> offsets(Admin admin, List<String> topics, OffsetSpec spec) {
        try {
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            admin.describeTopics(topics).allTopicNames().get().values().forEach(topic -> topic.partitions().forEach(
                    partition -> request.put(new TopicPartition(topic.name(), partition.partition()), spec)));
            Map<TopicPartition, Long> offsets = new HashMap<>();
            admin.listOffsets(request).all().get().forEach((partition, info) -> offsets.put(partition, info.offset()));
            return offsets;
        } catch (Exception e) {
            throw new AssertionError("could not read the offsets of " + topics, e);
        }
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap()));
    }

    private List<String> answers() {
        return List.of(
                http.json("/api/v1/statistics?from=2023-01-01&to=2024-01-01").toString(),
                http.json("/api/v1/statistics?from=2023-01-01&to=2024-01-01&unitId=unit-hongqi").toString(),
                http.json("/api/v1/statistics?from=2023-03-01&to=2023-04-01").toString(),
                http.json("/api/v1/statistics/units?from=2023-01-01&to=2024-01-01").toString(),
                new String(report("text/markdown").body(), StandardCharsets.UTF_8));
    }

    private void awaitProcessed(long events) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(database.getCollection("processed_events").countDocuments()).isGreaterThanOrEqualTo(events));
    }

    private HttpResponse<byte[]> report(String accept) {
        HttpResponse<byte[]> response = http.annualReport(2023, accept);
        // kept for a look in a real reader: target/annual-report-2023.{md,docx,xlsx,json}
        String extension = accept.contains("markdown") ? "md" : accept.contains("word") ? "docx"
                : accept.contains("sheet") ? "xlsx" : "json";
        try {
            Files.write(Path.of("target", "annual-report-2023." + extension), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return response;
    }

    private static List<String> seriesNames(XDDFChart chart) {
        return Arrays.stream(chart.getCTChart().getPlotArea().getBarChartArray(0).getSerArray())
                .map(series -> series.getTx().getStrRef().getStrCache().getPtArray(0).getV()).toList();
    }

    /** The sum of what the chart shows (its cache) for one series. */
    private static double cachedSum(XDDFChart chart, int series) {
        return Arrays.stream(chart.getCTChart().getPlotArea().getBarChartArray(0).getSerArray(series)
                .getVal().getNumRef().getNumCache().getPtArray()).mapToDouble(point -> Double.parseDouble(point.getV()))
                .sum();
    }
}
