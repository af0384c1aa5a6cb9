package org.duban.intake.assignment.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.duban.intake.assignment.Assignment;
import org.duban.intake.assignment.AssignmentKind;
import org.duban.intake.assignment.AssignmentStatus;
import org.duban.intake.assignment.Assignments;
import org.duban.platform.domain.Page;
import org.duban.platform.domain.PageRequest;
import org.duban.platform.events.PendingEvent;
import org.duban.platform.outbox.AggregateWriter;

/** Collection {@code assignments}; each document carries its own outbox. */
public final class MongoAssignments implements Assignments {

    static final String COLLECTION = "assignments";

    private final MongoCollection<Document> collection;
    private final AggregateWriter writer;

    public MongoAssignments(MongoDatabase database, AggregateWriter writer) {
        this.collection = database.getCollection(COLLECTION);
        this.writer = writer;
        // a unit's list (newest first, optionally by status) and a matter's assignments
        collection.createIndex(Indexes.compoundIndex(Indexes.ascending("unitId"), Indexes.descending("issuedAt")),
                new IndexOptions().name("unit_newest_first"));
        collection.createIndex(Indexes.ascending("caseId"), new IndexOptions().name("by_case"));
    }

    @Override
    public void add(Assignment assignment, List<PendingEvent> events) {
        writer.insert(collection, toDocument(assignment), events);
    }

    @Override
    public void update(Assignment assignment, List<PendingEvent> events) {
        writer.update(collection, assignment.id(), assignment.version(), toDocument(assignment), events);
    }

    @Override
    public Optional<Assignment> find(String id) {
        return Optional.ofNullable(collection.find(eq("_id", id)).first()).map(MongoAssignments::fromDocument);
    }

    @Override
    public Page<Assignment> list(AssignmentStatus status, String unitId, PageRequest page) {
        List<Bson> filters = new ArrayList<>();
        if (status != null) {
            filters.add(eq("status", status.name()));
        }
        if (unitId != null) {
            filters.add(eq("unitId", unitId));
        }
        Bson filter = filters.isEmpty() ? new Document() : and(filters);
        List<Assignment> items = collection.find(filter)
                .sort(Sorts.orderBy(Sorts.descending("issuedAt"), Sorts.ascending("_id")))
                .skip(page.offset()).limit(page.size())
                .map(MongoAssignments::fromDocument).into(new ArrayList<>());
        return new Page<>(items, page, collection.countDocuments(filter));
    }

    static Document toDocument(Assignment assignment) {
        return new Document("_id", assignment.id())
                .append("caseId", assignment.caseId())
                .append("unitId", assignment.unitId())
                .append("kind", assignment.kind().name())
                .append("status", assignment.status().name())
                .append("issuedAt", date(assignment.issuedAt()))
                .append("acceptanceDueAt", date(assignment.acceptanceDueAt()))
                .append("dueAt", date(assignment.dueAt()))
                .append("instructions", assignment.instructions())
                .append("acceptedAt", date(assignment.acceptedAt()))
                .append("noticeSentAt", date(assignment.noticeSentAt()));
    }

    static Assignment fromDocument(Document document) {
        return Assignment.restore(
                document.getString("_id"),
                document.getString("caseId"),
                document.getString("unitId"),
                AssignmentKind.valueOf(document.getString("kind")),
                AssignmentStatus.valueOf(document.getString("status")),
                instant(document, "issuedAt"),
                instant(document, "acceptanceDueAt"),
                instant(document, "dueAt"),
                document.getString("instructions"),
                instant(document, "acceptedAt"),
                instant(document, "noticeSentAt"),
                document.getLong(AggregateWriter.VERSION));
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private static Instant instant(Document document, String field) {
        Date date = document.getDate(field);
        return date == null ? null : date.toInstant();
    }
}
