package org.duban.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.duban.supervision.deadline.DeadlineFixtures.ACCEPTANCE_DUE;
import static org.duban.supervision.deadline.DeadlineFixtures.ISSUED_AT;
import static org.duban.supervision.deadline.DeadlineFixtures.issuedEvent;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.mongodb.client.MongoDatabase;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.bson.Document;
import org.duban.contracts.events.DubanEvent;
import org.duban.contracts.events.ReminderIssued;
import org.duban.contracts.events.SupervisionOrderOpened;
import org.duban.contracts.events.Topics;
import org.duban.platform.events.EventJson;
import org.duban.platform.testing.EmbeddedMongo;
import org.duban.platform.testing.MovableClock;
import org.duban.platform.testing.TestEvents;
import org.duban.platform.testing.TestTokens;
import org.duban.platform.testing.TopicReader;
import org.duban.supervision.reminder.ReminderSource;
import org.duban.supervision.reminder.ReminderSweep;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.condition.EmbeddedKafkaCondition;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * Whole service instances (Spring contexts) over one Mongo-wire database and one embedded broker,
 * sharing one movable clock: two of them sweeping at the same moments, and one that dies in the
 * middle of a sweep and is restarted. Each runs its own outbox relay, both to the same broker.
 */
@EmbeddedKafka(partitions = 1, brokerProperties = {"offsets.topic.num.partitions=1",
        "group.initial.rebalance.delay.ms=0"})
class TwoInstancesIT {

    private static final String INTAKE = "/duban/intake-service";
    private static final MovableClock CLOCK = new MovableClock(ISSUED_AT);

    private final List<ConfigurableApplicationContext> running = new ArrayList<>();
    private final String database = "duban_supervision_two_" + UUID.randomUUID().toString().replace("-", "");

    @AfterEach
    void stopAll() {
        running.forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void twoInstancesSweepingTogetherIssueEachReminderAndEachAutomaticOrderExactlyOnce() {
        // given: two instances, twelve assignments
        CLOCK.set(ISSUED_AT);
        ConfigurableApplicationContext first = start();
        ConfigurableApplicationContext second = start();
        List<String> ids = issue(12);

        // when: both sweep at the same moments, yellow then red (twice)
        CLOCK.set(ACCEPTANCE_DUE.minus(Duration.ofHours(5)));
        race(first, second);
        CLOCK.set(ACCEPTANCE_DUE.plus(Duration.ofHours(1)));
        race(first, second);
        race(first, second);

        // then
        awaitOutboxesDrained(first);
        assertExactlyOnce(ids, List.of("YELLOW", "RED"));
    }

    @Test
    void anInstanceDyingInTheMiddleOfASweepLosesAndDuplicatesNothingOnceRestarted() {
        // given: nine assignments overdue
        CLOCK.set(ISSUED_AT);
        ConfigurableApplicationContext doomed = start();
        List<String> ids = issue(9);
        CLOCK.set(ACCEPTANCE_DUE.plus(Duration.ofMinutes(1)));

        // when: its sweep dies after four reminders, and it goes down
        AtomicInteger issued = new AtomicInteger();
        List<ReminderSource> crashing = doomed.getBeansOfType(ReminderSource.class).values().stream()
                .map(source -> crashingAfter(source, 4, issued)).toList();
        assertThatThrownBy(() -> new ReminderSweep(crashing, CLOCK, 2).sweep()).isInstanceOf(InstanceDied.class);
        doomed.close();
        running.remove(doomed);
        // and comes back
        ConfigurableApplicationContext restarted = start();
        restarted.getBean(ReminderSweep.class).sweep();
        restarted.getBean(ReminderSweep.class).sweep();

        // then
        awaitOutboxesDrained(restarted);
        assertExactlyOnce(ids, List.of("RED"));
    }

    private ConfigurableApplicationContext start() {
        Map<String, Object> properties = new HashMap<>();
        properties.put("server.port", 0);
        properties.put("management.server.port", 0);
        properties.put("spring.mongodb.uri", EmbeddedMongo.uri());
        properties.put("duban.mongodb.database", database);
        properties.putAll(TestTokens.properties());
        properties.put("spring.kafka.bootstrap-servers", broker().getBrokersAsString());
        properties.put("duban.kafka.partitions", 1);
        properties.put("duban.kafka.retry-initial", "50ms");
        properties.put("duban.kafka.retry-max", "200ms");
        properties.put("duban.kafka.retries", 3);
        properties.put("duban.outbox.poll-interval", "100ms");
        // The relays' leases run on the same movable clock; days moved forward must not expire a
        // lease a relay still holds (which would only let the other relay publish a copy).
        properties.put("duban.outbox.lease", "3650d");
        properties.put("duban.supervision.sweep-enabled", false);
        properties.put("duban.supervision.orders.overdue-policy", "AUTO");
        ConfigurableApplicationContext context = new SpringApplicationBuilder(SupervisionApplication.class)
                .initializers(ctx -> ((GenericApplicationContext) ctx).registerBean("clock", Clock.class, () -> CLOCK))
                .run(properties.entrySet().stream().map(p -> "--" + p.getKey() + "=" + p.getValue())
                        .toArray(String[]::new));
        running.add(context);
        return context;
    }

    private List<String> issue(int count) {
        String unit = "unit-" + UUID.randomUUID();
        List<String> ids = IntStream.range(0, count).mapToObj(i -> "asg-" + i + "-" + unit).toList();
        TestEvents.send(broker().getBrokersAsString(), INTAKE,
                ids.stream().map(id -> issuedEvent(id, unit)).toArray(DubanEvent[]::new));
        MongoDatabase db = running.get(0).getBean(MongoDatabase.class);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                db.getCollection("tracked_assignments").countDocuments(new Document("_id", new Document("$in", ids)))
                        == count);
        return ids;
    }

