package org.duban.supervision.recommendation.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.or;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import jakarta.annotation.PostConstruct;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.duban.platform.domain.Page;
import org.duban.platform.domain.PageRequest;
import org.duban.platform.events.PendingEvent;
import org.duban.platform.outbox.AggregateWriter;
import org.duban.platform.outbox.AggregateWriter.ConcurrentModification;
import org.duban.platform.outbox.AggregateWriter.DuplicateKey;
import org.duban.supervision.deadline.AlertKind;
import org.duban.supervision.deadline.AlertPolicy;
import org.duban.supervision.deadline.Deadline;
import org.duban.supervision.deadline.DeadlineRange;
import org.duban.supervision.deadline.Watched;
import org.duban.supervision.deadline.WatchedSubjects;
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
class MongoRecommendations implements Recommendations, WatchedSubjects {

    static final String COLLECTION = "recommendations";

    private final MongoCollection<Document> collection;
    private final AggregateWriter writer;
    private final AlertPolicy policy;

    MongoRecommendations(MongoDatabase database, AggregateWriter writer, AlertPolicy policy) {
        this.collection = database.getCollection(COLLECTION);
        this.writer = writer;
        this.policy = policy;
    }

    @PostConstruct
    void createIndexes() {
        ReminderFields.createBoardIndexes(collection);
        collection.createIndex(Indexes.compoundIndex(Indexes.ascending("unitId"), Indexes.descending("issuedAt")),
                new IndexOptions().name("unit_issued"));
    }

    @Override
    public Optional<Recommendation> find(String id) {
        return Optional.ofNullable(collection.find(eq(AggregateWriter.ID, id)).first())
                .map(MongoRecommendations::fromDocument);
    }

    @Override
    public boolean insert(Recommendation recommendation, List<PendingEvent> events) {
        Document state = toDocument(recommendation);
        state.values().removeIf(value -> value == null);
        try {
            writer.insert(collection, state, events);
            return true;
        } catch (DuplicateKey e) {
            return false;
        }
    }

    @Override
    public boolean updateIfUnchanged(Recommendation recommendation, List<PendingEvent> events) {
        Document state = toDocument(recommendation);
        try {
            writer.update(collection, recommendation.id(), recommendation.version(), state, events);
        } catch (ConcurrentModification e) {
            return false;
        }
        ReminderFields.unsetNulls(collection, recommendation.id(), recommendation.version() + 1, state);
        return true;
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
        Bson filter = conditions.isEmpty() ? new Document() : and(conditions);
        List<Recommendation> items = collection.find(filter)
                .sort(Sorts.orderBy(Sorts.descending("issuedAt"), Sorts.ascending(AggregateWriter.ID)))
                .skip(page.offset()).limit(page.size())
                .map(MongoRecommendations::fromDocument).into(new ArrayList<>());
        return new Page<>(items, page, collection.countDocuments(filter));
    }

    @Override
    public List<Recommendation> ofUnit(String unitId) {
        return collection.find(eq("unitId", unitId)).map(MongoRecommendations::fromDocument).into(new ArrayList<>());
    }

    @Override
    public AlertKind kind() {
        return AlertKind.RECOMMENDATION;
    }

    @Override
    public Page<Watched> open(String unitId, boolean forUnit, DeadlineRange deadlines, PageRequest page) {
        return ReminderFields.board(collection, unitId, deadlines, forUnit ? eq("addressee", null) : null, page, document -> {
            var r = fromDocument(document);
            return new Watched(AlertKind.RECOMMENDATION, r.id(), r.assignmentId(), r.caseId(), r.unitId(),
                    r.applicableDeadline().orElseThrow(), r.issuedAt());
        });
    }

    @Override
    public List<String> dueForReminder(Instant now, int limit) {
        return collection.find(lte(ReminderFields.NEXT_CHECK_AT, Date.from(now)))
                .sort(Sorts.ascending(ReminderFields.NEXT_CHECK_AT)).limit(limit)
                .projection(Projections.include(AggregateWriter.ID))
                .map(document -> document.getString(AggregateWriter.ID)).into(new ArrayList<>());
    }

    private Document toDocument(Recommendation r) {
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
                .append("issuedAt", Date.from(r.issuedAt()))
                .append(ReminderFields.REMINDED, ReminderFields.toDocument(r.reminded()))
                .append(ReminderFields.NEXT_DEADLINE_AT, ReminderFields.date(r.applicableDeadline()
                        .map(Deadline::at).orElse(null)))
                .append(ReminderFields.NEXT_CHECK_AT, ReminderFields.date(
                        policy.nextCheckAt(r.applicableDeadline().orElse(null), r.reminded())));
    }

    private static Recommendation fromDocument(Document d) {
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
