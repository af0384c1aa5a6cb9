package org.duban.intake.evaluation.mongo;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.max;

import java.time.Instant;
import java.util.Date;
import java.util.Optional;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.UpdateOptions;
import org.bson.Document;
import org.duban.intake.evaluation.UnratedSweepProgress;

/**
 * Collection {@code evaluation_window_sweeps}: one document {@code {_id: "overdue-unrated", sweptUpTo}},
 * moved forward only ({@code $max}, upsert), so instances sweeping at once never move it back. Deleting
 * it makes the next sweep look at every concluded matter again (nothing is recorded twice).
 */
public final class MongoUnratedSweepProgress implements UnratedSweepProgress {

    static final String COLLECTION = "evaluation_window_sweeps";
    private static final String ID = "overdue-unrated";

    private final MongoCollection<Document> collection;

    public MongoUnratedSweepProgress(MongoDatabase database) {
        this.collection = database.getCollection(COLLECTION);
    }

    @Override
    public Optional<Instant> sweptUpTo() {
        return Optional.ofNullable(collection.find(eq("_id", ID)).first())
                .map(document -> document.getDate("sweptUpTo"))
                .map(Date::toInstant);
    }

    @Override
    public void sweptUpTo(Instant upTo) {
        collection.updateOne(eq("_id", ID), max("sweptUpTo", Date.from(upTo)), new UpdateOptions().upsert(true));
    }
}
