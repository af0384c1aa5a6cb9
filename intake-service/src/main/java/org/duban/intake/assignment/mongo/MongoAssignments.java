package org.duban.intake.assignment.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.ne;
import static org.duban.platform.mongo.MongoDates.date;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.duban.intake.assignment.Assignment;
import org.duban.intake.assignment.AssignmentFilter;
import org.duban.intake.assignment.AssignmentKind;
import org.duban.intake.assignment.AssignmentSnapshot;
import org.duban.intake.assignment.AssignmentSnapshot.Acceptance;
import org.duban.intake.assignment.AssignmentSnapshot.Closing;
import org.duban.intake.assignment.AssignmentSnapshot.Review;
import org.duban.intake.assignment.AssignmentSnapshot.Schedule;
import org.duban.intake.assignment.AssignmentStatus;
import org.duban.intake.assignment.Assignments;
import org.duban.intake.assignment.DeadlineKind;
import org.duban.intake.assignment.Extension;
import org.duban.intake.assignment.FinalReport;
import org.duban.intake.assignment.Objection;
import org.duban.intake.assignment.ProgressNote;
import org.duban.intake.assignment.ProvisionalAssignments;
import org.duban.platform.domain.Page;
import org.duban.platform.domain.PageRequest;
import org.duban.platform.events.PendingEvents;
import org.duban.platform.outbox.AggregateWriter;
import org.duban.platform.mongo.MongoPages;
import org.duban.platform.mongo.MongoDates;

/**
 * Collection {@code assignments}; each document carries its own outbox. A list is one query: equality
 * on status, unit and matter; a pending extension is an element of {@code extensions} with status
 * {@code PENDING} ({@code extensions.status} equal to it, or, for none pending, not equal to it).
 * {@code deadlineProvisional} says whether an assignment has provisional deadlines (absent in documents
 * written before it existed: none), {@code provisionalDeadlines} names them.
 */
public final class MongoAssignments implements Assignments, ProvisionalAssignments {

    static final String COLLECTION = "assignments";
    private static final String EXTENSION_STATUS = "extensions.status";
    private static final String PROVISIONAL = "deadlineProvisional";
    private static final String PROVISIONAL_DEADLINES = "provisionalDeadlines";

    private final MongoCollection<Document> collection;
    private final AggregateWriter writer;
    private final PendingEvents events;

    public MongoAssignments(MongoDatabase database, AggregateWriter writer, PendingEvents events) {
        this.collection = database.getCollection(COLLECTION);
        this.writer = writer;
        this.events = events;
        // a unit's list (newest first, optionally by status) and a matter's assignments
        collection.createIndex(Indexes.compoundIndex(Indexes.ascending("unitId"), Indexes.descending("issuedAt")),
                new IndexOptions().name("unit_newest_first"));
        collection.createIndex(Indexes.ascending("caseId"), new IndexOptions().name("by_case"));
        // the requests awaiting a supervisor's decision, newest first (multikey on the extensions)
        collection.createIndex(Indexes.compoundIndex(Indexes.ascending(EXTENSION_STATUS), Indexes.descending("issuedAt")),
                new IndexOptions().name("extension_status_newest_first"));
        // the few assignments whose deadlines are provisional, counted again when a year is added
        collection.createIndex(Indexes.ascending(PROVISIONAL), new IndexOptions().name("provisional"));
    }

    @Override
    public List<String> openWithProvisionalDeadlines() {
        return collection.find(and(eq(PROVISIONAL, true), in("status", List.of(AssignmentStatus.ASSIGNED.name(),
                        AssignmentStatus.OBJECTED.name(), AssignmentStatus.ACCEPTED.name()))))
                .projection(new Document("_id", 1)).sort(Sorts.ascending("_id"))
                .map(document -> document.getString("_id")).into(new ArrayList<>());
    }

    @Override
    public void add(Assignment assignment) {
        try {
            writer.insert(collection, toDocument(assignment), events.of(assignment.id(), assignment.recordedEvents()));
        } catch (AggregateWriter.DuplicateKey e) {
            throw new AlreadyStored(assignment.id());
        }
    }

