package org.duban.supervision.deadline.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.lte;
import static org.duban.platform.mongo.MongoDates.date;
import static org.duban.platform.mongo.MongoDates.instant;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.duban.contracts.events.DubanEvent;
import org.duban.platform.domain.Page;
import org.duban.platform.events.PendingEvent;
import org.duban.platform.events.PendingEvents;
import org.duban.platform.outbox.AggregateWriter.ConcurrentModification;
import org.duban.platform.outbox.AggregateWriter.DuplicateKey;
import org.duban.platform.outbox.AggregateWriter;
import org.duban.supervision.deadline.AssignmentKind;
import org.duban.supervision.deadline.OpenAssignmentsQuery;
import org.duban.supervision.deadline.TrackedAssignment;
import org.duban.supervision.deadline.TrackedAssignments;
import org.duban.supervision.deadline.TrackingStatus;
import org.duban.supervision.reminder.AlertPolicy;
import org.duban.supervision.reminder.Deadline;
import org.duban.supervision.reminder.DeadlineKind;
import org.duban.supervision.reminder.DeadlineRange;
import org.duban.supervision.reminder.Reminded;
import org.duban.supervision.reminder.RemindedFields;
import org.duban.platform.mongo.MongoPages;

/**
 * {@code tracked_assignments}: one document per assignment, {@code _id} = the assignment id. Besides
 * the state it stores {@code nextDeadlineAt}, the applicable deadline of an assignment on the board
 * (absent otherwise: removed when it is reported, concluded or cancelled): the board's colour filter and sort, and the coming reminder and overdue sweeps, are
 * all range queries on it. Writes go through the {@link AggregateWriter}, which versions them and
 * stores the events a change records (reminders) in the same write. {@code nextCheckAt}, when the
 * next reminder falls due (absent when none is pending), is the reminder sweep's work list.
 */
public final class MongoTrackedAssignments implements TrackedAssignments {

    static final String COLLECTION = "tracked_assignments";
    static final String NEXT_DEADLINE_AT = "nextDeadlineAt";
    static final String NEXT_CHECK_AT = "nextCheckAt";
    static final String PROVISIONAL = "provisionalDeadlines";

    private final MongoCollection<Document> collection;
    private final AggregateWriter writer;
    private final PendingEvents events;
    private final AlertPolicy policy;

    public MongoTrackedAssignments(MongoDatabase database, AggregateWriter writer, PendingEvents events,
            AlertPolicy policy) {
        this.collection = database.getCollection(COLLECTION);
        this.writer = writer;
        this.events = events;
        this.policy = policy;
        createIndexes();
    }

    private void createIndexes() {
        // Deadline sweeps (what turns yellow or red next) and the board of every unit, in its order.
        collection.createIndex(Indexes.ascending(NEXT_DEADLINE_AT, "_id"), new IndexOptions().name("next_deadline"));
        // A unit's board: equality on the unit, then range and order on the deadline.
        collection.createIndex(Indexes.ascending("unitId", NEXT_DEADLINE_AT, "_id"),
                new IndexOptions().name("unit_next_deadline"));
        // The reminder sweep: what falls due next. Sparse: closed assignments have no next check.
        collection.createIndex(Indexes.ascending(NEXT_CHECK_AT), new IndexOptions().name("next_check").sparse(true));
    }

    @Override
    public Optional<TrackedAssignment> find(String assignmentId) {
        return Optional.ofNullable(collection.find(eq(AggregateWriter.ID, assignmentId)).first())
                .map(MongoTrackedAssignments::fromDocument);
    }

    @Override
    public Map<String, TrackedAssignment> findAll(Collection<String> assignmentIds) {
        Map<String, TrackedAssignment> found = new HashMap<>();
        if (!assignmentIds.isEmpty()) {
            collection.find(in(AggregateWriter.ID, assignmentIds)).map(MongoTrackedAssignments::fromDocument)
                    .forEach(assignment -> found.put(assignment.assignmentId(), assignment));
        }
        return found;
    }

    /** One unordered bulk write: inserts for the new ones, updates conditional on their version for the others. */
    @Override
    public void saveAll(Collection<TrackedAssignment> assignments) {
        AggregateWriter.Batch batch = writer.batch(collection);
        for (TrackedAssignment assignment : assignments) {
            Document state = toDocument(assignment, policy);
            if (assignment.isNew()) {
                batch.insert(state, List.of());
            } else {
                batch.update(assignment.assignmentId(), assignment.version(), state, List.of());
            }
        }
        batch.write();
    }

    @Override
    public boolean saveIfUnchanged(TrackedAssignment assignment, List<DubanEvent> caused) {
        Document state = toDocument(assignment, policy);
        List<PendingEvent> entries = events.of(assignment.assignmentId(), caused);
        try {
            if (assignment.isNew()) {
                writer.insert(collection, state, entries);
                return true;
            }
            writer.update(collection, assignment.assignmentId(), assignment.version(), state, entries);
        } catch (ConcurrentModification | DuplicateKey e) {
            return false;
        }
        return true;
    }

