package org.duban.reporting.projection.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import java.util.ArrayList;
import java.util.List;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * A batch's upserts into one collection, kept until {@link #write()} sends them as one unordered bulk write. The
 * projection's upserts into one collection give the same document whatever their order (each is a {@code $set}
 * of the same facts, "earliest wins", "latest wins", {@code $addToSet}), so the store may apply them in any order.
 * An upsert the store refuses as a duplicate key is handled as {@link ProjectionCollection#upsertWhere} does: its
 * condition does not hold on the existing document, or a concurrent first write created it, so it is tried once
 * more without upsert.
 */
final class PendingUpserts implements Upserts {

    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);

    private final ProjectionCollection collection;
    private final List<UpdateOneModel<Document>> writes = new ArrayList<>();

    PendingUpserts(ProjectionCollection collection) {
        this.collection = collection;
    }

    @Override
    public void upsert(String id, Bson update) {
        writes.add(new UpdateOneModel<>(eq("_id", id), update, UPSERT));
    }

    @Override
    public void upsertWhere(String id, Bson condition, Bson update) {
        writes.add(new UpdateOneModel<>(and(eq("_id", id), condition), update, UPSERT));
    }

    void write() {
        if (writes.isEmpty()) {
            return;
        }
        try {
            collection.documents().bulkWrite(writes, new BulkWriteOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
            for (BulkWriteError error : e.getWriteErrors()) {
                UpdateOneModel<Document> refused = writes.get(error.getIndex());
                collection.documents().updateOne(refused.getFilter(), refused.getUpdate());
            }
        }
        writes.clear();
    }
}