    private static void race(ConfigurableApplicationContext first, ConfigurableApplicationContext second) {
        CompletableFuture<ReminderSweep.Result> a = CompletableFuture.supplyAsync(() -> first.getBean(ReminderSweep.class).sweep());
        CompletableFuture<ReminderSweep.Result> b = CompletableFuture.supplyAsync(() -> second.getBean(ReminderSweep.class).sweep());
        a.join();
        b.join();
    }

    private static void awaitOutboxesDrained(ConfigurableApplicationContext context) {
        MongoDatabase db = context.getBean(MongoDatabase.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> List.of("tracked_assignments", "supervision_orders").stream()
                .allMatch(name -> db.getCollection(name).countDocuments(new Document("outboxSince",
                        new Document("$exists", true))) == 0));
    }

    private void assertExactlyOnce(List<String> assignmentIds, List<String> colours) {
        List<ConsumerRecord<String, byte[]>> records = TopicReader.readAll(broker().getBrokersAsString(), Topics.SUPERVISION);
        List<ReminderIssued> reminders = new ArrayList<>();
        List<SupervisionOrderOpened> opened = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            String type = header(record, "ce_type");
            if (ReminderIssued.TYPE.equals(type)) {
                ReminderIssued reminder = EventJson.read(record.value(), ReminderIssued.class);
                if (assignmentIds.contains(reminder.subjectId())) {
                    reminders.add(reminder);
                }
            } else if (SupervisionOrderOpened.TYPE.equals(type)) {
                SupervisionOrderOpened order = EventJson.read(record.value(), SupervisionOrderOpened.class);
                if (assignmentIds.contains(order.assignmentId())) {
                    opened.add(order);
                }
            }
        }
        // Distinct reminder ids: one per assignment and colour. (The relay publishes at least once; a
        // copy would carry the same ids, which consumers drop. None is expected here either.)
        Map<String, Long> perSubjectAndColour = reminders.stream()
                .collect(Collectors.groupingBy(r -> r.subjectId() + "/" + r.colour(),
                        Collectors.mapping(ReminderIssued::reminderId, Collectors.toSet())))
                .entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> (long) e.getValue().size()));
        assertThat(reminders).hasSize(assignmentIds.size() * colours.size());
        assertThat(perSubjectAndColour).hasSize(assignmentIds.size() * colours.size());
        assertThat(perSubjectAndColour.values()).containsOnly(1L);
        Map<String, Long> ordersPerAssignment = opened.stream()
                .collect(Collectors.groupingBy(SupervisionOrderOpened::assignmentId, Collectors.counting()));
        assertThat(ordersPerAssignment).hasSize(assignmentIds.size());
        assertThat(ordersPerAssignment.values()).containsOnly(1L);
        assertThat(opened).allSatisfy(order -> assertThat(order.automatic()).isTrue());
    }

    private static ReminderSource crashingAfter(ReminderSource source, int reminders, AtomicInteger count) {
        return new ReminderSource() {
            @Override
            public String subjectType() {
                return source.subjectType();
            }

            @Override
            public List<String> dueForReminder(Instant now, int limit) {
                return source.dueForReminder(now, limit);
            }

            @Override
            public int remind(String id, Instant now) {
                if (count.get() >= reminders) {
                    throw new InstanceDied();
                }
                int issued = source.remind(id, now);
                count.addAndGet(issued);
                return issued;
            }
        };
    }

    private static EmbeddedKafkaBroker broker() {
        return EmbeddedKafkaCondition.getBroker();
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** What the test throws to stand for the instance dying in the middle of its sweep. */
    private static final class InstanceDied extends Error {
        InstanceDied() {
            super("the instance died in the middle of its sweep");
        }
    }
}
