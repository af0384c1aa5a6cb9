package org.duban.supervision.deadline.mongo;

import static com.mongodb.client.model.Filters.and;
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
import org.duban.platform.events.PendingEvent;
import org.duban.platform.outbox.AggregateWriter;
import org.duban.platform.outbox.AggregateWriter.ConcurrentModification;
import org.duban.platform.outbox.AggregateWriter.DuplicateKey;
import org.duban.supervision.deadline.AlertKind;
import org.duban.supervision.deadline.AlertPolicy;
import org.duban.supervision.deadline.Deadline;
import org.duban.supervision.deadline.DeadlineRange;
import org.duban.supervision.deadline.Remindable;
import org.duban.supervision.deadline.RemindableSubjects;
import org.duban.supervision.deadline.Watched;

/**
 * The shared part of a collection of {@link Remindable} subjects (supervision orders,
 * recommendations, measures): one document per subject, {@code _id} = its id, with its outbox and
 * its {@link ReminderFields}; inserts and version-filtered updates through the {@link AggregateWriter}.
 * A store adds only its own fields' mapping, its own indexes and queries.
 */
public abstract class MongoRemindables<T extends Remindable<T>> implements RemindableSubjects<T> {

    protected final MongoCollection<Document> collection;
    private final AggregateWriter writer;
    private final AlertPolicy policy;

    protected MongoRemindables(MongoCollection<Document> collection, AggregateWriter writer, AlertPolicy policy) {
        this.collection = collection;
        this.writer = writer;
        this.policy = policy;
    }

    /** The subject's own fields, {@code _id} first; the reminder fields are appended to them. */
    protected abstract Document ownFields(T subject);

    protected abstract T fromDocument(Document document);

    /** Creates the board's indexes; a store creates its own ones besides. */
    protected void createBoardIndexes() {
        ReminderFields.createBoardIndexes(collection);
    }

    @Override
    public Optional<T> find(String id) {
        return Optional.ofNullable(collection.find(eq(AggregateWriter.ID, id)).first()).map(this::fromDocument);
    }

    /** Stores a new subject with its events; false, storing nothing, when one with its id exists. */
    public boolean insert(T subject, List<PendingEvent> events) {
        Document state = toDocument(subject);
        state.values().removeIf(value -> value == null);
        try {
            writer.insert(collection, state, events);
            return true;
        } catch (DuplicateKey e) {
            return false;
        }
    }

    @Override
    public boolean updateIfUnchanged(T subject, List<PendingEvent> events) {
        Document state = toDocument(subject);
        try {
            writer.update(collection, subject.id(), subject.version(), state, events);
        } catch (ConcurrentModification e) {
            return false;
        }
        ReminderFields.unsetNulls(collection, subject.id(), subject.version() + 1, state);
        return true;
    }

    @Override
    public List<String> dueForReminder(Instant now, int limit) {
        return collection.find(lte(ReminderFields.NEXT_CHECK_AT, Date.from(now)))
                .sort(Sorts.ascending(ReminderFields.NEXT_CHECK_AT)).limit(limit)
                .projection(Projections.include(AggregateWriter.ID))
                .map(document -> document.getString(AggregateWriter.ID)).into(new ArrayList<>());
    }

    /** Every subject of a unit. */
    public List<T> ofUnit(String unitId) {
        return collection.find(eq("unitId", unitId)).map(this::fromDocument).into(new ArrayList<>());
    }

    /** The subjects matching every condition (all when none), newest {@code newestField} first, one page. */
    protected Page<T> newestFirst(List<Bson> conditions, String newestField, PageRequest page) {
        Bson filter = conditions.isEmpty() ? new Document() : and(conditions);
        List<T> items = collection.find(filter)
                .sort(Sorts.orderBy(Sorts.descending(newestField), Sorts.ascending(AggregateWriter.ID)))
                .skip(page.offset()).limit(page.size())
                .map(this::fromDocument).into(new ArrayList<>());
        return new Page<>(items, page, collection.countDocuments(filter));
    }

    /** The board's page of these subjects (see {@link ReminderFields#board}), watched since {@code since}. */
    protected Page<Watched> board(AlertKind kind, String unitId, DeadlineRange deadlines, Bson extra,
            PageRequest page, Function<T, Instant> since) {
        return ReminderFields.board(collection, unitId, deadlines, extra, page, document -> {
            T subject = fromDocument(document);
            return new Watched(kind, subject.id(), subject.assignmentId(), subject.caseId(), subject.unitId(),
                    subject.applicableDeadline().orElseThrow(), since.apply(subject));
        });
    }

    /** How many {@link #board} would select in all, counted by the store. */
    protected long boardCount(String unitId, DeadlineRange deadlines, Bson extra) {
        return ReminderFields.boardCount(collection, unitId, deadlines, extra);
    }

    private Document toDocument(T subject) {
        Deadline deadline = subject.applicableDeadline().orElse(null);
        return ownFields(subject)
                .append(ReminderFields.REMINDED, ReminderFields.toDocument(subject.reminded()))
                .append(ReminderFields.NEXT_DEADLINE_AT, ReminderFields.date(deadline == null ? null : deadline.at()))
                .append(ReminderFields.NEXT_CHECK_AT, ReminderFields.date(
                        policy.nextCheckAt(deadline, subject.reminded())));
    }
}
