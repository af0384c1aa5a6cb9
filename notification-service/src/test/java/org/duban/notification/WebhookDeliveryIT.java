package org.duban.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.duban.notification.AcknowledgementScenario.INTAKE;
import static org.duban.notification.AcknowledgementScenario.PATIENCE;
import static org.duban.notification.AcknowledgementScenario.header;
import static org.duban.notification.WebhookFixtures.issued;
import static org.duban.notification.WebhookFixtures.register;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.bson.Document;
import org.duban.contracts.events.NotificationDelivered;
import org.duban.contracts.events.NotificationDeliveryFailed;
import org.duban.contracts.events.Topics;
import org.duban.notification.InboxHttp.Answer;
import org.duban.notification.delivery.Deliveries;
import org.duban.notification.TestReceiver.Received;
import org.duban.notification.WebhookFixtures.Registered;
import org.duban.platform.testing.TestEvents;
import org.duban.platform.testing.TestTokens;
import org.duban.platform.testing.TopicReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Webhooks end to end on the real clock: an assignment event in, a signed POST out to a receiver in
 * the test, which checks it with its own implementation of Standard Webhooks. The retry schedule is
 * shortened to fractions of a second and the attempt timeout to one second, so that retries,
 * failures for good and open breakers happen within the test.
 */
@TestPropertySource(properties = {
    "duban.notification.webhooks.allow-http=true",
    "duban.notification.webhooks.allow-loopback=true",
    "duban.notification.webhooks.timeout=1s",
    "duban.notification.webhooks.breaker.minimum-calls=3",
    "duban.notification.webhooks.breaker.window=4",
    "duban.notification.webhooks.breaker.open-wait=30s",
    "duban.notification.delivery.retry-schedule=0s,300ms,300ms,300ms",
    "duban.notification.delivery.jitter=0",
    "duban.notification.delivery.poll-interval=100ms",
    "duban.notification.delivery.lease=10s"})
class WebhookDeliveryIT extends RunningNotification {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalManagementPort
    int managementPort;
    @Autowired
    CircuitBreakerRegistry breakers;
    @Autowired
    Deliveries deliveries;

    private final List<TestReceiver> receivers = new ArrayList<>();
    @AfterEach
    void stopReceivers() {
        receivers.forEach(TestReceiver::close);
    }

