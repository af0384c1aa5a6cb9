package org.duban.reporting.projection.mongo;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;

import java.time.LocalDate;
import java.util.Optional;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.duban.reporting.projection.Recommendations;

/** {@code recommendations}: {@code {_id, unitId, issuedOn, adopted}}, written by whichever event comes first. */
public final class MongoRecommendations implements Recommendations {

    static final String COLLECTION = "recommendations";

    private final MongoCollection<Document> collection;

    public MongoRecommendations(MongoDatabase database) {
        this.collection = database.getCollection(COLLECTION);
    }

    @Override
    public Recommendation issued(String recommendationId, String unitId, LocalDate issuedOn) {
        return upsert(recommendationId, combine(set("unitId", unitId), set("issuedOn", issuedOn.toString())));
    }

    @Override
    public Recommendation answered(String recommendationId, boolean adopted) {
        return upsert(recommendationId, set("adopted", adopted));
    }

    private Recommendation upsert(String recommendationId, Bson update) {
        Document document = collection.findOneAndUpdate(eq("_id", recommendationId), update,
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        return new Recommendation(recommendationId, document.getString("unitId"),
                Optional.ofNullable(document.getString("issuedOn")).map(LocalDate::parse),
                document.getBoolean("adopted", false));
    }
}
