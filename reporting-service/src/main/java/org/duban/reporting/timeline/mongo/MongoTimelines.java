package org.duban.reporting.timeline.mongo;

import static com.mongodb.client.model.Filters.eq;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.duban.reporting.timeline.TimelineEntry;
import org.duban.reporting.timeline.Timelines;

/**
 * {@code timeline_entries}: one document per entry, {@code _id} {@code <caseId>|<sequence>}. An append is
 * a single {@code insertOne}: the {@code _id} makes a sequence number of a matter taken at most once
 * (two concurrent appends that read the same last entry cannot both land, so the chain cannot fork),
 * and the unique index on {@code eventId} keeps an event from being recorded twice.
 */
public final class MongoTimelines implements Timelines {

    static final String COLLECTION = "timeline_entries";

    private final MongoCollection<Document> collection;

    public MongoTimelines(MongoDatabase database) {
        this.collection = database.getCollection(COLLECTION);
        collection.createIndex(Indexes.ascending("eventId"), new IndexOptions().unique(true));
        // the last entry of a matter, and its entries in order
        collection.createIndex(Indexes.ascending("caseId", "sequence"));
    }

    /**
     * Finds the last entry by {@code _id} lookups only — gallop 1, 2, 4, … to the first missing
     * sequence, then halve — about 2·log₂(n) point reads. A query on {@code caseId} sorted by
     * {@code sequence} would be one indexed read on MongoDB, but the local Mongo-wire store ignores
     * secondary indexes, which made every append scan the whole collection.
     */
    @Override
    public Optional<TimelineEntry> last(String caseId) {
        if (!exists(caseId, 1)) {
            return Optional.empty();
        }
        long present = 1;
        long missing = 2;
        while (exists(caseId, missing)) {
            present = missing;
            missing *= 2;
        }
        while (missing - present > 1) {
            long middle = present + (missing - present) / 2;
            if (exists(caseId, middle)) {
                present = middle;
            } else {
                missing = middle;
            }
        }
        return Optional.ofNullable(collection.find(eq("_id", id(caseId, present))).first())
                .map(MongoTimelines::fromDocument);
    }

    private boolean exists(String caseId, long sequence) {
        return collection.find(eq("_id", id(caseId, sequence))).projection(new Document("_id", 1)).first() != null;
    }

    private static String id(String caseId, long sequence) {
        return caseId + "|" + sequence;
    }

    /**
     * One {@code _id} query for every matter's first entry; the matters that have one are then found one by one
     * as {@link #last(String)} does (a matter new to the timeline costs nothing more).
     */
    @Override
    public Map<String, TimelineEntry> last(Collection<String> caseIds) {
        Map<String, TimelineEntry> last = new HashMap<>();
        if (caseIds.isEmpty()) {
            return last;
        }
        Set<String> started = new HashSet<>();
        collection.find(Filters.in("_id", caseIds.stream().map(caseId -> id(caseId, 1)).toList()))
                .projection(Projections.include("caseId"))
                .forEach(first -> started.add(first.getString("caseId")));
        for (String caseId : started) {
            last(caseId).ifPresent(entry -> last.put(caseId, entry));
        }
        return last;
    }

    /** One query on the unique {@code eventId} index. */
    @Override
    public Set<String> recorded(Collection<String> eventIds) {
        Set<String> recorded = new HashSet<>();
        if (!eventIds.isEmpty()) {
            collection.find(Filters.in("eventId", List.copyOf(eventIds))).projection(Projections.include("eventId"))
                    .forEach(entry -> recorded.add(entry.getString("eventId")));
        }
        return recorded;
    }

    /** One ordered insert: the store stops at the first entry refused (its {@code _id} or its event taken). */
    @Override
    public int appendAll(List<TimelineEntry> entries) {
        if (entries.isEmpty()) {
            return 0;
        }
        try {
            collection.insertMany(entries.stream().map(MongoTimelines::toDocument).toList(),
                    new InsertManyOptions().ordered(true));
            return entries.size();
        } catch (MongoBulkWriteException e) {
            if (e.getWriteErrors().size() != 1 || ErrorCategory.fromErrorCode(e.getWriteErrors().get(0).getCode())
                    != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            return e.getWriteErrors().get(0).getIndex();
        }
    }

    @Override
    public AppendResult append(TimelineEntry entry) {
        try {
            collection.insertOne(toDocument(entry));
            return AppendResult.APPENDED;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            return recorded(entry.eventId()) ? AppendResult.ALREADY_RECORDED : AppendResult.SEQUENCE_TAKEN;
        }
    }

    @Override
    public boolean recorded(String eventId) {
        return collection.find(eq("eventId", eventId)).limit(1).first() != null;
    }

    @Override
    public List<TimelineEntry> entries(String caseId) {
        return collection.find(eq("caseId", caseId)).sort(Sorts.ascending("sequence")).map(MongoTimelines::fromDocument)
                .into(new ArrayList<>());
    }

    private static Document toDocument(TimelineEntry entry) {
        return new Document("_id", id(entry.caseId(), entry.sequence()))
                .append("caseId", entry.caseId())
                .append("sequence", entry.sequence())
                .append("eventId", entry.eventId())
                .append("type", entry.type())
                .append("at", Date.from(entry.at()))
                .append("atIso", entry.at().toString())
                .append("actorSubject", entry.actorSubject())
                .append("actorRole", entry.actorRole())
                .append("actorUnitId", entry.actorUnitId())
                .append("unitId", entry.unitId())
                .append("what", entry.what())
                .append("previousHash", entry.previousHash())
                .append("hash", entry.hash());
    }

    private static TimelineEntry fromDocument(Document document) {
        return new TimelineEntry(document.getString("caseId"), ((Number) document.get("sequence")).longValue(),
                document.getString("eventId"), document.getString("type"),
                Instant.parse(document.getString("atIso")), document.getString("actorSubject"),
                document.getString("actorRole"), document.getString("actorUnitId"), document.getString("unitId"),
                document.getString("what"), document.getString("previousHash"), document.getString("hash"));
    }
}
