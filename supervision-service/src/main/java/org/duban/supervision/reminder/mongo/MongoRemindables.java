package org.duban.supervision.reminder.mongo;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lte;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.duban.platform.domain.Page;
import org.duban.platform.domain.PageRequest;
import org.duban.platform.events.PendingEvents;
import org.duban.platform.outbox.AggregateWriter.ConcurrentModification;
import org.duban.platform.outbox.AggregateWriter.DuplicateKey;
import org.duban.platform.outbox.AggregateWriter;
import org.duban.supervision.reminder.AlertKind;
import org.duban.supervision.reminder.AlertPolicy;
import org.duban.supervision.reminder.Deadline;
import org.duban.supervision.reminder.DeadlineRange;
import org.duban.supervision.reminder.Remindable;
import org.duban.supervision.reminder.RemindableStore;
import org.duban.supervision.reminder.Watched;
import org.duban.supervision.reminder.WatchedSubjects;
import org.duban.platform.mongo.MongoDates;

/**
 * A collection of {@link Remindable} subjects (supervision orders, recommendations, measures): one
 * document per subject, {@code _id} = its id, with its outbox and its {@link ReminderFields}; inserts
 * and version-filtered updates through the {@link AggregateWriter}, the events the subject recorded
 * turned into outbox entries of the same write; the board's view of them. The
 * subject's own adapter composes one (see {@link RemindableStore.Composed}) and gives it only the
 * mapping of the subject's own fields ({@link Mapping}).
 */
public final class MongoRemindables<T extends Remindable> implements RemindableStore<T>, WatchedSubjects {

    /**
     * What is particular to one kind of subject.
     *
     * @param kind         what the board calls it
     * @param ownFields    the subject's own fields, {@code _id} first; the reminder fields are appended to them
     * @param fromDocument the subject read back from its whole document
     * @param since        since when the board watches it (opened, issued)
     * @param unitOnly     for a unit's board, what the unit itself owes (null: all of the unit's)
     */
    public record Mapping<T>(AlertKind kind, Function<T, Document> ownFields, Function<Document, T> fromDocument,
            Function<T, Instant> since, Bson unitOnly) {
    }

    private final MongoCollection<Document> collection;
    private final AggregateWriter writer;
    private final PendingEvents events;
    private final AlertPolicy policy;
    private final Mapping<T> mapping;

    /** Creates the board's indexes; the subject's adapter creates its own ones besides. */
    public MongoRemindables(MongoCollection<Document> collection, AggregateWriter writer, PendingEvents events,
            AlertPolicy policy, Mapping<T> mapping) {
        this.collection = collection;
        this.writer = writer;
        this.events = events;
        this.policy = policy;
        this.mapping = mapping;
        ReminderFields.createBoardIndexes(collection);
    }

    @Override
    public Optional<T> find(String id) {
        return Optional.ofNullable(collection.find(eq(AggregateWriter.ID, id)).first()).map(mapping.fromDocument()::apply);
    }

    @Override
    public boolean insert(T subject) {
        Document state = toDocument(subject);
        state.values().removeIf(value -> value == null);
        try {
            writer.insert(collection, state, events.of(subject.id(), subject.recordedEvents()));
            return true;
        } catch (DuplicateKey e) {
            return false;
        }
    }

    @Override
    public boolean update(T subject) {
        Document state = toDocument(subject);
        try {
            writer.update(collection, subject.id(), subject.version(), state,
                    events.of(subject.id(), subject.recordedEvents()));
        } catch (ConcurrentModification e) {
            return false;
        }
        return true;
    }

    @Override
    public List<String> dueForReminder(Instant now, int limit) {
        return collection.find(lte(ReminderFields.NEXT_CHECK_AT, Date.from(now)))
                .sort(Sorts.ascending(ReminderFields.NEXT_CHECK_AT)).limit(limit)
                .projection(Projections.include(AggregateWriter.ID))
                .map(document -> document.getString(AggregateWriter.ID)).into(new ArrayList<>());
    }

    @Override
    public List<T> ofUnit(String unitId) {
        return collection.find(eq("unitId", unitId)).map(mapping.fromDocument()::apply).into(new ArrayList<>());
    }

    @Override
    public AlertKind kind() {
        return mapping.kind();
    }

    @Override
    public Page<Watched> open(String unitId, boolean forUnit, DeadlineRange deadlines, PageRequest page) {
        return ReminderFields.board(collection, unitId, deadlines, forUnit ? mapping.unitOnly() : null, page,
                document -> {
                    T subject = mapping.fromDocument().apply(document);
                    return new Watched(mapping.kind(), subject.id(), subject.assignmentId(), subject.caseId(),
                            subject.unitId(), subject.applicableDeadline().orElseThrow(),
                            mapping.since().apply(subject));
                });
    }

    @Override
    public long count(String unitId, boolean forUnit, DeadlineRange deadlines) {
        return ReminderFields.boardCount(collection, unitId, deadlines, forUnit ? mapping.unitOnly() : null);
    }

    private Document toDocument(T subject) {
        Deadline deadline = subject.applicableDeadline().orElse(null);
        return mapping.ownFields().apply(subject)
                .append(ReminderFields.REMINDED, ReminderFields.toDocument(subject.reminded()))
                .append(ReminderFields.NEXT_DEADLINE_AT, MongoDates.date(deadline == null ? null : deadline.at()))
                .append(ReminderFields.NEXT_CHECK_AT, MongoDates.date(
                        policy.nextCheckAt(deadline, subject.reminded())));
    }
}
