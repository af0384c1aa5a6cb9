package org.duban.supervision.measure.mongo;

import static com.mongodb.client.model.Filters.eq;

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
import org.duban.supervision.measure.Measure;
import org.duban.supervision.measure.MeasureKind;
import org.duban.supervision.measure.MeasureStatus;
import org.duban.supervision.measure.Measures;
import org.springframework.stereotype.Component;

/** {@code measures}: one document per measure with its outbox and {@code nextCheckAt} (while a submission is awaited). */
@Component
class MongoMeasures extends MongoRemindables<Measure> implements Measures, WatchedSubjects {

    static final String COLLECTION = "measures";

    MongoMeasures(MongoDatabase database, AggregateWriter writer, AlertPolicy policy) {
        super(database.getCollection(COLLECTION), writer, policy);
    }

    @PostConstruct
    void createIndexes() {
        createBoardIndexes();
        collection.createIndex(Indexes.compoundIndex(Indexes.ascending("unitId"), Indexes.descending("issuedAt")),
                new IndexOptions().name("unit_issued"));
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

    @Override
    public AlertKind kind() {
        return AlertKind.MEASURE;
    }

    @Override
    public Page<Watched> open(String unitId, boolean forUnit, DeadlineRange deadlines, PageRequest page) {
        return board(AlertKind.MEASURE, unitId, deadlines, null, page, Measure::issuedAt);
    }

    @Override
    public long count(String unitId, boolean forUnit, DeadlineRange deadlines) {
        return boardCount(unitId, deadlines, null);
    }

    @Override
    protected Document ownFields(Measure m) {
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
                .append("issuedAt", Date.from(m.issuedAt()));
    }

    @Override
    protected Measure fromDocument(Document d) {
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