    @Override
    public long remindedCount(String unitId) {
        return collection.countDocuments(and(eq("unitId", unitId), in("reminded.colour", List.of("YELLOW", "RED"))));
    }

    @Override
    public long remindedRedCount(String unitId) {
        return collection.countDocuments(and(eq("unitId", unitId), eq("reminded.colour", "RED")));
    }

    @Override
    public List<String> dueForReminder(Instant now, int limit) {
        return collection.find(lte(NEXT_CHECK_AT, Date.from(now)))
                .sort(Sorts.ascending(NEXT_CHECK_AT))
                .limit(limit)
                .projection(Projections.include(AggregateWriter.ID))
                .map(document -> document.getString(AggregateWriter.ID))
                .into(new ArrayList<>());
    }

    @Override
    public Page<TrackedAssignment> open(OpenAssignmentsQuery query) {
        Bson filter = openFilter(query.unitId(), query.deadlines());
        return MongoPages.page(collection, filter, Sorts.ascending(NEXT_DEADLINE_AT, AggregateWriter.ID), query.page(),
                MongoTrackedAssignments::fromDocument);
    }

    @Override
    public long countOpen(String unitId, DeadlineRange deadlines) {
        return collection.countDocuments(openFilter(unitId, deadlines));
    }

    private static Bson openFilter(String unitId, DeadlineRange deadlines) {
        List<Bson> conditions = new ArrayList<>();
        conditions.add(in("status", TrackingStatus.OPEN.stream().map(Enum::name).toList()));
        if (unitId != null) {
            conditions.add(eq("unitId", unitId));
        }
        conditions.addAll(nextDeadlineIn(deadlines));
        return and(conditions);
    }

    static Document toDocument(TrackedAssignment assignment, AlertPolicy policy) {
        Document document = new Document(AggregateWriter.ID, assignment.assignmentId())
                .append("caseId", assignment.caseId())
                .append("unitId", assignment.unitId())
                .append("assignmentKind", assignment.kind() == null ? null : assignment.kind().name())
                .append("acceptanceDueAt", date(assignment.acceptanceDueAt()))
                .append("dueAt", date(assignment.dueAt()))
                .append("status", assignment.status().name())
                .append("trackedSince", date(assignment.trackedSince()))
                .append("acceptedAt", date(assignment.acceptedAt()))
                .append(NEXT_DEADLINE_AT, date(assignment.applicableDeadline().map(Deadline::at).orElse(null)))
                .append(RemindedFields.FIELD, reminded(assignment.reminded()))
                .append(NEXT_CHECK_AT, date(assignment.nextCheckAt(policy)))
                .append(PROVISIONAL, assignment.provisional().stream().sorted().map(Enum::name).toList());
        // An insert leaves out what is not known yet; an update sets it (to null when it no longer applies).
        if (assignment.isNew()) {
            document.values().removeIf(value -> value == null);
        }
        return document;
    }

    static TrackedAssignment fromDocument(Document document) {
        String kind = document.getString("assignmentKind");
        return new TrackedAssignment(
                document.getString(AggregateWriter.ID),
                document.getString("caseId"),
                document.getString("unitId"),
                kind == null ? null : AssignmentKind.valueOf(kind),
                instant(document.getDate("acceptanceDueAt")),
                instant(document.getDate("dueAt")),
                TrackingStatus.valueOf(document.getString("status")),
                instant(document.getDate("trackedSince")),
                instant(document.getDate("acceptedAt")),
                RemindedFields.fromDocument(document),
                ((Number) document.get(AggregateWriter.VERSION)).longValue(),
                provisional(document));
    }

    private static Document reminded(Reminded reminded) {
        return reminded == null ? null : new Document(RemindedFields.toFields(reminded));
    }

    /** The conditions (none, one or two) that {@code nextDeadlineAt} lies in {@code range}. */
    private static List<Bson> nextDeadlineIn(DeadlineRange range) {
        List<Bson> conditions = new ArrayList<>();
        if (range.lower() != null) {
            Date lower = Date.from(range.lower());
            conditions.add(range.lowerInclusive() ? gte(NEXT_DEADLINE_AT, lower) : gt(NEXT_DEADLINE_AT, lower));
        }
        if (range.upper() != null) {
            Date upper = Date.from(range.upper());
            conditions.add(range.upperInclusive() ? lte(NEXT_DEADLINE_AT, upper) : lt(NEXT_DEADLINE_AT, upper));
        }
        return conditions;
    }

    /** Absent in documents written before provisional deadlines existed: none. */
    private static Set<DeadlineKind> provisional(Document document) {
        Set<DeadlineKind> provisional = EnumSet.noneOf(DeadlineKind.class);
        document.getList(PROVISIONAL, String.class, List.of()).forEach(name -> provisional.add(DeadlineKind.valueOf(name)));
        return provisional;
    }
}
