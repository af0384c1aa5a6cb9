package org.duban.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.duban.notification.AcknowledgementScenario.INTAKE;
import static org.duban.notification.WebhookFixtures.issued;
import static org.duban.notification.WebhookFixtures.register;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.duban.notification.TestReceiver.Received;
import org.duban.platform.testing.TestEvents;
import org.duban.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.condition.EmbeddedKafkaCondition;
import org.springframework.kafka.test.context.EmbeddedKafka;
import tools.jackson.databind.JsonNode;

/**
 * Scheduled retries live in the store, not in memory: the service is stopped while every delivery
 * waits for its next attempt, then two instances are started on the same database. Every pending
 * delivery is attempted, and none reaches the receiver twice successfully.
 */
@EmbeddedKafka(partitions = 1,
        brokerProperties = {"offsets.topic.num.partitions=1", "group.initial.rebalance.delay.ms=0"})
class DeliveryRestartIT {

    private static final int MESSAGES = 6;
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Map<String, String> SETTINGS = Map.of(
            "duban.notification.webhooks.allow-http", "true",
            "duban.notification.webhooks.allow-loopback", "true",
            // well under the lease, and long enough for a fresh JVM's first exchange on a busy machine
            "duban.notification.webhooks.timeout", "5s",
            "duban.notification.webhooks.breaker.minimum-calls", "100",
            "duban.notification.delivery.retry-schedule", "0s,2s,2s,2s,2s,2s",
            "duban.notification.delivery.jitter", "0",
            "duban.notification.delivery.poll-interval", "100ms",
            "duban.notification.delivery.lease", "10s");

    @Test
    void pendingDeliveriesSurviveAStopAndAreEachDeliveredOnceByTwoNewInstances() {
        // given: the receiver is down, every delivery has failed once and waits for its retry
        EmbeddedKafkaBroker broker = EmbeddedKafkaCondition.getBroker();
        String bootstrap = broker.getBrokersAsString();
        String database = "duban_notification_restart_" + UUID.randomUUID().toString().replace("-", "");
        String unit = TestTokens.unit("li.na", "unit-restart");
        try (TestReceiver receiver = new TestReceiver().answering(n -> TestReceiver.Answer.status(503))) {
            try (RunningNotification.Started first = RunningNotification.start(database, bootstrap, SETTINGS)) {
                InboxHttp http = first.http();
                register(http, unit, receiver.url());
                for (int i = 1; i <= MESSAGES; i++) {
                    TestEvents.send(bootstrap, INTAKE, issued("asg-restart" + i, "unit-restart"));
                }
                await().atMost(PATIENCE).until(() -> pendingAfterOneAttempt(http, unit) == MESSAGES);
            }
            int attemptsBeforeStop = receiver.received().size();

            // when: the receiver comes back, and two instances start on the same store
            receiver.answering(n -> TestReceiver.Answer.status(200));
            try (RunningNotification.Started second = RunningNotification.start(database, bootstrap, SETTINGS);
                    RunningNotification.Started third = RunningNotification.start(database, bootstrap, SETTINGS)) {
                InboxHttp http = second.http();

                // then
                await().atMost(PATIENCE).until(() -> delivered(http, unit) == MESSAGES);
                await().during(Duration.ofSeconds(3)).atMost(PATIENCE).until(() -> receiver.accepted().size() == MESSAGES);
                Map<String, Long> successesPerId = receiver.accepted().stream()
                        .collect(Collectors.groupingBy(Received::webhookId, Collectors.counting()));
                assertThat(successesPerId).hasSize(MESSAGES).allSatisfy((id, count) -> assertThat(count).isEqualTo(1));
                List<String> idsBeforeStop = receiver.received().subList(0, attemptsBeforeStop).stream()
                        .map(Received::webhookId).distinct().toList();
                assertThat(successesPerId.keySet()).containsExactlyInAnyOrderElementsOf(idsBeforeStop);
                assertThat(deliveries(http, unit)).allSatisfy(delivery -> {
                    assertThat(delivery.path("status").asString()).isEqualTo("DELIVERED");
                    // one success, last; before it the failures (more than one when a retry came before
                    // the stop, as it may on a slow machine)
                    List<Integer> statuses = delivery.path("attempts").valueStream()
                            .map(a -> a.path("status").asInt()).toList();
                    assertThat(statuses).endsWith(200).startsWith(503);
                    assertThat(statuses.subList(0, statuses.size() - 1)).containsOnly(503);
                });
            }
        }
    }

    private static long pendingAfterOneAttempt(InboxHttp http, String unit) {
        return deliveries(http, unit).stream()
                .filter(d -> d.path("status").asString().equals("PENDING") && d.path("attempts").size() >= 1)
                .count();
    }

    private static long delivered(InboxHttp http, String unit) {
        return deliveries(http, unit).stream().filter(d -> d.path("status").asString().equals("DELIVERED")).count();
    }

    private static List<JsonNode> deliveries(InboxHttp http, String unit) {
        return http.get("/api/v1/deliveries?size=200", unit).body().path("items").valueStream()
                .map(Function.<JsonNode>identity()).toList();
    }
}
