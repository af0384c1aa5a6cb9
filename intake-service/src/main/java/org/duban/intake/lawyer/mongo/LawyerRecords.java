package org.duban.intake.lawyer.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.empty;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lt;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.duban.contracts.events.DubanEvent;
import org.duban.intake.lawyer.Period;
import org.duban.platform.domain.Page;
import org.duban.platform.domain.PageRequest;
import org.duban.platform.events.PendingEvents;
import org.duban.platform.outbox.AggregateWriter;
import org.duban.platform.mongo.MongoPages;

/**
 * What the lawyers' two collections (duty sessions, participations) share: a record is written once with its
 * event in the outbox, found by id, and listed latest day first, then latest recorded. The day is stored as
 * {@code yyyy-MM-dd}, which sorts as it reads, so a period is a range of strings.
 *
 * @param <T> the record a document is read back as
 */
final class LawyerRecords<T> {

    private final MongoCollection<Document> collection;
    private final String dayField;
    private final AggregateWriter writer;
    private final PendingEvents events;
    private final Function<Document, T> fromDocument;

    LawyerRecords(MongoCollection<Document> collection, String dayField, AggregateWriter writer, PendingEvents events,
            Function<Document, T> fromDocument) {
        this.collection = collection;
        this.dayField = dayField;
        this.writer = writer;
        this.events = events;
        this.fromDocument = fromDocument;
        // the list of a period, latest day first
        collection.createIndex(Indexes.descending(dayField, "recordedAt"), new IndexOptions().name("latest_first"));
    }

    /** Writes a new record and the events it recorded, keyed by {@code key}, in one write. */
    void insert(Document document, String key, List<? extends DubanEvent> recorded) {
        writer.insert(collection, document, events.of(key, recorded));
    }

    Optional<T> find(String id) {
        return Optional.ofNullable(collection.find(eq("_id", id)).first()).map(fromDocument);
    }

    /** The records on a day of the period. */
    Bson days(Period period) {
        List<Bson> conditions = new ArrayList<>();
        if (period.from() != null) {
            conditions.add(gte(dayField, period.from().toString()));
        }
        if (period.to() != null) {
            conditions.add(lt(dayField, period.to().toString()));
        }
        return conditions.isEmpty() ? empty() : and(conditions);
    }

    /** One page of the records matching {@code filter}, latest day first, then latest recorded. */
    Page<T> latestFirst(Bson filter, PageRequest page) {
        return MongoPages.page(collection, filter,
                Sorts.orderBy(Sorts.descending(dayField, "recordedAt"), Sorts.ascending("_id")), page, fromDocument);
    }
}
