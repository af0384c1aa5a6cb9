package org.duban.supervision.recommendation.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.or;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.duban.platform.domain.Page;
import org.duban.platform.domain.PageRequest;
import org.duban.platform.outbox.AggregateWriter;
import org.duban.supervision.recommendation.Recommendation;
import org.duban.supervision.recommendation.RecommendationKind;
import org.duban.supervision.recommendation.RecommendationSnapshot.Addressing;
import org.duban.supervision.recommendation.RecommendationSnapshot.Answer;
import org.duban.supervision.recommendation.RecommendationSnapshot;
import org.duban.supervision.recommendation.Recommendations;
import org.duban.supervision.reminder.RemindableStore;
import org.duban.supervision.reminder.RemindedFields;
import org.duban.platform.mongo.MongoPages;

/**
 * {@code recommendations}: one document per recommendation with its outbox and {@code nextCheckAt}
 * (only while unanswered). The overdue flag is a query: no {@code answer} and {@code feedbackDueAt}
 * before now.
 */
public final class MongoRecommendations implements Recommendations, RemindableStore.Composed<Recommendation> {

    public static final String COLLECTION = "recommendations";

    /** On a unit's board, only what is addressed to the unit itself (no outside addressee). */
    public static final Bson ADDRESSED_TO_UNIT = eq("addressee", null);

    private final MongoCollection<Document> collection;
    private final RemindableStore<Recommendation> remindables;

    /** @param remindables the reminder feature's store of the same collection, for what every such store does */
    public MongoRecommendations(MongoCollection<Document> collection, RemindableStore<Recommendation> remindables) {
        this.collection = collection;
        this.remindables = remindables;
        collection.createIndex(Indexes.compoundIndex(Indexes.ascending("unitId"), Indexes.descending("issuedAt")),
                new IndexOptions().name("unit_issued"));
    }

    @Override
    public RemindableStore<Recommendation> remindables() {
        return remindables;
    }

    @Override
    public Page<Recommendation> list(String unitId, boolean addressedOnly, RecommendationKind kind, Boolean overdue,
            Instant overdueAt, PageRequest page) {
        List<Bson> conditions = new ArrayList<>();
        if (unitId != null) {
            conditions.add(eq("unitId", unitId));
        }
        if (addressedOnly) {
            conditions.add(eq("addressee", null));
        }
        if (kind != null) {
            conditions.add(eq("kind", kind.name()));
        }
        if (overdue != null) {
            Bson isOverdue = and(eq("answer", null), lt("feedbackDueAt", Date.from(overdueAt)));
            conditions.add(overdue ? isOverdue
                    : or(ne("answer", null), gte("feedbackDueAt", Date.from(overdueAt))));
        }
        return newestFirst(conditions, "issuedAt", page);
    }

    /** The recommendation's own fields, {@code _id} first; the reminder feature appends its own. */
    public static Document ownFields(Recommendation recommendation) {
        RecommendationSnapshot r = recommendation.snapshot();
        Addressing addressing = r.addressing();
        Answer answer = r.answer();
        return new Document(AggregateWriter.ID, r.id())
                .append("kind", r.kind().name())
                .append("unitId", addressing.unitId())
                .append("addressee", addressing.addressee())
                .append("assignmentId", addressing.assignmentId())
                .append("caseId", addressing.caseId())
                .append("text", r.text())
                .append("feedbackDueAt", Date.from(r.feedbackDueAt()))
                .append("answer", answer == null ? null : new Document("adopted", answer.adopted())
                        .append("text", answer.text()).append("at", Date.from(answer.at()))
                        .append("late", answer.late()))
                .append("issuedAt", Date.from(r.issuedAt()));
    }

    /** Reads a whole stored document back. */
    public static Recommendation fromDocument(Document d) {
        Document answer = d.get("answer", Document.class);
        return Recommendation.restore(new RecommendationSnapshot(
                d.getString(AggregateWriter.ID),
                RecommendationKind.valueOf(d.getString("kind")),
                new Addressing(d.getString("unitId"), d.getString("addressee"), d.getString("assignmentId"),
                        d.getString("caseId")),
                d.getString("text"),
                d.getDate("feedbackDueAt").toInstant(),
                answer == null ? null : new Answer(answer.getBoolean("adopted", false), answer.getString("text"),
                        answer.getDate("at").toInstant(), answer.getBoolean("late", false)),
                d.getDate("issuedAt").toInstant(),
                RemindedFields.fromDocument(d),
                ((Number) d.get(AggregateWriter.VERSION)).longValue()));
    }

    private Page<Recommendation> newestFirst(List<Bson> conditions, String newestField, PageRequest page) {
        Bson filter = conditions.isEmpty() ? new Document() : and(conditions);
        return MongoPages.page(collection, filter,
                Sorts.orderBy(Sorts.descending(newestField), Sorts.ascending(AggregateWriter.ID)), page,
                MongoRecommendations::fromDocument);
    }
}
