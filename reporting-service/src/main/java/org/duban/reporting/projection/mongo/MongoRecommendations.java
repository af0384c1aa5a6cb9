package org.duban.reporting.projection.mongo;

import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;

import java.time.LocalDate;
import java.util.Optional;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.duban.reporting.projection.Recommendations;

/** {@code recommendations}: {@code {_id, unitId, issuedOn, adopted}}, written by whichever event comes first. */
public final class MongoRecommendations implements Recommendations {

    static final String COLLECTION = "recommendations";

    private final ProjectionCollection recommendations;

    public MongoRecommendations(MongoDatabase database) {
        this.recommendations = new ProjectionCollection(database, COLLECTION);
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
        Document document = recommendations.upsertAndGet(recommendationId, update);
        return new Recommendation(recommendationId, document.getString("unitId"),
                Optional.ofNullable(document.getString("issuedOn")).map(LocalDate::parse),
                document.getBoolean("adopted", false));
    }
}
