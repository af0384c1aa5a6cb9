package org.duban.notification.webhook.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.inc;
import static com.mongodb.client.model.Updates.set;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.duban.notification.webhook.WebhookEndpoint;
import org.duban.notification.webhook.WebhookEndpoints;
import org.duban.platform.crypto.FieldCipher;

/**
 * Endpoints in {@code webhook_endpoints}, one document each. The service must sign with the secrets, so it
 * keeps them — encrypted under the field keyset ({@link WebhookSecretFields}, ADR 0011; ADR 0005).
 */
public final class MongoWebhookEndpoints implements WebhookEndpoints {

    static final String COLLECTION = "webhook_endpoints";

    private final MongoCollection<Document> collection;
    private final WebhookSecretFields secrets;

    public MongoWebhookEndpoints(MongoDatabase database, FieldCipher cipher) {
        this.collection = database.getCollection(COLLECTION);
        this.secrets = new WebhookSecretFields(cipher);
        collection.createIndex(Indexes.ascending("unitId", "createdAt"), new IndexOptions().name("unit_created"));
    }

    @Override
    public boolean insertIfAbsent(WebhookEndpoint endpoint) {
        try {
            collection.insertOne(toDocument(endpoint));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public Optional<WebhookEndpoint> byId(String id) {
        return Optional.ofNullable(collection.find(eq("_id", id)).first()).map(this::fromDocument);
    }

    @Override
    public List<WebhookEndpoint> of(String unitId) {
        Bson filter = unitId == null ? new Document() : eq("unitId", unitId);
        return collection.find(filter).sort(Sorts.ascending("createdAt", "_id"))
                .map(this::fromDocument).into(new ArrayList<>());
    }

    @Override
    public boolean delete(String id) {
        return collection.deleteOne(eq("_id", id)).getDeletedCount() == 1;
    }

    @Override
    public boolean storeSecrets(WebhookEndpoint endpoint, long expectedVersion) {
        return collection.updateOne(and(eq("_id", endpoint.id()), eq("version", expectedVersion)),
                combine(set(WebhookSecretFields.SECRETS, secrets.toDocuments(endpoint.id(), endpoint.secrets())), inc("version", 1L)))
                .getModifiedCount() == 1;
    }

    @Override
    public void disable(String id, String reason, Instant at) {
        collection.updateOne(eq("_id", id), combine(set("status", WebhookEndpoint.Status.DISABLED.name()),
                set("disabledReason", reason), set("disabledAt", Date.from(at)), inc("version", 1L)));
    }

    private Document toDocument(WebhookEndpoint endpoint) {
        return new Document("_id", endpoint.id())
                .append("unitId", endpoint.unitId())
                .append("url", endpoint.url().toString())
                .append("eventTypes", List.copyOf(endpoint.eventTypes()))
                .append(WebhookSecretFields.SECRETS, secrets.toDocuments(endpoint.id(), endpoint.secrets()))
                .append("status", endpoint.status().name())
                .append("disabledReason", endpoint.disabledReason())
                .append("createdAt", Date.from(endpoint.createdAt()))
                .append("version", endpoint.version());
    }

    private WebhookEndpoint fromDocument(Document document) {
        String id = document.getString("_id");
        return new WebhookEndpoint(
                id,
                document.getString("unitId"),
                URI.create(document.getString("url")),
                new HashSet<>(document.getList("eventTypes", String.class, List.of())),
                secrets.fromDocuments(id, document.getList(WebhookSecretFields.SECRETS, Document.class, List.of())),
                WebhookEndpoint.Status.valueOf(document.getString("status")),
                document.getString("disabledReason"),
                document.getDate("createdAt").toInstant(),
                document.get("version", Number.class).longValue());
    }
}
