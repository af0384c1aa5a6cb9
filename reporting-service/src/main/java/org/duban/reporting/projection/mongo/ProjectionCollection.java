package org.duban.reporting.projection.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lt;

import java.time.LocalDate;
import java.util.Optional;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.result.UpdateResult;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * One collection of the projection, with the writes its stores share: a document is keyed ({@code _id}) by the id
 * of what it projects, and every write is an upsert on that id, so an event handled again rewrites the same
 * document instead of adding one. Days are stored as {@code yyyy-MM-dd} strings, which sort as the days do.
 *
 * <p>A conditional upsert ({@link #upsertWhere}) lands only where its condition holds on the document. When the
 * condition fails on an existing document, the upsert tries to insert a second document with the same {@code _id},
 * which the store refuses (duplicate key): that means "the condition does not hold" — or, when two first writes
 * race, that the other one created the document since the filter was evaluated, so the write is tried once more
 * without upsert.
 */
final class ProjectionCollection {

    private final MongoCollection<Document> documents;

    ProjectionCollection(MongoDatabase database, String name) {
        this.documents = database.getCollection(name);
    }

    /** An ascending index on the fields, created unless it exists. */
    void index(String... fields) {
        documents.createIndex(Indexes.ascending(fields));
    }

    /** The driver's collection, for the reads. */
    MongoCollection<Document> documents() {
        return documents;
    }

    Optional<Document> find(String id) {
        return Optional.ofNullable(documents.find(byId(id)).first());
    }

    void upsert(String id, Bson update) {
        documents.updateOne(byId(id), update, new UpdateOptions().upsert(true));
    }

    /** Upserts and answers the document as the write left it. */
    Document upsertAndGet(String id, Bson update) {
        return documents.findOneAndUpdate(byId(id), update,
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
    }

    /** Upserts where {@code condition} holds (or no document has the id yet); whether the write changed anything. */
    boolean upsertWhere(String id, Bson condition, Bson update) {
        Bson filter = and(byId(id), condition);
        try {
            return changed(documents.updateOne(filter, update, new UpdateOptions().upsert(true)));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            // the document exists: either the condition does not hold on it, or it was created by a concurrent
            // first write since our filter was evaluated
            return changed(documents.updateOne(filter, update));
        }
    }

    /** Its upserts, written at once. */
    Upserts direct() {
        return new Upserts() {
            @Override
            public void upsert(String id, Bson update) {
                ProjectionCollection.this.upsert(id, update);
            }

            @Override
            public void upsertWhere(String id, Bson condition, Bson update) {
                ProjectionCollection.this.upsertWhere(id, condition, update);
            }
        };
    }

    /** The documents whose day field lies in {@code [from, to)}. */
    static Bson daysIn(String dayField, LocalDate from, LocalDate to) {
        return and(gte(dayField, from.toString()), lt(dayField, to.toString()));
    }

    private static Bson byId(String id) {
        return eq("_id", id);
    }

    private static boolean changed(UpdateResult result) {
        return result.getUpsertedId() != null || result.getModifiedCount() > 0;
    }
}
