package org.duban.supervision.measure.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lte;

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
import org.duban.supervision.measure.Measure;
import org.duban.supervision.measure.MeasureKind;
import org.duban.supervision.measure.MeasureStatus;
import org.duban.supervision.measure.Measures;
import org.springframework.stereotype.Component;

/** {@code measures}: one document per measure with its outbox and {@code nextCheckAt} (while a submission is awaited). */
@Component
class MongoMeasures implements Measures, WatchedSubjects {

    static final String COLLECTION = "measures";

    private final MongoCollection<Document> collection;
    private final AggregateWriter writer;
    private final AlertPolicy policy;

    MongoMeasures(MongoDatabase database, AggregateWriter writer, AlertPolicy policy) {
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
    public Optional<Measure> find(String id) {
        return Optional.ofNullable(collection.find(eq(AggregateWriter.ID, id)).first()).map(MongoMeasures::fromDocument);
    }

    @Override
    public boolean insert(Measure measure, List<PendingEvent> events) {
        Document state = toDocument(measure);
        state.values().removeIf(value -> value == null);
        try {
            writer.insert(collection, state, events);
            return true;
        } catch (DuplicateKey e) {
            return false;
        }
    }

    @Override
    public boolean updateIfUnchanged(Measure measure, List<PendingEvent> events) {
        Document state = toDocument(measure);
        try {
            writer.update(collection, measure.id(), measure.version(), state, events);
        } catch (ConcurrentModification e) {
            return false;
        }
        ReminderFields.unsetNulls(collection, measure.id(), measure.version() + 1, state);
        return true;
    }

    @Override
    public Page<Measure> list(String unitId, MeasureKind kind, MeasureStatus status, PageRequest page) {
        List<Bson> conditions = new ArrayList<>();
        if (unitId != null) {
            conditions.add(eq("unitId", unitId));
        }
        if (kind != null) {
            conditions.add(eq("kind", kind.name()));
        }
        if (status != null) {
            conditions.add(eq("status", status.name()));
        }
        Bson filter = conditions.isEmpty() ? new Document() : and(conditions);
        List<Measure> items = collection.find(filter)
                .sort(Sorts.orderBy(Sorts.descending("issuedAt"), Sorts.ascending(AggregateWriter.ID)))
                .skip(page.offset()).limit(page.size())
                .map(MongoMeasures::fromDocument).into(new ArrayList<>());
        return new Page<>(items, page, collection.countDocuments(filter));
    }

    @Override
    public List<Measure> ofUnit(String unitId) {
        return collection.find(eq("unitId", unitId)).map(MongoMeasures::fromDocument).into(new ArrayList<>());
    }

    @Override
    public AlertKind kind() {
        return AlertKind.MEASURE;
    }

    @Override
    public Page<Watched> open(String unitId, boolean forUnit, DeadlineRange deadlines, PageRequest page) {
        return ReminderFields.board(collection, unitId, deadlines, null, page, document -> {
            var m = fromDocument(document);
            return new Watched(AlertKind.MEASURE, m.id(), m.assignmentId(), m.caseId(), m.unitId(),
                    m.applicableDeadline().orElseThrow(), m.issuedAt());
        });
    }

    @Override
    public List<String> dueForReminder(Instant now, int limit) {
        return collection.find(lte(ReminderFields.NEXT_CHECK_AT, Date.from(now)))
                .sort(Sorts.ascending(ReminderFields.NEXT_CHECK_AT)).limit(limit)
                .projection(Projections.include(AggregateWriter.ID))
                .map(document -> document.getString(AggregateWriter.ID)).into(new ArrayList<>());
    }

    private Document toDocument(Measure m) {
        return new Document(AggregateWriter.ID, m.id())
                .append("kind", m.kind().name())
                .append("unitId", m.unitId())
                .append("assignmentId", m.assignmentId())
                .append("caseId", m.caseId())
                .append("supervisionId", m.supervisionId())
                .append("reason", m.reason())
                .append("status", m.status().name())
                .append("dueAt", ReminderFields.date(m.dueAt()))
                .append("scheduledAt", ReminderFields.date(m.scheduledAt()))
                .append("submission", m.submission() == null ? null : new Document("text", m.submission().text())
                        .append("at", Date.from(m.submission().at())).append("late", m.submission().late()))
                .append("held", m.held() == null ? null : new Document("at", Date.from(m.held().at()))
                        .append("minutes", m.held().minutes()).append("recordedAt", Date.from(m.held().recordedAt())))
                .append("issuedAt", Date.from(m.issuedAt()))
                .append(ReminderFields.REMINDED, ReminderFields.toDocument(m.reminded()))
                .append(ReminderFields.NEXT_DEADLINE_AT, ReminderFields.date(m.applicableDeadline()
                        .map(Deadline::at).orElse(null)))
                .append(ReminderFields.NEXT_CHECK_AT, ReminderFields.date(
                        policy.nextCheckAt(m.applicableDeadline().orElse(null), m.reminded())));
    }

    private static Measure fromDocument(Document d) {
        Document submission = d.get("submission", Document.class);
        Document held = d.get("held", Document.class);
        return new Measure(
                d.getString(AggregateWriter.ID),
                MeasureKind.valueOf(d.getString("kind")),
                d.getString("unitId"),
                d.getString("assignmentId"),
                d.getString("caseId"),
                d.getString("supervisionId"),
                d.getString("reason"),
                MeasureStatus.valueOf(d.getString("status")),
                ReminderFields.instant(d.getDate("dueAt")),
                ReminderFields.instant(d.getDate("scheduledAt")),
                submission == null ? null : new Measure.Submission(submission.getString("text"),
                        submission.getDate("at").toInstant(), submission.getBoolean("late", false)),
                held == null ? null : new Measure.Held(held.getDate("at").toInstant(), held.getString("minutes"),
                        held.getDate("recordedAt").toInstant()),
                d.getDate("issuedAt").toInstant(),
                ReminderFields.fromDocument(d.get(ReminderFields.REMINDED, Document.class)),
                ((Number) d.get(AggregateWriter.VERSION)).longValue());
    }
}
