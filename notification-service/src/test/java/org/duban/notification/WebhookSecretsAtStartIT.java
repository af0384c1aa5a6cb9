package org.duban.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.duban.notification.AcknowledgementScenario.INTAKE;
import static org.duban.notification.WebhookFixtures.issued;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.duban.notification.TestReceiver.Received;
import org.duban.notification.webhook.WebhookSecret;
import org.duban.platform.crypto.FieldCipher;
import org.duban.platform.testing.EmbeddedMongo;
import org.duban.platform.testing.TestEvents;
import org.duban.platform.testing.TestFieldKeys;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.condition.EmbeddedKafkaCondition;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * A webhook registered before field encryption (issue #13, ADR 0011): its secret was stored in the clear. The
 * new version starts, keeps signing with it, and writes it again encrypted in the background.
 */
@EmbeddedKafka(partitions = 1,
        brokerProperties = {"offsets.topic.num.partitions=1", "group.initial.rebalance.delay.ms=0"})
class WebhookSecretsAtStartIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Test
    void aSecretStoredInTheClearByAnEarlierVersionIsEncryptedAtStartAndStillSigns() {
        // given: an endpoint as an earlier version stored it
        String bootstrap = EmbeddedKafkaCondition.getBroker().getBrokersAsString();
        String database = "duban_notification_keys_" + UUID.randomUUID().toString().replace("-", "");
        WebhookSecret secret = WebhookSecret.generate(Instant.now());
        try (MongoClient client = MongoClients.create(EmbeddedMongo.uri());
                TestReceiver receiver = new TestReceiver()) {
            MongoCollection<Document> endpoints = client.getDatabase(database).getCollection("webhook_endpoints");
            endpoints.insertOne(new Document("_id", "hook-legacy").append("unitId", "unit-legacy")
                    .append("url", receiver.url()).append("eventTypes", List.of())
                    .append("secrets", List.of(new Document("value", secret.value())
                            .append("createdAt", Date.from(secret.createdAt())).append("expiresAt", null)))
                    .append("status", "ACTIVE").append("disabledReason", null).append("createdAt", new Date())
                    .append("version", 0L));
            String keyset = TestFieldKeys.newKeyset();
            long keyId = FieldCipher.fromJsonKeyset(keyset).primaryKeyId();

            // when
            try (RunningNotification.Started notification = RunningNotification.start(database, bootstrap, Map.of(
                    "duban.field-keys.location", "file:" + TestFieldKeys.write(keyset),
                    "duban.notification.webhooks.allow-http", "true",
                    "duban.notification.webhooks.allow-loopback", "true"))) {

                // then: written again under the keyset's key, and the secret still signs
                await().atMost(PATIENCE).untilAsserted(() -> assertThat(endpoints.find().first()
                        .getList("secrets", Document.class).get(0).get("value")).isInstanceOf(Document.class)
                        .extracting("kid").isEqualTo(keyId));
                assertThat(endpoints.find().first().toJson()).doesNotContain(secret.value());
                TestEvents.send(bootstrap, INTAKE, issued("asg-legacy1", "unit-legacy"));
                Received request = await().atMost(PATIENCE).until(receiver::accepted, list -> list.size() == 1).get(0);
                assertThat(new StandardWebhooksVerifier(secret.value()).refusal(request.webhookId(),
                        request.timestamp(), request.signature(), request.body(), request.at())).isNull();
            }
        }
    }
}
