package org.duban.intake.cases.mongo;

import static com.mongodb.client.model.Filters.eq;

import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.bson.types.Binary;
import org.duban.intake.cases.SealedQueryCode;
import org.duban.intake.cases.SealedQueryCodes;

/**
 * Collection {@code sealed_query_codes}: one document per matter registered under an idempotency key,
 * holding its query code sealed (AES-GCM bytes, never the code) and when it expires. A TTL index removes
 * it then; readers also compare {@code expiresAt} with now, since the TTL monitor runs only once a minute
 * (and not at all on the local Mongo-wire store).
 */
public final class MongoSealedQueryCodes implements SealedQueryCodes {

    static final String COLLECTION = "sealed_query_codes";

    private final MongoCollection<Document> collection;

    public MongoSealedQueryCodes(MongoDatabase database) {
        this.collection = database.getCollection(COLLECTION);
        collection.createIndex(Indexes.ascending("expiresAt"),
                new IndexOptions().name("expire_sealed_codes").expireAfter(0L, TimeUnit.SECONDS));
    }

    @Override
    public void keep(String caseId, SealedQueryCode sealed, Instant until) {
        collection.replaceOne(eq("_id", caseId), new Document("_id", caseId)
                .append("sealed", new Binary(sealed.bytes()))
                .append("expiresAt", Date.from(until)), new ReplaceOptions().upsert(true));
    }

    @Override
    public Optional<Kept> find(String caseId) {
        return Optional.ofNullable(collection.find(eq("_id", caseId)).first())
                .map(document -> new Kept(new SealedQueryCode(document.get("sealed", Binary.class).getData()),
                        document.getDate("expiresAt").toInstant()));
    }

    @Override
    public void forget(String caseId) {
        collection.deleteOne(eq("_id", caseId));
    }
}
