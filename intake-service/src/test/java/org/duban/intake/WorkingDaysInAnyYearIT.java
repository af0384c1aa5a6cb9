package org.duban.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.duban.contracts.events.Topics;
import org.duban.intake.calendar.statutory.StatutoryHolidays;
import org.duban.platform.testing.EmbeddedMongo;
import org.duban.platform.testing.TestFieldKeys;
import org.duban.platform.testing.TestTokens;
import org.duban.platform.testing.TopicReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * Working days in any year (issue 12, item 4), through HTTP, with {@code DUBAN_DAY_COUNTING=WORKING_DAYS}
 * and the office's clock on Friday 2026-11-20: instances of intake-service started and stopped by the
 * test (a database of their own, one broker), so that the office calendar can change between starts.
 */
@EmbeddedKafka(partitions = 1)
class WorkingDaysInAnyYearIT {

    private static final Instant NOW = Instant.parse("2026-11-20T02:00:00Z");
    private static final ZoneId OFFICE = ZoneId.of("Asia/Shanghai");
    private static final String SUPERVISOR = TestTokens.supervisor("zhang.wei");

    @TempDir
    Path calendarDir;

    @Test
    void aSixtyWorkingDayAssignmentIssuedLateIn2026IsDueInAProvisional2027AndIsCountedAgainExactlyOnceWhenTheOfficeAdds2027(
            EmbeddedKafkaBroker broker) throws IOException {
        // given: no 2027 file
        String database = "duban_intake_calendar_it_" + UUID.randomUUID().toString().substring(0, 8);
        String assignmentId;
        Instant provisionalDueAt;
        try (ConfigurableApplicationContext before = start(broker, database, null)) {
            HttpCalls http = new HttpCalls(port(before));
            String unitId = http.post("/api/v1/units", SUPERVISOR, "{\"code\":\"WD1\",\"name\":\"城关街道办事处\","
                    + "\"kind\":\"SUB_DISTRICT\",\"contacts\":[{\"name\":\"王芳\"}]}").text("id");
            String caseId = http.post("/api/v1/cases", SUPERVISOR, "{\"title\":\"小区加装电梯纠纷\",\"summary\":\"协调不力\","
                    + "\"channel\":\"VISIT\",\"origin\":\"SELF\",\"category\":\"URBAN_RURAL_CONSTRUCTION\","
                    + "\"petitioner\":{\"name\":\"李某\"},\"prominent\":false}").text("id");

            // when: a 交办 with the default 60 working days
            HttpCalls.Answer issued = http.post("/api/v1/cases/" + caseId + "/assignments", SUPERVISOR,
                    "{\"unitId\":\"" + unitId + "\",\"kind\":\"ASSIGN\"}");

            // then: not a 500 — due in 2027, marked provisional, and the event says so
            assertThat(issued.status()).isEqualTo(201);
            assignmentId = issued.text("id");
            provisionalDueAt = Instant.parse(issued.text("dueAt"));
            assertThat(provisionalDueAt.atZone(OFFICE).getYear()).isEqualTo(2027);
            assertThat(issued.body().path("deadlineProvisional").asBoolean()).isTrue();
            assertThat(issued.body().path("provisionalDeadlines").toString()).isEqualTo("[\"RESULT\"]");
            await().atMost(Duration.ofSeconds(20)).until(() ->
                    events(broker, "duban.assignment.issued.v1", assignmentId).stream()
                            .anyMatch(body -> body.contains("\"deadlineProvisional\":true")));
        }

        // when: the office adds its 2027 file (here: the statutory holidays and one more day off, 2027-01-04)
        // and two instances start at once
        writeYearFile(calendarDir.resolve("2027.yaml"));
        // logging is set up already (the first start above): two starts at once must not both reset logback, whose
        // reset is not thread-safe (a ConcurrentModificationException in LoggerContext.fireOnReset, seen in CI)
        System.setProperty(LoggingSystem.SYSTEM_PROPERTY, LoggingSystem.NONE);
        CompletableFuture<ConfigurableApplicationContext> first;
        CompletableFuture<ConfigurableApplicationContext> second;
        try {
            first = CompletableFuture.supplyAsync(() -> start(broker, database, calendarDir));
            second = CompletableFuture.supplyAsync(() -> start(broker, database, calendarDir));
            CompletableFuture.allOf(first, second).exceptionally(failure -> null).join();
        } finally {
            System.clearProperty(LoggingSystem.SYSTEM_PROPERTY);
        }
        try (ConfigurableApplicationContext one = first.join(); ConfigurableApplicationContext two = second.join()) {
            // then: the deadline is counted again on the official year, once
            HttpCalls.Answer recounted = new HttpCalls(port(one)).get("/api/v1/assignments/" + assignmentId, SUPERVISOR);
            assertThat(Instant.parse(recounted.text("dueAt"))).isEqualTo(provisionalDueAt.plus(Duration.ofDays(1)));
            assertThat(recounted.body().path("deadlineProvisional").asBoolean()).isFalse();
            await().atMost(Duration.ofSeconds(20)).until(() ->
                    events(broker, "duban.assignment.deadline-recomputed.v1", assignmentId).size() == 1);
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() ->
                    events(broker, "duban.assignment.deadline-recomputed.v1", assignmentId).size() == 1);
            assertThat(events(broker, "duban.assignment.deadline-recomputed.v1", assignmentId).get(0))
                    .contains("\"previousDueAt\":\"" + provisionalDueAt + "\"", "\"deadlineProvisional\":false");
        }
    }

    private static ConfigurableApplicationContext start(EmbeddedKafkaBroker broker, String database, Path calendarDir) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                // a free management port each: two instances start at once, and 9081 may be a ./duban's
                "--management.server.port=0",
                "--spring.mongodb.uri=" + EmbeddedMongo.uri(),
                "--duban.mongodb.database=" + database,
                "--duban.intake.query-code.key-location=classpath:query-code-test.key",
                "--duban.field-keys.location=" + TestFieldKeys.location(),
                "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                "--duban.kafka.partitions=1",
                "--duban.outbox.poll-interval=100ms",
                "--duban.intake.day-counting=WORKING_DAYS"));
        TestTokens.properties().forEach((name, value) -> args.add("--" + name + "=" + value));
        if (calendarDir != null) {
            args.add("--duban.intake.calendar-dir=" + calendarDir);
        }
        return new SpringApplicationBuilder(IntakeApplication.class)
                .initializers(context -> context.getBeanFactory().registerSingleton("clock",
                        Clock.fixed(NOW, ZoneOffset.UTC)))
                .run(args.toArray(String[]::new));
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    private static void writeYearFile(Path file) throws IOException {
        String holidays = StatutoryHolidays.of(2027).stream().map(day -> "  - " + day)
                .collect(Collectors.joining("\n"));
        Files.writeString(file, "source: 测试用的2027年办公日历（非官方）\nholidays:\n" + holidays + "\n  - "
                + LocalDate.of(2027, 1, 4) + "\nmakeUpWorkingDays: []\n", StandardCharsets.UTF_8);
    }

    private static List<String> events(EmbeddedKafkaBroker broker, String type, String containing) {
        return TopicReader.readAll(broker.getBrokersAsString(), Topics.INTAKE).stream()
                .filter(record -> type.equals(header(record, "ce_type")))
                .map(record -> new String(record.value(), StandardCharsets.UTF_8))
                .filter(body -> body.contains(containing))
                .toList();
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
