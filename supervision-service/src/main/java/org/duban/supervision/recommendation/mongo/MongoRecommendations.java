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

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import jakarta.annotation.PostConstruct;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.duban.platform.domain.Page;
import org.duban.platform.domain.PageRequest;
import org.duban.platform.outbox.AggregateWriter;
import org.duban.supervision.deadline.AlertKind;
import org.duban.supervision.deadline.AlertPolicy;
import org.duban.supervision.deadline.DeadlineRange;
import org.duban.supervision.deadline.Watched;
import org.duban.supervision.deadline.WatchedSubjects;
import org.duban.supervision.deadline.mongo.MongoRemindables;
import org.duban.supervision.deadline.mongo.ReminderFields;
import org.duban.supervision.recommendation.Recommendation;
import org.duban.supervision.recommendation.RecommendationKind;
import org.duban.supervision.recommendation.Recommendations;
import org.springframework.stereotype.Component;

/**
 * {@code recommendations}: one document per recommendation with its outbox and {@code nextCheckAt}
 * (only while unanswered). The overdue flag is a query: no {@code answer} and {@code feedbackDueAt}
 * before now.
 */
@Component
class MongoRecommendations extends MongoRemindables<Recommendation> implements Recommendations, WatchedSubjects {

    static final String COLLECTION = "recommendations";

    MongoRecommendations(MongoDatabase database, AggregateWriter writer, AlertPolicy policy) {
        super(database.getCollection(COLLECTION), writer, policy);
    }

    @PostConstruct
    void createIndexes() {
        createBoardIndexes();
        collection.createIndex(Indexes.compoundIndex(Indexes.ascending("unitId"), Indexes.descending("issuedAt")),
                new IndexOptions().name("unit_issued"));
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

    @Override
    public AlertKind kind() {
        return AlertKind.RECOMMENDATION;
    }

    @Override
    public Page<Watched> open(String unitId, boolean forUnit, DeadlineRange deadlines, PageRequest page) {
        return board(AlertKind.RECOMMENDATION, unitId, deadlines, forUnit ? eq("addressee", null) : null, page,
                Recommendation::issuedAt);
    }

    @Override
    public long count(String unitId, boolean forUnit, DeadlineRange deadlines) {
        return boardCount(unitId, deadlines, forUnit ? eq("addressee", null) : null);
    }

    @Override
    protected Document ownFields(Recommendation r) {
        Recommendation.Answer answer = r.answer();
        return new Document(AggregateWriter.ID, r.id())
                .append("kind", r.kind().name())
                .append("unitId", r.unitId())
                .append("addressee", r.addressee())
                .append("assignmentId", r.assignmentId())
                .append("caseId", r.caseId())
                .append("text", r.text())
                .append("feedbackDueAt", Date.from(r.feedbackDueAt()))
                .append("answer", answer == null ? null : new Document("adopted", answer.adopted())
                        .append("text", answer.text()).append("at", Date.from(answer.at()))
                        .append("late", answer.late()))
                .append("issuedAt", Date.from(r.issuedAt()));
    }

    @Override
    protected Recommendation fromDocument(Document d) {
        Document answer = d.get("answer", Document.class);
        return new Recommendation(
                d.getString(AggregateWriter.ID),
                RecommendationKind.valueOf(d.getString("kind")),
                d.getString("unitId"),
                d.getString("addressee"),
                d.getString("assignmentId"),
                d.getString("caseId"),
                d.getString("text"),
                d.getDate("feedbackDueAt").toInstant(),
                answer == null ? null : new Recommendation.Answer(answer.getBoolean("adopted", false),
                        answer.getString("text"), answer.getDate("at").toInstant(), answer.getBoolean("late", false)),
                d.getDate("issuedAt").toInstant(),
                ReminderFields.fromDocument(d.get(ReminderFields.REMINDED, Document.class)),
                ((Number) d.get(AggregateWriter.VERSION)).longValue());
    }
}