    @Test
    void theUnitsReceiverGetsTheAssignmentSignedAndItsOwnVerifierRejectsATamperedBodyAndAStaleTimestamp() {
        // given
        String unit = TestTokens.unit("li.na", "unit-signed");
        TestReceiver receiver = receiver();
        Registered webhook = register(http, unit, receiver.url());
        receiver.verifyingWith(webhook.secret());

        // when
        TestEvents.send(bootstrap, INTAKE, issued("asg-s1", "unit-signed"));

        // then
        Received request = await().atMost(PATIENCE).until(receiver::accepted, list -> list.size() == 1).get(0);
        assertThat(request.refusal()).isNull();
        JsonNode body = JSON.readTree(request.bodyText());
        assertThat(body.path("type").asString()).isEqualTo("duban.assignment.issued.v1");
        assertThat(body.at("/data/assignmentId").asString()).isEqualTo("asg-s1");
        assertThat(body.at("/data/title").asString()).isEqualTo("新交办事项：case-asg-s1");
        assertThat(request.signature()).startsWith("v1,");

        StandardWebhooksVerifier verifier = new StandardWebhooksVerifier(webhook.secret());
        byte[] tampered = request.bodyText().replace("asg-s1", "asg-s2").getBytes(StandardCharsets.UTF_8);
        assertThat(verifier.refusal(request.webhookId(), request.timestamp(), request.signature(), tampered, request.at()))
                .isEqualTo("no valid signature");
        assertThat(verifier.refusal(request.webhookId(), request.timestamp(), request.signature(), request.body(),
                request.at().plus(Duration.ofMinutes(10)))).isEqualTo("stale timestamp");
        assertThat(new StandardWebhooksVerifier("whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32]))
                .refusal(request.webhookId(), request.timestamp(), request.signature(), request.body(), request.at()))
                .isEqualTo("no valid signature");

        JsonNode delivery = awaitDelivery(unit, request.webhookId(), "DELIVERED");
        assertThat(delivery.path("attempts")).hasSize(1);
        assertThat(delivery.at("/attempts/0/status").asInt()).isEqualTo(204);
        assertThat(delivery.path("webhookId").asString()).isEqualTo(webhook.id());
        await().atMost(PATIENCE).until(() -> eventsAbout(request.webhookId(), NotificationDelivered.TYPE).size() == 1);
    }

    @Test
    void aReceiverFailingTwiceGetsTheMessageOnTheThirdAttemptWithTheSameWebhookId() {
        // given
        String unit = TestTokens.unit("wang.fang", "unit-flaky");
        TestReceiver receiver = receiver().answering(n -> TestReceiver.Answer.status(n <= 2 ? 503 : 200));
        Registered webhook = register(http, unit, receiver.url());
        receiver.verifyingWith(webhook.secret());

        // when
        TestEvents.send(bootstrap, INTAKE, issued("asg-f1", "unit-flaky"));

        // then
        await().atMost(PATIENCE).until(() -> receiver.accepted().size() == 1);
        List<Received> all = receiver.received();
        assertThat(all).extracting(Received::answeredStatus).containsExactly(503, 503, 200);
        assertThat(all).extracting(Received::webhookId).containsOnly(all.get(0).webhookId());
        assertThat(all).extracting(Received::refusal).containsOnlyNulls();
        JsonNode delivery = awaitDelivery(unit, all.get(0).webhookId(), "DELIVERED");
        assertThat(delivery.path("attempts").valueStream().map(a -> a.path("status").asInt()))
                .containsExactly(503, 503, 200);
        assertThat(delivery.at("/attempts/0/error").asString()).isEqualTo("HTTP 503");
        assertThat(delivery.at("/attempts/2/latencyMillis").isNumber()).isTrue();
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void theAttemptRecordTheUnitSeesSaysConnectionRefusedAndTheDetailIsInTheServiceLogOnly(CapturedOutput output)
            throws java.io.IOException {
        // given: a webhook on a port where nothing listens
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        String unit = TestTokens.unit("lu.bo", "unit-refused");
        register(http, unit, "http://127.0.0.1:" + closedPort + "/hook");

        // when
        TestEvents.send(bootstrap, INTAKE, issued("asg-cr1", "unit-refused"));

        // then
        JsonNode delivery = await().atMost(PATIENCE).until(() -> http.get("/api/v1/deliveries?size=200", unit).body()
                .path("items").valueStream().filter(item -> item.path("attempts").size() >= 1).findFirst()
                .orElse(null), found -> found != null);
        assertThat(delivery.path("attempts").valueStream().map(attempt -> attempt.path("error").asString()))
                .allSatisfy(error -> assertThat(error).isEqualTo("connection refused"));
        assertThat(delivery.toString()).doesNotContain("127.0.0.1").doesNotContain("Exception");
        String id = delivery.path("id").asString();
        await().atMost(PATIENCE).until(() -> output.getAll().lines()
                .anyMatch(line -> line.contains("delivery " + id + ": webhook") && line.contains("Connection refused")));
    }

    @Test
    void aReceiversAbsurdRetryAfterIsCappedAtTheLongestStepOfTheScheduleAndTheAttemptIsRecorded() {
        // given: a receiver that first asks to be left alone for three million years
        String unit = TestTokens.unit("qian.yu", "unit-retry-after");
        TestReceiver receiver = receiver().answering(n -> n == 1
                ? new TestReceiver.Answer(503, 0, "99999999999999")
                : TestReceiver.Answer.status(204));
        register(http, unit, receiver.url());

        // when
        TestEvents.send(bootstrap, INTAKE, issued("asg-ra1", "unit-retry-after"));

        // then: the failed attempt is recorded and the next one comes at the cap (300 ms), not never
        // and not every lease period (10 s)
        await().atMost(PATIENCE).until(() -> receiver.accepted().size() == 1);
        List<Received> all = receiver.received();
        assertThat(all).extracting(Received::answeredStatus).containsExactly(503, 204);
        assertThat(Duration.ofNanos(all.get(1).nanos() - all.get(0).nanos()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(300)).isLessThan(Duration.ofSeconds(5));
        JsonNode delivery = awaitDelivery(unit, all.get(0).webhookId(), "DELIVERED");
        assertThat(delivery.path("attempts").valueStream().map(a -> a.path("status").asInt()))
                .containsExactly(503, 204);
    }

    @Test
    void anAlwaysFailingReceiverOpensItsBreakerWhileAnotherUnitsReceiverKeepsGettingMessagesOnTime() {
        // given: one receiver that never answers within the timeout, one that answers at once
        String deadUnit = TestTokens.unit("zhao.lei", "unit-dead");
        String liveUnit = TestTokens.unit("sun.li", "unit-live");
        TestReceiver dead = receiver().answering(n -> new TestReceiver.Answer(500, 2_000, null));
        TestReceiver live = receiver();
        Registered deadHook = register(http, deadUnit, dead.url());
        register(http, liveUnit, live.url());
        Map<String, Instant> sentAt = new ConcurrentHashMap<>();

        // when: both get a message every 200 ms
        for (int i = 1; i <= 8; i++) {
            TestEvents.send(bootstrap, INTAKE, issued("asg-dead" + i, "unit-dead"));
            sentAt.put("asg-live" + i, Instant.now());
            TestEvents.send(bootstrap, INTAKE, issued("asg-live" + i, "unit-live"));
            sleep(200); // the pace of the traffic, not a wait for something to happen
        }

        // then: every message to the live receiver arrived within a second of being sent
        await().atMost(PATIENCE).until(() -> live.accepted().size() == 8);
        for (Received request : live.accepted()) {
            String assignment = JSON.readTree(request.bodyText()).at("/data/assignmentId").asString();
            assertThat(Duration.between(sentAt.get(assignment), request.at())).as(assignment)
                    .isLessThan(Duration.ofSeconds(1));
        }
        CircuitBreaker breaker = breakers.circuitBreaker(deadHook.id());
        await().atMost(PATIENCE).until(() -> breaker.getState() == CircuitBreaker.State.OPEN);
        // calls in flight when it opened end (the receiver answers after 2 s); then no new call comes
        await().atMost(PATIENCE).until(() -> dead.inFlight() == 0);
        int callsWhenOpen = dead.received().size();
        await().during(Duration.ofMillis(1_500)).atMost(Duration.ofSeconds(3))
                .until(() -> dead.received().size() == callsWhenOpen && dead.inFlight() == 0);
        assertThat(callsWhenOpen).as("the dead receiver is not hammered: 8 messages × 4 attempts would be 32")
                .isLessThanOrEqualTo(5);
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void everyAttemptContinuesTheTraceOfTheEventInItsLogLinesAndInTheTraceparentTheReceiverGets(CapturedOutput output) {
        // given: an event published in a known trace, a receiver that fails once
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String unit = TestTokens.unit("feng.yi", "unit-traced");
        TestReceiver receiver = receiver().answering(n -> TestReceiver.Answer.status(n == 1 ? 503 : 204));
        register(http, unit, receiver.url());

        // when
        TracedEvents.send(bootstrap, INTAKE, issued("asg-t1", "unit-traced"), "00-" + traceId + "-00f067aa0ba902b7-01");

        // then: both attempts (the retry later, from the store) carry the trace to the receiver
        await().atMost(PATIENCE).until(() -> receiver.accepted().size() == 1);
        List<Received> all = receiver.received();
        assertThat(all).hasSize(2);
        assertThat(all).extracting(Received::traceparent)
                .allSatisfy(header -> assertThat(header).matches("00-" + traceId + "-[0-9a-f]{16}-01"));
        String deliveryId = all.get(0).webhookId();
        assertThat(deliveries.byId(deliveryId).orElseThrow().traceparent()).startsWith("00-" + traceId + "-");
        // and the dispatcher's line about each attempt has the trace id in its MDC (the correlation prefix)
        await().atMost(PATIENCE).until(() -> attemptLines(output, deliveryId).size() == 2);
        assertThat(attemptLines(output, deliveryId))
                .allSatisfy(line -> assertThat(line).contains("[" + traceId + ","));
    }

    @Test
    void aRegistrationRetriedWithTheSameIdempotencyKeyAnswersTheFirstOneAndAnotherBodyUnderItIsRefused() {
        // given
        String unit = TestTokens.unit("he.ping", "unit-idem");
        String body = "{\"url\": \"http://127.0.0.1:9/hook\"}";

        // when
        Answer first = http.postJson("/api/v1/webhooks", unit, body, "Idempotency-Key", "reg-1");
        Answer retried = http.postJson("/api/v1/webhooks", unit, body, "Idempotency-Key", "reg-1");
        Answer otherBody = http.postJson("/api/v1/webhooks", unit, "{\"url\": \"http://127.0.0.1:10/hook\"}",
                "Idempotency-Key", "reg-1");

        // then
        assertThat(first.status()).isEqualTo(201);
        assertThat(retried.status()).isEqualTo(201);
        assertThat(retried.body().path("id").asString()).isEqualTo(first.body().path("id").asString());
        assertThat(retried.body().path("secret").asString()).isEqualTo(first.body().path("secret").asString());
        otherBody.assertProblem(409, "state-conflict");
        assertThat(http.get("/api/v1/webhooks", unit).body().path("items")).hasSize(1);
    }

    @Test
    void aRotatedSecretSignsBesideTheNewOneDuringTheGracePeriod() {
        // given
        String unit = TestTokens.unit("zhou.min", "unit-rotate");
        TestReceiver receiver = receiver();
        Registered webhook = register(http, unit, receiver.url());

        // when
        Answer rotated = http.post("/api/v1/webhooks/" + webhook.id() + "/rotate-secret", unit);
        TestEvents.send(bootstrap, INTAKE, issued("asg-r1", "unit-rotate"));

        // then
        assertThat(rotated.status()).isEqualTo(200);
        String newSecret = rotated.body().path("secret").asString();
        assertThat(newSecret).startsWith("whsec_").isNotEqualTo(webhook.secret());
        assertThat(rotated.body().path("previousSecretExpiresAt").asString()).isNotBlank();
        Received request = await().atMost(PATIENCE).until(receiver::accepted, list -> list.size() == 1).get(0);
        assertThat(request.signature().split(" ")).hasSize(2);
        assertThat(new StandardWebhooksVerifier(webhook.secret()).refusal(request.webhookId(), request.timestamp(),
                request.signature(), request.body(), request.at())).isNull();
        assertThat(new StandardWebhooksVerifier(newSecret).refusal(request.webhookId(), request.timestamp(),
                request.signature(), request.body(), request.at())).isNull();
    }

    @Test
    void theStoredEndpointHoldsItsSecretsOnlyEncryptedAndTheyStillSign() {
        // given
        String unit = TestTokens.unit("qian.li", "unit-at-rest");
        TestReceiver receiver = receiver();
        Registered webhook = register(http, unit, receiver.url());
        String newSecret = http.post("/api/v1/webhooks/" + webhook.id() + "/rotate-secret", unit).body()
                .path("secret").asString();

        // when
        TestEvents.send(bootstrap, INTAKE, issued("asg-rest1", "unit-at-rest"));

        // then: the document has both secrets as {kid, ct} and neither in the clear; both sign the message
        Document stored = database.getCollection("webhook_endpoints").find(new Document("_id", webhook.id())).first();
        assertThat(stored.toJson()).doesNotContain("whsec_", webhook.secret().substring(6, 30), newSecret.substring(6, 30));
        assertThat(stored.getList("secrets", Document.class)).hasSize(2).allSatisfy(secret ->
                assertThat(secret.get("value", Document.class).keySet()).containsExactly("kid", "ct"));
        Received request = await().atMost(PATIENCE).until(receiver::accepted, list -> list.size() == 1).get(0);
        for (String secret : List.of(webhook.secret(), newSecret)) {
            assertThat(new StandardWebhooksVerifier(secret).refusal(request.webhookId(), request.timestamp(),
                    request.signature(), request.body(), request.at())).isNull();
        }
    }

    @Test
    void noTokenButTheOwningUnitsRotatesItsSecretOrDeletesItsWebhook() {
        // given
        String owner = TestTokens.unit("zhou.min", "unit-owner");
        Registered webhook = register(http, owner, receiver().url());
        String leaderAndOtherUnit = TestTokens.sign("mallory", List.of("UNIT", "LEADER"), "unit-other",
                Duration.ofHours(1));
        String otherUnit = TestTokens.unit("mallory", "unit-other");

        // when
        Answer mixedRotation = http.post("/api/v1/webhooks/" + webhook.id() + "/rotate-secret", leaderAndOtherUnit);
        Answer otherRotation = http.post("/api/v1/webhooks/" + webhook.id() + "/rotate-secret", otherUnit);
        Answer mixedDeletion = http.delete("/api/v1/webhooks/" + webhook.id(), leaderAndOtherUnit);

        // then: refused, and the secret is the one the owner was given
        mixedRotation.assertProblem(401, "unauthenticated");
        assertThat(mixedRotation.body().toString()).doesNotContain("whsec_");
        otherRotation.assertProblem(404, "not-found");
        mixedDeletion.assertProblem(401, "unauthenticated");
        assertThat(http.get("/api/v1/webhooks", owner).body().path("items")).hasSize(1);
        Answer ownRotation = http.post("/api/v1/webhooks/" + webhook.id() + "/rotate-secret", owner);
        assertThat(ownRotation.status()).isEqualTo(200);
    }

    @Test
    void aReceiverAnswering410DisablesTheWebhookAndItsDeliveryFailsAtOnce() {
        // given
        String unit = TestTokens.unit("qian.yu", "unit-gone");
        TestReceiver receiver = receiver().answering(n -> TestReceiver.Answer.status(410));
        Registered webhook = register(http, unit, receiver.url());

        // when
        TestEvents.send(bootstrap, INTAKE, issued("asg-g1", "unit-gone"));

        // then
        await().atMost(PATIENCE).until(() -> http.get("/api/v1/webhooks", unit).body().at("/items/0/status").asString()
                .equals("DISABLED"));
        assertThat(receiver.received()).hasSize(1);
        JsonNode failed = awaitDelivery(unit, receiver.received().get(0).webhookId(), "FAILED");
        assertThat(failed.path("attempts")).hasSize(1);
        TestEvents.send(bootstrap, INTAKE, issued("asg-g2", "unit-gone"));
        await().during(Duration.ofMillis(800)).atMost(PATIENCE).until(() -> receiver.received().size() == 1);
        // and Prometheus has the series the Grafana dashboard queries (deploy/compose/grafana)
        String scraped = scrape();
        assertThat(scraped).containsPattern("duban_notification_deliveries_failed_total\\{[^}]*channel=\"WEBHOOK\"[^}]*\\} [1-9]")
                .containsPattern("duban_notification_deliveries_failed_total\\{[^}]*channel=\"EMAIL\"")
                .containsPattern("duban_notification_deliveries_attempts_total\\{[^}]*channel=\"WEBHOOK\",[^}]*outcome=\"failed\"");
        // and the disabled endpoint's breaker and bulkhead are gone, with their series
        assertThat(breakers.find(webhook.id())).isEmpty();
        assertThat(scraped).doesNotContain("name=\"" + webhook.id() + "\"");
    }

    @Test
    void oneScrapeShowsTheBreakerAndTheBulkheadOfAnEndpointAfterItsFirstAttempt() {
        // given
        String unit = TestTokens.unit("zhou.min", "unit-metrics");
        TestReceiver receiver = receiver();
        Registered webhook = register(http, unit, receiver.url());

        // when
        TestEvents.send(bootstrap, INTAKE, issued("asg-m1", "unit-metrics"));
        await().atMost(PATIENCE).until(() -> receiver.accepted().size() == 1);
        awaitDelivery(unit, receiver.accepted().get(0).webhookId(), "DELIVERED");

        // then: the series the dashboard and the alert rules query (deploy/compose), named after the endpoint id
        String name = "name=\"" + webhook.id() + "\"";
        String scraped = scrape();
        assertThat(scraped)
                .containsPattern("(?m)^resilience4j_circuitbreaker_state\\{[^}]*" + name + "[^}]*state=\"closed\"[^}]*\\} 1\\.0$")
                .containsPattern("(?m)^resilience4j_circuitbreaker_state\\{[^}]*" + name + "[^}]*state=\"open\"[^}]*\\} 0\\.0$")
                .containsPattern("(?m)^resilience4j_circuitbreaker_calls_seconds_count\\{[^}]*kind=\"successful\"[^}]*"
                        + name + "[^}]*\\} 1$")
                .containsPattern("(?m)^resilience4j_bulkhead_available_concurrent_calls\\{[^}]*" + name + "[^}]*\\} 2\\.0$")
                .containsPattern("(?m)^resilience4j_bulkhead_max_allowed_concurrent_calls\\{[^}]*" + name + "[^}]*\\} 2\\.0$");
    }

    private String scrape() {
        try {
            return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://localhost:" + managementPort + "/actuator/prometheus")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aDeliveryThatFailedForGoodIsKeptThirtyDaysAndCanBeRedeliveredWithTheSameWebhookId() {
        // given: a receiver that is up but refuses every attempt of the schedule (so its breaker stays closed)
        String unit = TestTokens.unit("he.jun", "unit-redeliver");
        TestReceiver receiver = receiver().answering(n -> TestReceiver.Answer.status(n <= 4 ? 422 : 200));
        register(http, unit, receiver.url());
        TestEvents.send(bootstrap, INTAKE, issued("asg-d1", "unit-redeliver"));
        await().atMost(PATIENCE).until(() -> receiver.received().size() == 4);
        String id = receiver.received().get(0).webhookId();
        JsonNode failed = awaitDelivery(unit, id, "FAILED");
        await().atMost(PATIENCE).until(() -> eventsAbout(id, NotificationDeliveryFailed.TYPE).size() == 1);

        // when
        Answer listed = http.get("/api/v1/deliveries?status=FAILED", unit);
        Answer others = http.get("/api/v1/deliveries?status=FAILED", TestTokens.unit("lin.xi", "unit-other"));
        Answer office = http.get("/api/v1/deliveries?status=FAILED&size=200", TestTokens.supervisor("zhang.wei"));
        Answer stranger = http.post("/api/v1/deliveries/" + id + "/redeliver", TestTokens.unit("lin.xi", "unit-other"));
        Answer again = http.post("/api/v1/deliveries/" + id + "/redeliver", unit);

        // then
        Instant completed = Instant.parse(failed.path("completedAt").asString());
        assertThat(Duration.between(completed, Instant.parse(failed.path("expiresAt").asString())))
                .isEqualTo(Duration.ofDays(30));
        assertThat(failed.path("attempts")).hasSize(4);
        assertThat(listed.body().path("items").valueStream().map(item -> item.path("id").asString())).containsExactly(id);
        assertThat(others.body().path("items")).isEmpty();
        assertThat(office.body().path("items").valueStream().map(item -> item.path("id").asString())).contains(id);
        stranger.assertProblem(404, "not-found");
        assertThat(again.status()).isEqualTo(202);
        await().atMost(PATIENCE).until(() -> receiver.accepted().size() == 1);
        assertThat(receiver.accepted().get(0).webhookId()).isEqualTo(id);
        JsonNode delivered = awaitDelivery(unit, id, "DELIVERED");
        assertThat(delivered.path("attempts")).hasSize(5);
        assertThat(delivered.has("expiresAt")).isFalse();
        http.post("/api/v1/deliveries/" + id + "/redeliver", TestTokens.unit("he.jun", "unit-other"))
                .assertProblem(404, "not-found");
    }

    @Test
    void badInputIsRefusedNamingTheFieldsAndNothingIsStored() {
        // given
        String unit = TestTokens.unit("ma.li", "unit-bad");

        // when
        Answer missing = http.postJson("/api/v1/webhooks", unit, "{}");
        Answer notAUrl = http.postJson("/api/v1/webhooks", unit, "{\"url\": \"::not a url\"}");
        Answer privateTarget = http.postJson("/api/v1/webhooks", unit, "{\"url\": \"http://10.0.0.7/hook\"}");
        Answer metadata = http.postJson("/api/v1/webhooks", unit, "{\"url\": \"http://169.254.169.254/latest\"}");
        Answer unknownEvent = http.postJson("/api/v1/webhooks", unit,
                "{\"url\": \"http://127.0.0.1:9/hook\", \"events\": [\"duban.assignment.issued.v1\", \"nope\"]}");
        Answer unknownField = http.postJson("/api/v1/webhooks", unit, "{\"url\": \"http://127.0.0.1:9/h\", \"x\": 1}");
        Answer badStatus = http.get("/api/v1/deliveries?status=LOST", unit);
        Answer supervisorRegisters = http.postJson("/api/v1/webhooks", TestTokens.supervisor("zhang.wei"),
                "{\"url\": \"http://127.0.0.1:9/hook\"}");

        // then
        for (Answer answer : List.of(missing, notAUrl, privateTarget, metadata, unknownEvent, unknownField, badStatus)) {
            answer.assertProblem(400, "invalid-request");
        }
        assertThat(missing.body().at("/errors/0/field").asString()).isEqualTo("url");
        assertThat(notAUrl.body().at("/errors/0/field").asString()).isEqualTo("url");
        assertThat(privateTarget.body().at("/errors/0/message").asString()).contains("private");
        assertThat(metadata.body().at("/errors/0/field").asString()).isEqualTo("url");
        assertThat(unknownEvent.body().at("/errors/0/field").asString()).isEqualTo("events[1]");
        assertThat(unknownField.body().at("/errors/0/field").asString()).isEqualTo("x");
        assertThat(badStatus.body().at("/errors/0/field").asString()).isEqualTo("status");
        supervisorRegisters.assertProblem(403, "forbidden");
        assertThat(http.get("/api/v1/webhooks", unit).body().path("items")).isEmpty();
    }

    @Test
    void aUnitSeesAndRemovesOnlyItsOwnWebhooksAndTheSecretIsNeverShownAgain() {
        // given
        String owner = TestTokens.unit("lu.yan", "unit-own");
        String stranger = TestTokens.unit("gao.yu", "unit-stranger");
        Registered webhook = register(http, owner, receiver().url());

        // when
        Answer mine = http.get("/api/v1/webhooks", owner);
        Answer theirs = http.get("/api/v1/webhooks", stranger);
        Answer strangerDeletes = http.delete("/api/v1/webhooks/" + webhook.id(), stranger);
        Answer ownerDeletes = http.delete("/api/v1/webhooks/" + webhook.id(), owner);

        // then
        assertThat(mine.body().path("items").valueStream().map(item -> item.path("id").asString()))
                .containsExactly(webhook.id());
        assertThat(mine.body().at("/items/0/secret").isMissingNode()).isTrue();
        assertThat(theirs.body().path("items")).isEmpty();
        strangerDeletes.assertProblem(404, "not-found");
        assertThat(ownerDeletes.status()).isEqualTo(204);
        assertThat(http.get("/api/v1/webhooks", owner).body().path("items")).isEmpty();
    }

    private static List<String> attemptLines(CapturedOutput output, String deliveryId) {
        return output.getAll().lines().filter(line -> line.contains("delivery " + deliveryId + " (WEBHOOK")
                && line.contains(": attempt ")).toList();
    }

    private TestReceiver receiver() {
        TestReceiver receiver = new TestReceiver();
        receivers.add(receiver);
        return receiver;
    }

    private JsonNode awaitDelivery(String unitToken, String id, String status) {
        return await().atMost(PATIENCE).until(() -> http.get("/api/v1/deliveries?size=200", unitToken).body()
                .path("items").valueStream().filter(item -> item.path("id").asString().equals(id))
                .filter(item -> item.path("status").asString().equals(status)).findFirst().orElse(null),
                found -> found != null);
    }

    private List<?> eventsAbout(String deliveryId, String type) {
        return TopicReader.readAll(bootstrap, Topics.NOTIFICATION).stream()
                .filter(record -> deliveryId.equals(header(record, "ce_subject")))
                .filter(record -> type.equals(header(record, "ce_type")))
                .toList();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
