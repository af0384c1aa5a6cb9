package org.duban.supervision.reminder.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.ne;
import static org.duban.platform.mongo.MongoDates.instant;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Function;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.duban.platform.domain.Page;
import org.duban.platform.domain.PageRequest;
import org.duban.platform.outbox.AggregateWriter;
import org.duban.supervision.reminder.DeadlineRange;
import org.duban.supervision.reminder.Reminded;
import org.duban.supervision.reminder.RemindedFields;
import org.duban.platform.mongo.MongoPages;

/**
 * How every document with reminded deadlines stores its reminder state: {@code reminded} (the last
 * reminder: deadline kind, due instant, colour) and {@code nextCheckAt} (when the next one falls due;
 * absent when none is pending, so the sparse {@code next_check} index holds only pending work).
 */
final class ReminderFields {

    static final String NEXT_CHECK_AT = "nextCheckAt";
    static final String REMINDED = RemindedFields.FIELD;
    /** The deadline that applies now (absent when none does): the board's colour range and order. */
    static final String NEXT_DEADLINE_AT = "nextDeadlineAt";

    private ReminderFields() {
    }

    static Document toDocument(Reminded reminded) {
        return reminded == null ? null : new Document(RemindedFields.toFields(reminded));
    }

    /** Creates the board's indexes on a collection of watched subjects. */
    static void createBoardIndexes(MongoCollection<Document> collection) {
        collection.createIndex(Indexes.ascending(NEXT_CHECK_AT), new IndexOptions().name("next_check").sparse(true));
        collection.createIndex(Indexes.ascending(NEXT_DEADLINE_AT, AggregateWriter.ID),
                new IndexOptions().name("next_deadline").sparse(true));
        collection.createIndex(Indexes.ascending("unitId", NEXT_DEADLINE_AT, AggregateWriter.ID),
                new IndexOptions().name("unit_next_deadline").sparse(true));
    }

    /**
     * The subjects with an applicable deadline in {@code range}, of {@code unitId} if given, and
     * matching {@code extra}, most urgent first, one page.
     */
    static <T> Page<T> board(MongoCollection<Document> collection, String unitId, DeadlineRange range,
            Bson extra, PageRequest page, Function<Document, T> mapper) {
        Bson filter = boardFilter(unitId, range, extra);
        return MongoPages.page(collection, filter, Sorts.ascending(NEXT_DEADLINE_AT, AggregateWriter.ID), page, mapper);
    }

    /** How many {@link #board} selects in all: a count on the same indexed range, nothing loaded. */
    static long boardCount(MongoCollection<Document> collection, String unitId, DeadlineRange range,
            Bson extra) {
        return collection.countDocuments(boardFilter(unitId, range, extra));
    }

    private static Bson boardFilter(String unitId, DeadlineRange range, Bson extra) {
        List<Bson> conditions = new ArrayList<>();
        conditions.add(ne(NEXT_DEADLINE_AT, null));
        if (unitId != null) {
            conditions.add(eq("unitId", unitId));
        }
        conditions.addAll(nextDeadlineIn(range));
        if (extra != null) {
            conditions.add(extra);
        }
        return and(conditions);
    }

    /** The conditions (none, one or two) that {@code nextDeadlineAt} lies in {@code range}. */
    static List<Bson> nextDeadlineIn(DeadlineRange range) {
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

}
