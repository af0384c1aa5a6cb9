package org.duban.reporting.timeline.mongo;

import static com.mongodb.client.model.Filters.eq;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.duban.reporting.timeline.TimelineEntry;
import org.duban.reporting.timeline.Timelines;
import org.springframework.stereotype.Component;

/**
 * {@code timeline_entries}: one document per entry, {@code _id} {@code <caseId>|<sequence>}. An append is
 * a single {@code insertOne}: the {@code _id} makes a sequence number of a matter taken at most once
 * (two concurrent appends that read the same last entry cannot both land, so the chain cannot fork),
 * and the unique index on {@code eventId} keeps an event from being recorded twice.
 */
@Component
final class MongoTimelines implements Timelines {

    static final String COLLECTION = "timeline_entries";

    private final MongoCollection<Document> collection;

    MongoTimelines(MongoDatabase database) {
        this.collection = database.getCollection(COLLECTION);
        collection.createIndex(Indexes.ascending("eventId"), new IndexOptions().unique(true));
        // the last entry of a matter, and its entries in order
        collection.createIndex(Indexes.ascending("caseId", "sequence"));
    }

    @Override
    public Optional<TimelineEntry> last(String caseId) {
        return Optional.ofNullable(collection.find(eq("caseId", caseId)).sort(Sorts.descending("sequence")).limit(1)
                .first()).map(MongoTimelines::fromDocument);
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
        return new Document("_id", entry.caseId() + "|" + entry.sequence())
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
