package org.duban.supervision.order.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.nin;
import static org.duban.platform.mongo.MongoDates.date;
import static org.duban.platform.mongo.MongoDates.instant;

import java.time.Instant;
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
import org.duban.supervision.order.OrderForm;
import org.duban.supervision.order.OrderStatus;
import org.duban.supervision.order.OrderTrigger;
import org.duban.supervision.order.SupervisionOrder;
import org.duban.supervision.order.SupervisionOrderSnapshot.Closing;
import org.duban.supervision.order.SupervisionOrderSnapshot.OnAssignment;
import org.duban.supervision.order.SupervisionOrderSnapshot.Origin;
import org.duban.supervision.order.SupervisionOrderSnapshot.Response;
import org.duban.supervision.order.SupervisionOrderSnapshot.Terms;
import org.duban.supervision.order.SupervisionOrderSnapshot;
import org.duban.supervision.order.SupervisionOrders;
import org.duban.supervision.reminder.RemindableStore;
import org.duban.supervision.reminder.RemindedFields;
import org.duban.platform.mongo.MongoPages;

/**
 * {@code supervision_orders}: one document per order, {@code _id} = the order id, with its outbox and
 * {@code nextCheckAt} (when its next response reminder falls due; only while OPEN).
 */
public final class MongoSupervisionOrders implements SupervisionOrders, RemindableStore.Composed<SupervisionOrder> {

    public static final String COLLECTION = "supervision_orders";

    private final MongoCollection<Document> collection;
    private final RemindableStore<SupervisionOrder> remindables;

    /** @param remindables the reminder feature's store of the same collection, for what every such store does */
    public MongoSupervisionOrders(MongoCollection<Document> collection, RemindableStore<SupervisionOrder> remindables) {
        this.collection = collection;
        this.remindables = remindables;
        collection.createIndex(Indexes.compoundIndex(Indexes.ascending("unitId"), Indexes.descending("createdAt")),
                new IndexOptions().name("unit_created"));
        collection.createIndex(Indexes.ascending("assignmentId"), new IndexOptions().name("assignment"));
    }

    @Override
    public RemindableStore<SupervisionOrder> remindables() {
        return remindables;
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
        return newestFirst(conditions, "createdAt", page);
    }

    /** The order's own fields, {@code _id} first; the reminder feature appends its own. */
    public static Document ownFields(SupervisionOrder order) {
        SupervisionOrderSnapshot o = order.snapshot();
        OnAssignment assignment = o.assignment();
        Origin origin = o.origin();
        Terms terms = o.terms() == null ? new Terms(null, null, null, null) : o.terms();
        Response response = o.response();
        Closing closing = o.closing();
        return new Document(AggregateWriter.ID, o.id())
                .append("assignmentId", assignment.assignmentId())
                .append("caseId", assignment.caseId())
                .append("unitId", assignment.unitId())
                .append("trigger", origin.trigger().name())
                .append("form", terms.form() == null ? null : terms.form().name())
                .append("status", o.status().name())
                .append("automatic", origin.automatic())
                .append("note", terms.note())
                .append("responseDueAt", date(terms.responseDueAt()))
                .append("response", response == null ? null : new Document("text", response.text())
                        .append("at", Date.from(response.at())).append("late", response.late()))
                .append("reopenCount", o.reopenCount())
                .append("createdAt", Date.from(origin.createdAt()))
                .append("openedAt", date(terms.openedAt()))
                .append("closedAt", closing == null ? null : date(closing.at()))
                .append("closeNote", closing == null ? null : closing.note());
    }

    /** Reads a whole stored document back. */
    public static SupervisionOrder fromDocument(Document document) {
        Document response = document.get("response", Document.class);
        String form = document.getString("form");
        String closeNote = document.getString("closeNote");
        Instant closedAt = instant(document.getDate("closedAt"));
        return SupervisionOrder.restore(new SupervisionOrderSnapshot(
                document.getString(AggregateWriter.ID),
                new OnAssignment(document.getString("assignmentId"), document.getString("caseId"),
                        document.getString("unitId")),
                new Origin(OrderTrigger.valueOf(document.getString("trigger")), document.getBoolean("automatic", false),
                        document.getDate("createdAt").toInstant()),
                OrderStatus.valueOf(document.getString("status")),
                new Terms(form == null ? null : OrderForm.valueOf(form), document.getString("note"),
                        instant(document.getDate("responseDueAt")), instant(document.getDate("openedAt"))),
                response == null ? null : new Response(response.getString("text"), response.getDate("at").toInstant(),
                        response.getBoolean("late", false)),
                document.getInteger("reopenCount", 0),
                closedAt == null && closeNote == null ? null : new Closing(closedAt, closeNote),
                RemindedFields.fromDocument(document),
                ((Number) document.get(AggregateWriter.VERSION)).longValue()));
    }

    private Page<SupervisionOrder> newestFirst(List<Bson> conditions, String newestField, PageRequest page) {
        Bson filter = conditions.isEmpty() ? new Document() : and(conditions);
        return MongoPages.page(collection, filter,
                Sorts.orderBy(Sorts.descending(newestField), Sorts.ascending(AggregateWriter.ID)), page,
                MongoSupervisionOrders::fromDocument);
    }
}
