package org.duban.notification.webhook.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.inc;
import static com.mongodb.client.model.Updates.set;

import java.util.List;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.duban.platform.crypto.EncryptedFields;
import org.duban.platform.crypto.FieldCipher;
import org.duban.platform.crypto.ReencryptableDocuments;

/**
 * The secrets in {@code webhook_endpoints}, as the re-encryption at start-up goes through them (ADR 0011):
 * an endpoint whose secrets are in the clear (stored before field encryption) or under a key that is no
 * longer primary has them written again under the primary key, in one update guarded by its version.
 */
public final class MongoWebhookSecretsReencryption implements ReencryptableDocuments {

    private static final int ATTEMPTS = 3;

    private final MongoCollection<Document> collection;
    private final WebhookSecretFields secrets;

    public MongoWebhookSecretsReencryption(MongoDatabase database, FieldCipher cipher) {
        this.collection = database.getCollection(MongoWebhookEndpoints.COLLECTION);
        this.secrets = new WebhookSecretFields(cipher);
    }

    @Override
    public String collection() {
        return MongoWebhookEndpoints.COLLECTION;
    }

    @Override
    public List<String> notUnderPrimaryKey(String after, int limit) {
        return EncryptedFields.idsAfter(collection, secrets.notUnderPrimaryKey(), after, limit);
    }

    @Override
    public long countNotUnderPrimaryKey() {
        return collection.countDocuments(secrets.notUnderPrimaryKey());
    }

    /** Tries again when the endpoint changed between the read and the write (a rotation, a 410). */
    @Override
    public boolean reencrypt(String id) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Document read = collection.find(eq("_id", id)).first();
            if (read == null) {
                return false;
            }
            List<Document> stored = read.getList(WebhookSecretFields.SECRETS, Document.class, List.of());
            if (secrets.underPrimaryKey(stored)) {
                return false;
            }
            List<Document> encrypted = secrets.toDocuments(id, secrets.fromDocuments(id, stored));
            long version = read.get("version", Number.class).longValue();
            if (collection.updateOne(and(eq("_id", id), eq("version", version)),
                    combine(set(WebhookSecretFields.SECRETS, encrypted), inc("version", 1L))).getModifiedCount() == 1) {
                return true;
            }
        }
        return false;
    }
}
