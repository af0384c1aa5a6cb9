package org.duban.reporting.projection.mongo;

import org.bson.conversions.Bson;

/**
 * Where a store's writes go: straight to its collection ({@link ProjectionCollection#direct()}) or kept for a
 * batch's bulk write ({@link PendingUpserts}). Either way the same upserts on the same {@code _id}s.
 */
interface Upserts {

    /** As {@link ProjectionCollection#upsert}. */
    void upsert(String id, Bson update);

    /** As {@link ProjectionCollection#upsertWhere}. */
    void upsertWhere(String id, Bson condition, Bson update);
}