    @Override
    public void update(Assignment assignment) {
        writer.update(collection, assignment.id(), assignment.version(), toDocument(assignment),
                events.of(assignment.id(), assignment.recordedEvents()));
    }

    @Override
    public boolean tryUpdate(Assignment assignment) {
        try {
            update(assignment);
            return true;
        } catch (AggregateWriter.ConcurrentModification changedMeanwhile) {
            return false;
        }
    }

    @Override
    public Optional<Assignment> find(String id) {
        return Optional.ofNullable(collection.find(eq("_id", id)).first()).map(MongoAssignments::fromDocument);
    }

    @Override
    public boolean existsFor(String caseId, String unitId, Set<AssignmentStatus> statuses) {
        List<Bson> filters = new ArrayList<>(List.of(eq("caseId", caseId),
                in("status", statuses.stream().map(Enum::name).toList())));
        if (unitId != null) {
            filters.add(eq("unitId", unitId));
        }
        return collection.find(and(filters)).projection(new Document("_id", 1)).limit(1).first() != null;
    }

    @Override
    public Page<Assignment> list(AssignmentFilter filter, PageRequest page) {
        List<Bson> conditions = new ArrayList<>();
        if (filter.status() != null) {
            conditions.add(eq("status", filter.status().name()));
        }
        if (filter.unitId() != null) {
            conditions.add(eq("unitId", filter.unitId()));
        }
        if (filter.caseId() != null) {
            conditions.add(eq("caseId", filter.caseId()));
        }
        if (filter.pendingExtension() != null) {
            String pending = Extension.Status.PENDING.name();
            conditions.add(filter.pendingExtension() ? eq(EXTENSION_STATUS, pending) : ne(EXTENSION_STATUS, pending));
        }
        Bson query = conditions.isEmpty() ? new Document() : and(conditions);
        return MongoPages.page(collection, query, Sorts.orderBy(Sorts.descending("issuedAt"), Sorts.ascending("_id")),
                page, MongoAssignments::fromDocument);
    }

    static Document toDocument(Assignment assignment) {
        AssignmentSnapshot state = assignment.snapshot();
        Document document = new Document("_id", state.id())
                .append("caseId", state.caseId())
                .append("unitId", state.unitId())
                .append("kind", state.kind().name())
                .append("status", state.status().name())
                .append("issuedAt", date(state.issuedAt()))
                .append("acceptanceDueAt", date(state.acceptanceDueAt()))
                .append("objectionDueAt", date(state.objectionDueAt()))
                .append("dueAt", date(state.dueAt()))
                .append("instructions", state.instructions())
                .append("acceptedAt", date(state.acceptedAt()))
                .append("noticeSentAt", date(state.noticeSentAt()))
                .append("objection", objection(state.objection()))
                .append("progress", state.progress().stream().map(MongoAssignments::progressNote).toList())
                .append("extensions", state.extensions().stream().map(MongoAssignments::extension).toList())
                .append("finalReport", finalReport(state.finalReport()))
                .append("sendBacks", state.sendBacks())
                .append("reviewReason", state.reviewReason())
                .append("closedAt", date(state.closedAt()))
                .append("cancelReason", state.cancelReason());
        // written every time, false and empty included: an update sets each field it is given
        return document.append(PROVISIONAL, !state.provisionalDeadlines().isEmpty())
                .append(PROVISIONAL_DEADLINES, state.provisionalDeadlines().stream().sorted().map(Enum::name).toList());
    }

