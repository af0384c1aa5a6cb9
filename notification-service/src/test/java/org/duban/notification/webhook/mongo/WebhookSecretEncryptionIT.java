package org.duban.notification.webhook.mongo;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.set;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.duban.notification.webhook.WebhookEndpoint;
import org.duban.notification.webhook.WebhookSecret;
import org.duban.notification.webhook.WebhookSignature;
import org.duban.platform.crypto.FieldCipher;
import org.duban.platform.crypto.FieldDecryptionFailed;
import org.duban.platform.crypto.FieldReencryption;
import org.duban.platform.testing.FreshDatabases;
import org.duban.platform.testing.TestFieldKeys;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Webhook secrets in {@code webhook_endpoints} on the Mongo-wire store (issue #13, ADR 0011): never in the
 * clear, each bound to its endpoint and its creation time, decrypted only to sign; endpoints from before
 * field encryption still sign and are encrypted by the re-encryption; a key rotation after which the old key
 * is removed.
 */
class WebhookSecretEncryptionIT {

    private static final Instant T0 = Instant.parse("2026-03-02T02:00:00Z");
    @RegisterExtension
    static final FreshDatabases mongo = new FreshDatabases("webhooks");

    private MongoDatabase database;
    private MongoCollection<Document> raw;

    @BeforeEach
    void freshDatabase() {
        database = mongo.fresh();
        raw = database.getCollection(MongoWebhookEndpoints.COLLECTION);
    }

    @Test
    void storesNoSecretInTheClearBeforeOrAfterARotation() {
        // given
        MongoWebhookEndpoints endpoints = endpoints(TestFieldKeys.newKeyset());
        WebhookEndpoint endpoint = endpoint("hook-1", WebhookSecret.generate(T0));
        endpoints.insertIfAbsent(endpoint);
        WebhookEndpoint rotated = endpoints.byId("hook-1").orElseThrow()
                .rotate(WebhookSecret.generate(T0.plusSeconds(60)), T0.plusSeconds(60), Duration.ofHours(24));

        // when
        boolean stored = endpoints.storeSecrets(rotated, 0);

        // then: two secrets, each {kid, ct}, neither in the stored document
        assertThat(stored).isTrue();
        Document document = raw.find(eq("_id", "hook-1")).first();
        List<Document> secrets = document.getList("secrets", Document.class);
        assertThat(secrets).hasSize(2).allSatisfy(secret ->
                assertThat(secret.get("value", Document.class).keySet()).containsExactly("kid", "ct"));
        for (WebhookSecret secret : rotated.secrets()) {
            assertThat(document.toJson()).doesNotContain(secret.value(), secret.value().substring(6, 30));
        }
        assertThat(document.toJson()).doesNotContain("whsec_");
    }

    @Test
    void readsBackSecretsThatSignAsTheIssuedOnes() {
        // given
        MongoWebhookEndpoints endpoints = endpoints(TestFieldKeys.newKeyset());
        WebhookSecret issued = WebhookSecret.generate(T0);
        endpoints.insertIfAbsent(endpoint("hook-1", issued));

        // when
        WebhookEndpoint read = endpoints.byId("hook-1").orElseThrow();

        // then
        assertThat(read.currentSecret().value()).isEqualTo(issued.value());
        assertThat(WebhookSignature.header("msg_1", 1_700_000_000L, "{}", read.signingSecrets(T0)))
                .isEqualTo(WebhookSignature.header("msg_1", 1_700_000_000L, "{}", List.of(issued)));
        assertThat(read.currentSecret().toString()).doesNotContain(issued.value());
    }

    @Test
    void aSecretCopiedFromAnotherEndpointDoesNotSign() {
        // given
        MongoWebhookEndpoints endpoints = endpoints(TestFieldKeys.newKeyset());
        endpoints.insertIfAbsent(endpoint("hook-1", WebhookSecret.generate(T0)));
        endpoints.insertIfAbsent(endpoint("hook-2", WebhookSecret.generate(T0)));

        // when: someone with write access to the store copies hook-1's secret onto hook-2
        raw.updateOne(eq("_id", "hook-2"), set("secrets", raw.find(eq("_id", "hook-1")).first().get("secrets")));

        // then: the endpoint still reads (its list needs no secret), but hook-1's secret does not sign for it
        WebhookEndpoint hook2 = endpoints.byId("hook-2").orElseThrow();
        assertThatThrownBy(() -> hook2.currentSecret().value()).isInstanceOf(FieldDecryptionFailed.class)
                .hasMessageContaining("hook-2");
    }

    @Test
    void anEndpointStoredInTheClearBeforeFieldEncryptionStillSignsAndTheReencryptionEncryptsIt() {
        // given: an endpoint as an earlier version stored it
        String keyset = TestFieldKeys.newKeyset();
        WebhookSecret issued = WebhookSecret.generate(T0);
        raw.insertOne(legacy("hook-old", issued));

        // when
        String before = endpoints(keyset).byId("hook-old").orElseThrow().currentSecret().value();
        List<FieldReencryption.Outcome> outcomes = new FieldReencryption(List.of(reencryption(keyset))).run();

        // then
        assertThat(before).isEqualTo(issued.value());
        assertThat(outcomes).containsExactly(new FieldReencryption.Outcome("webhook_endpoints", 1, 0, 0));
        Document stored = raw.find(eq("_id", "hook-old")).first();
        assertThat(stored.toJson()).doesNotContain("whsec_");
        assertThat(stored.getLong("version")).isEqualTo(4L);
        assertThat(endpoints(keyset).byId("hook-old").orElseThrow().currentSecret().value()).isEqualTo(issued.value());
    }

    @Test
    void afterKeyTwoBecomesPrimaryTheReencryptionMovesEverySecretSoThatKeyOneCanBeRemoved() {
        // given: endpoints under key 1 (one with a rotated-out secret), one in the clear
        String keyOne = TestFieldKeys.newKeyset();
        MongoWebhookEndpoints underKeyOne = endpoints(keyOne);
        List<WebhookEndpoint> issued = new ArrayList<>();
        for (int i = 0; i < 105; i++) {
            WebhookEndpoint endpoint = endpoint(String.format("hook-%03d", i), WebhookSecret.generate(T0));
            issued.add(endpoint);
            underKeyOne.insertIfAbsent(endpoint);
        }
        WebhookEndpoint rotated = issued.get(3).rotate(WebhookSecret.generate(T0.plusSeconds(1)), T0.plusSeconds(1),
                Duration.ofHours(24));
        underKeyOne.storeSecrets(rotated, 0);
        issued.set(3, rotated);
        WebhookSecret clear = WebhookSecret.generate(T0);
        raw.insertOne(legacy("hook-clear", clear));

        // when: key 2 is added as primary; the service restarts and re-encrypts
        String keysOneAndTwo = TestFieldKeys.withNewPrimaryKey(keyOne);
        String underOldKey = endpoints(keysOneAndTwo).byId("hook-007").orElseThrow().currentSecret().value();
        List<FieldReencryption.Outcome> outcomes = new FieldReencryption(List.of(reencryption(keysOneAndTwo))).run();

        // then
        assertThat(underOldKey).isEqualTo(issued.get(7).currentSecret().value());
        assertThat(outcomes).containsExactly(new FieldReencryption.Outcome("webhook_endpoints", 106, 0, 0));
        long keyTwo = FieldCipher.fromJsonKeyset(keysOneAndTwo).primaryKeyId();
        assertThat(raw.find().into(new ArrayList<>())).allSatisfy(document -> assertThat(
                document.getList("secrets", Document.class)).allSatisfy(secret ->
                        assertThat(secret.get("value", Document.class).get("kid")).isEqualTo(keyTwo)));
        MongoWebhookEndpoints keyTwoOnly = endpoints(TestFieldKeys.withOnlyThePrimaryKey(keysOneAndTwo));
        for (WebhookEndpoint endpoint : issued) {
            assertThat(keyTwoOnly.byId(endpoint.id()).orElseThrow().secrets()).extracting(WebhookSecret::value)
                    .containsExactlyElementsOf(endpoint.secrets().stream().map(WebhookSecret::value).toList());
        }
        assertThat(keyTwoOnly.byId("hook-clear").orElseThrow().currentSecret().value()).isEqualTo(clear.value());
    }

    private MongoWebhookEndpoints endpoints(String keyset) {
        return new MongoWebhookEndpoints(database, FieldCipher.fromJsonKeyset(keyset));
    }

    private MongoWebhookSecretsReencryption reencryption(String keyset) {
        return new MongoWebhookSecretsReencryption(database, FieldCipher.fromJsonKeyset(keyset));
    }

    private static WebhookEndpoint endpoint(String id, WebhookSecret secret) {
        return new WebhookEndpoint(id, "unit-1", URI.create("https://oa.unit.example/duban"), Set.of(),
                List.of(secret), WebhookEndpoint.Status.ACTIVE, null, T0, 0);
    }

    private static Document legacy(String id, WebhookSecret secret) {
        return new Document("_id", id).append("unitId", "unit-1").append("url", "https://oa.unit.example/duban")
                .append("eventTypes", List.of())
                .append("secrets", List.of(new Document("value", secret.value())
                        .append("createdAt", Date.from(secret.createdAt())).append("expiresAt", null)))
                .append("status", "ACTIVE").append("disabledReason", null).append("createdAt", Date.from(T0))
                .append("version", 3L);
    }
}
