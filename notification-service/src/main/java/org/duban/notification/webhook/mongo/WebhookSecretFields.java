package org.duban.notification.webhook.mongo;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.duban.notification.webhook.SecretText;
import org.duban.notification.webhook.WebhookSecret;
import org.duban.platform.crypto.EncryptedFields;
import org.duban.platform.crypto.FieldCipher;

/**
 * An endpoint's secrets in {@code webhook_endpoints}: {@code secrets: [{value: {kid, ct}, createdAt,
 * expiresAt}]}, each value encrypted and bound to the endpoint's id and the secret's creation time (ADR
 * 0011), so a value copied to another endpoint, or to another secret of the same endpoint, does not open.
 * Read back, a value stays encrypted until it signs ({@link SecretText#reveal()}). Endpoints stored before
 * field encryption hold the values in the clear: they sign as they are, and
 * {@link MongoWebhookSecretsReencryption} writes them again encrypted.
 */
final class WebhookSecretFields {

    static final String SECRETS = "secrets";
    private static final String VALUE = "value";

    private final EncryptedFields fields;

    WebhookSecretFields(FieldCipher cipher) {
        this.fields = new EncryptedFields(cipher, MongoWebhookEndpoints.COLLECTION);
    }

    /** Every secret under the primary key: those read from the store are revealed and encrypted again. */
    List<Document> toDocuments(String endpointId, List<WebhookSecret> secrets) {
        return secrets.stream().map(secret -> new Document(VALUE,
                        fields.encrypt(endpointId, field(secret.createdAt()), secret.value()))
                .append("createdAt", Date.from(secret.createdAt()))
                .append("expiresAt", secret.expiresAt() == null ? null : Date.from(secret.expiresAt())))
                .toList();
    }

    List<WebhookSecret> fromDocuments(String endpointId, List<Document> secrets) {
        return secrets.stream().map(secret -> {
            Instant createdAt = secret.getDate("createdAt").toInstant();
            Object stored = secret.get(VALUE);
            SecretText text = new Sealed(() -> fields.decrypt(endpointId, field(createdAt), stored));
            return new WebhookSecret(text, createdAt,
                    secret.getDate("expiresAt") == null ? null : secret.getDate("expiresAt").toInstant());
        }).toList();
    }

    /** Whether every secret is under the primary key. */
    boolean underPrimaryKey(List<Document> secrets) {
        return secrets.stream().allMatch(secret -> fields.underPrimaryKey(secret.get(VALUE)));
    }

    /** Endpoints with no secret under the primary key: all of an endpoint's secrets are written together. */
    Bson notUnderPrimaryKey() {
        return fields.notUnderPrimaryKey(SECRETS + "." + VALUE);
    }

    /** The name a secret's value is bound to: the field and the secret's creation time, which never changes. */
    private static String field(Instant createdAt) {
        return SECRETS + "." + VALUE + "@" + createdAt.toEpochMilli();
    }

    /** A stored secret, decrypted each time it is revealed. */
    private record Sealed(SecretText decryption) implements SecretText {

        @Override
        public String reveal() {
            return decryption.reveal();
        }

        @Override
        public String toString() {
            return "SecretText[encrypted]";
        }
    }
}
