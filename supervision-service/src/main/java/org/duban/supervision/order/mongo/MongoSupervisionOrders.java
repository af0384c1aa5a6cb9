package org.duban.supervision.order.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.nin;

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
import org.duban.supervision.order.OrderForm;
import org.duban.supervision.order.OrderStatus;
import org.duban.supervision.order.OrderTrigger;
import org.duban.supervision.order.SupervisionOrder;
import org.duban.supervision.order.SupervisionOrders;
import org.springframework.stereotype.Component;

/**
 * {@code supervision_orders}: one document per order, {@code _id} = the order id, with its outbox and
 * {@code nextCheckAt} (when its next response reminder falls due; only while OPEN).
 */
@Component
class MongoSupervisionOrders implements SupervisionOrders, WatchedSubjects {

    static final String COLLECTION = "supervision_orders";

    private final MongoCollection<Document> collection;
    private final AggregateWriter writer;
    private final AlertPolicy policy;

    MongoSupervisionOrders(MongoDatabase database, AggregateWriter writer, AlertPolicy policy) {
        this.collection = database.getCollection(COLLECTION);
        this.writer = writer;
        this.policy = policy;
    }

    @PostConstruct
    void createIndexes() {
        ReminderFields.createBoardIndexes(collection);
        collection.createIndex(Indexes.compoundIndex(Indexes.ascending("unitId"), Indexes.descending("createdAt")),
                new IndexOptions().name("unit_created"));
        collection.createIndex(Indexes.ascending("assignmentId"), new IndexOptions().name("assignment"));
    }

    @Override
    public Optional<SupervisionOrder> find(String id) {
        return Optional.ofNullable(collection.find(eq(AggregateWriter.ID, id)).first())
                .map(MongoSupervisionOrders::fromDocument);
    }

    @Override
    public boolean insert(SupervisionOrder order, List<PendingEvent> events) {
        Document state = toDocument(order);
        state.values().removeIf(value -> value == null);
        try {
            writer.insert(collection, state, events);
            return true;
        } catch (DuplicateKey e) {
            return false;
        }
    }

    @Override
    public boolean updateIfUnchanged(SupervisionOrder order, List<PendingEvent> events) {
        Document state = toDocument(order);
        try {
            writer.update(collection, order.id(), order.version(), state, events);
        } catch (ConcurrentModification e) {
            return false;
        }
        ReminderFields.unsetNulls(collection, order.id(), order.version() + 1, state);
        return true;
    }

    @Override
    public Page<SupervisionOrder> list(String unitId, boolean forUnit, OrderStatus status, String assignmentId,
            PageRequest page) {
        List<Bson> conditions = new ArrayList<>();
        if (forUnit) {
            conditions.add(nin("status", List.of(OrderStatus.PROPOSED.name(), OrderStatus.DISMISSED.name())));
        }
        if (unitId != null) {
            conditions.add(eq("unitId", unitId));
        }
        if (status != null) {
            conditions.add(eq("status", status.name()));
        }
        if (assignmentId != null) {
            conditions.add(eq("assignmentId", assignmentId));
        }
        Bson filter = conditions.isEmpty() ? new Document() : and(conditions);
        List<SupervisionOrder> items = collection.find(filter)
                .sort(Sorts.orderBy(Sorts.descending("createdAt"), Sorts.ascending(AggregateWriter.ID)))
                .skip(page.offset()).limit(page.size())
                .map(MongoSupervisionOrders::fromDocument).into(new ArrayList<>());
        return new Page<>(items, page, collection.countDocuments(filter));
    }

    @Override
    public List<SupervisionOrder> ofUnit(String unitId) {
        return collection.find(eq("unitId", unitId)).map(MongoSupervisionOrders::fromDocument).into(new ArrayList<>());
    }

    @Override
    public AlertKind kind() {
        return AlertKind.SUPERVISION_ORDER;
    }

    @Override
    public Page<Watched> open(String unitId, boolean forUnit, DeadlineRange deadlines, PageRequest page) {
        return ReminderFields.board(collection, unitId, deadlines, null, page, document -> {
            var order = fromDocument(document);
            return new Watched(AlertKind.SUPERVISION_ORDER, order.id(), order.assignmentId(), order.caseId(), order.unitId(),
                    order.applicableDeadline().orElseThrow(), order.openedAt());
        });
    }

    @Override
    public List<String> dueForReminder(Instant now, int limit) {
        return collection.find(lte(ReminderFields.NEXT_CHECK_AT, Date.from(now)))
                .sort(Sorts.ascending(ReminderFields.NEXT_CHECK_AT)).limit(limit)
                .projection(Projections.include(AggregateWriter.ID))
                .map(document -> document.getString(AggregateWriter.ID)).into(new ArrayList<>());
    }

    private Document toDocument(SupervisionOrder order) {
        SupervisionOrder.Response response = order.response();
        return new Document(AggregateWriter.ID, order.id())
                .append("assignmentId", order.assignmentId())
                .append("caseId", order.caseId())
                .append("unitId", order.unitId())
                .append("trigger", order.trigger().name())
                .append("form", order.form() == null ? null : order.form().name())
                .append("status", order.status().name())
                .append("automatic", order.automatic())
                .append("note", order.note())
                .append("responseDueAt", ReminderFields.date(order.responseDueAt()))
                .append("response", response == null ? null : new Document("text", response.text())
                        .append("at", Date.from(response.at())).append("late", response.late()))
                .append("reopenCount", order.reopenCount())
                .append("createdAt", Date.from(order.createdAt()))
                .append("openedAt", ReminderFields.date(order.openedAt()))
                .append("closedAt", ReminderFields.date(order.closedAt()))
                .append("closeNote", order.closeNote())
                .append(ReminderFields.REMINDED, ReminderFields.toDocument(order.reminded()))
                .append(ReminderFields.NEXT_DEADLINE_AT, ReminderFields.date(order.applicableDeadline()
                        .map(Deadline::at).orElse(null)))
                .append(ReminderFields.NEXT_CHECK_AT, ReminderFields.date(
                        policy.nextCheckAt(order.applicableDeadline().orElse(null), order.reminded())));
    }

    private static SupervisionOrder fromDocument(Document document) {
        Document response = document.get("response", Document.class);
        String form = document.getString("form");
        return new SupervisionOrder(
                document.getString(AggregateWriter.ID),
                document.getString("assignmentId"),
                document.getString("caseId"),
                document.getString("unitId"),
                OrderTrigger.valueOf(document.getString("trigger")),
                form == null ? null : OrderForm.valueOf(form),
                OrderStatus.valueOf(document.getString("status")),
                document.getBoolean("automatic", false),
                document.getString("note"),
                ReminderFields.instant(document.getDate("responseDueAt")),
                response == null ? null : new SupervisionOrder.Response(response.getString("text"),
                        response.getDate("at").toInstant(), response.getBoolean("late", false)),
                document.getInteger("reopenCount", 0),
                document.getDate("createdAt").toInstant(),
                ReminderFields.instant(document.getDate("openedAt")),
                ReminderFields.instant(document.getDate("closedAt")),
                document.getString("closeNote"),
                ReminderFields.fromDocument(document.get(ReminderFields.REMINDED, Document.class)),
                ((Number) document.get(AggregateWriter.VERSION)).longValue());
    }
}
