package org.duban.supervision.deadline.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.unset;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.duban.platform.outbox.AggregateWriter;
import org.duban.supervision.deadline.AlertColour;
import org.duban.supervision.deadline.Deadline;
import org.duban.supervision.deadline.DeadlineKind;
import org.duban.supervision.deadline.Reminded;

/**
 * How every document with reminded deadlines stores its reminder state: {@code reminded} (the last
 * reminder: deadline kind, due instant, colour) and {@code nextCheckAt} (when the next one falls due;
 * absent when none is pending, so the sparse {@code next_check} index holds only pending work).
 */
public final class ReminderFields {

    public static final String NEXT_CHECK_AT = "nextCheckAt";
    public static final String REMINDED = "reminded";

    private ReminderFields() {
    }

    public static Document toDocument(Reminded reminded) {
        return reminded == null ? null : new Document("deadlineKind", reminded.deadline().kind().name())
                .append("dueAt", Date.from(reminded.deadline().at()))
                .append("colour", reminded.colour().name());
    }

    public static Reminded fromDocument(Document document) {
        return document == null ? null : new Reminded(
                new Deadline(DeadlineKind.valueOf(document.getString("deadlineKind")),
                        document.getDate("dueAt").toInstant()),
                AlertColour.valueOf(document.getString("colour")));
    }

    /**
     * After an {@link AggregateWriter#update} (which sets absent fields to null), removes the null
     * ones, filtered on the version just written so that a later write is never touched. If this
     * step is lost, a null still matches no range.
     */
    public static void unsetNulls(MongoCollection<Document> collection, Object id, long writtenVersion,
            Document state) {
        List<Bson> unsets = new ArrayList<>();
        for (String field : List.of(NEXT_CHECK_AT, REMINDED, "nextDeadlineAt")) {
            if (state.containsKey(field) && state.get(field) == null) {
                unsets.add(unset(field));
            }
        }
        if (!unsets.isEmpty()) {
            collection.updateOne(and(eq(AggregateWriter.ID, id), eq(AggregateWriter.VERSION, writtenVersion)),
                    combine(unsets));
        }
    }

    public static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    public static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
