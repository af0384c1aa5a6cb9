package org.duban.supervision.order.mongo;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.nin;

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
class MongoSupervisionOrders extends MongoRemindables<SupervisionOrder> implements SupervisionOrders, WatchedSubjects {

    static final String COLLECTION = "supervision_orders";

    MongoSupervisionOrders(MongoDatabase database, AggregateWriter writer, AlertPolicy policy) {
        super(database.getCollection(COLLECTION), writer, policy);
    }

    @PostConstruct
    void createIndexes() {
        createBoardIndexes();
        collection.createIndex(Indexes.compoundIndex(Indexes.ascending("unitId"), Indexes.descending("createdAt")),
                new IndexOptions().name("unit_created"));
        collection.createIndex(Indexes.ascending("assignmentId"), new IndexOptions().name("assignment"));
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

    @Override
    public AlertKind kind() {
        return AlertKind.SUPERVISION_ORDER;
    }

    @Override
    public Page<Watched> open(String unitId, boolean forUnit, DeadlineRange deadlines, PageRequest page) {
        return board(AlertKind.SUPERVISION_ORDER, unitId, deadlines, null, page, SupervisionOrder::openedAt);
    }

    @Override
    public long count(String unitId, boolean forUnit, DeadlineRange deadlines) {
        return boardCount(unitId, deadlines, null);
    }

    @Override
    protected Document ownFields(SupervisionOrder order) {
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
                .append("closeNote", order.closeNote());
    }

    @Override
    protected SupervisionOrder fromDocument(Document document) {
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