    static Assignment fromDocument(Document document) {
        Instant acceptanceDueAt = instant(document, "acceptanceDueAt");
        Instant objectionDueAt = instant(document, "objectionDueAt");
        return Assignment.restore(new AssignmentSnapshot(
                document.getString("_id"),
                document.getString("caseId"),
                document.getString("unitId"),
                AssignmentKind.valueOf(document.getString("kind")),
                AssignmentStatus.valueOf(document.getString("status")),
                document.getString("instructions"),
                new Schedule(instant(document, "issuedAt"), acceptanceDueAt,
                        // stored before objections existed: the window is taken to end with the acceptance deadline
                        objectionDueAt != null ? objectionDueAt : acceptanceDueAt,
                        instant(document, "dueAt"), provisionalDeadlines(document)),
                new Acceptance(instant(document, "acceptedAt"), instant(document, "noticeSentAt")),
                objection(document.get("objection", Document.class)),
                document.getList("progress", Document.class, List.of()).stream()
                        .map(MongoAssignments::progressNote).toList(),
                document.getList("extensions", Document.class, List.of()).stream()
                        .map(MongoAssignments::extension).toList(),
                finalReport(document.get("finalReport", Document.class)),
                new Review(document.getInteger("sendBacks", 0), document.getString("reviewReason")),
                new Closing(instant(document, "closedAt"), document.getString("cancelReason")),
                document.getLong(AggregateWriter.VERSION)));
    }

    private static Set<DeadlineKind> provisionalDeadlines(Document document) {
        Set<DeadlineKind> deadlines = EnumSet.noneOf(DeadlineKind.class);
        document.getList(PROVISIONAL_DEADLINES, String.class, List.of()).forEach(name ->
                deadlines.add(DeadlineKind.valueOf(name)));
        return deadlines;
    }

    private static Document objection(Objection objection) {
        return objection == null ? null : new Document("reason", objection.reason())
                .append("objectedAt", date(objection.objectedAt()))
                .append("upheld", objection.upheld())
                .append("decidedAt", date(objection.decidedAt()))
                .append("reassignedAssignmentId", objection.reassignedAssignmentId());
    }

    private static Objection objection(Document document) {
        return document == null ? null : new Objection(document.getString("reason"),
                instant(document, "objectedAt"), document.getBoolean("upheld"), instant(document, "decidedAt"),
                document.getString("reassignedAssignmentId"));
    }

    private static Document progressNote(ProgressNote note) {
        return new Document("id", note.id()).append("note", note.note()).append("reportedAt", date(note.reportedAt()));
    }

    /** Notes stored before they had ids get one derived from their time, the same at every read. */
    private static ProgressNote progressNote(Document document) {
        Instant reportedAt = instant(document, "reportedAt");
        String id = document.getString("id");
        return new ProgressNote(id != null ? id : "note-" + reportedAt.toEpochMilli(), document.getString("note"),
                reportedAt);
    }

    private static Document extension(Extension extension) {
        return new Document("id", extension.id())
                .append("days", extension.days())
                .append("reason", extension.reason())
                .append("requestedAt", date(extension.requestedAt()))
                .append("status", extension.status().name())
                .append("note", extension.note())
                .append("decidedAt", date(extension.decidedAt()));
    }

    private static Extension extension(Document document) {
        return new Extension(document.getString("id"), document.getInteger("days"), document.getString("reason"),
                instant(document, "requestedAt"), Extension.Status.valueOf(document.getString("status")),
                document.getString("note"), instant(document, "decidedAt"));
    }

    private static Document finalReport(FinalReport report) {
        return report == null ? null : new Document("outcome", report.outcome().name())
                .append("resolved", report.resolved())
                .append("summary", report.summary())
                .append("repliedAt", date(report.repliedAt()))
                .append("submittedAt", date(report.submittedAt()))
                .append("withinDeadline", report.withinDeadline());
    }

    private static FinalReport finalReport(Document document) {
        return document == null ? null : new FinalReport(FinalReport.Outcome.valueOf(document.getString("outcome")),
                document.getBoolean("resolved"), document.getString("summary"), instant(document, "repliedAt"),
                instant(document, "submittedAt"), document.getBoolean("withinDeadline"));
    }

    private static Instant instant(Document document, String field) {
        return MongoDates.instant(document.getDate(field));
    }
}
