package org.duban.supervision.measure.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static org.duban.platform.mongo.MongoDates.date;
import static org.duban.platform.mongo.MongoDates.instant;

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
import org.duban.supervision.measure.Measure;
import org.duban.supervision.measure.MeasureKind;
import org.duban.supervision.measure.MeasureSnapshot.Concerns;
import org.duban.supervision.measure.MeasureSnapshot.Dates;
import org.duban.supervision.measure.MeasureSnapshot.Held;
import org.duban.supervision.measure.MeasureSnapshot.Submission;
import org.duban.supervision.measure.MeasureSnapshot;
import org.duban.supervision.measure.MeasureStatus;
import org.duban.supervision.measure.Measures;
import org.duban.supervision.reminder.RemindableStore;
import org.duban.supervision.reminder.RemindedFields;
import org.duban.platform.mongo.MongoPages;

/** {@code measures}: one document per measure with its outbox and {@code nextCheckAt} (while a submission is awaited). */
public final class MongoMeasures implements Measures, RemindableStore.Composed<Measure> {

    public static final String COLLECTION = "measures";

    private final MongoCollection<Document> collection;
    private final RemindableStore<Measure> remindables;

    /** @param remindables the reminder feature's store of the same collection, for what every such store does */
    public MongoMeasures(MongoCollection<Document> collection, RemindableStore<Measure> remindables) {
        this.collection = collection;
        this.remindables = remindables;
        collection.createIndex(Indexes.compoundIndex(Indexes.ascending("unitId"), Indexes.descending("issuedAt")),
                new IndexOptions().name("unit_issued"));
    }

    @Override
    public RemindableStore<Measure> remindables() {
        return remindables;
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
        return newestFirst(conditions, "issuedAt", page);
    }

    /** The measure's own fields, {@code _id} first; the reminder feature appends its own. */
    public static Document ownFields(Measure measure) {
        MeasureSnapshot m = measure.snapshot();
        Concerns concerns = m.concerns();
        Submission submission = m.submission();
        Held held = m.held();
        return new Document(AggregateWriter.ID, m.id())
                .append("kind", m.kind().name())
                .append("unitId", concerns.unitId())
                .append("assignmentId", concerns.assignmentId())
                .append("caseId", concerns.caseId())
                .append("supervisionId", concerns.supervisionId())
                .append("reason", m.reason())
                .append("status", m.status().name())
                .append("dueAt", date(m.dates().dueAt()))
                .append("scheduledAt", date(m.dates().scheduledAt()))
                .append("submission", submission == null ? null : new Document("text", submission.text())
                        .append("at", Date.from(submission.at())).append("late", submission.late()))
                .append("held", held == null ? null : new Document("at", Date.from(held.at()))
                        .append("minutes", held.minutes()).append("recordedAt", Date.from(held.recordedAt())))
                .append("issuedAt", Date.from(m.dates().issuedAt()));
    }

    /** Reads a whole stored document back. */
    public static Measure fromDocument(Document d) {
        Document submission = d.get("submission", Document.class);
        Document held = d.get("held", Document.class);
        return Measure.restore(new MeasureSnapshot(
                d.getString(AggregateWriter.ID),
                MeasureKind.valueOf(d.getString("kind")),
                new Concerns(d.getString("unitId"), d.getString("assignmentId"), d.getString("caseId"),
                        d.getString("supervisionId")),
                d.getString("reason"),
                MeasureStatus.valueOf(d.getString("status")),
                new Dates(instant(d.getDate("dueAt")), instant(d.getDate("scheduledAt")),
                        d.getDate("issuedAt").toInstant()),
                submission == null ? null : new Submission(submission.getString("text"),
                        submission.getDate("at").toInstant(), submission.getBoolean("late", false)),
                held == null ? null : new Held(held.getDate("at").toInstant(), held.getString("minutes"),
                        held.getDate("recordedAt").toInstant()),
                RemindedFields.fromDocument(d),
                ((Number) d.get(AggregateWriter.VERSION)).longValue()));
    }

    private Page<Measure> newestFirst(List<Bson> conditions, String newestField, PageRequest page) {
        Bson filter = conditions.isEmpty() ? new Document() : and(conditions);
        return MongoPages.page(collection, filter,
                Sorts.orderBy(Sorts.descending(newestField), Sorts.ascending(AggregateWriter.ID)), page,
                MongoMeasures::fromDocument);
    }
}
