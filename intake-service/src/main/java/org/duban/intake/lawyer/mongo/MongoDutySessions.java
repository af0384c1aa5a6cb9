package org.duban.intake.lawyer.mongo;

import static com.mongodb.client.model.Filters.eq;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.duban.intake.lawyer.DutySession;
import org.duban.intake.lawyer.DutySessions;
import org.duban.intake.lawyer.Period;
import org.duban.platform.domain.Page;
import org.duban.platform.domain.PageRequest;
import org.duban.platform.events.PendingEvent;
import org.duban.platform.outbox.AggregateWriter;

/**
 * Collection {@code lawyer_duty_sessions}: one document per session, {@code heldOn} as {@code yyyy-MM-dd}
 * (so a range of days is a range of strings), written once with its event in the outbox.
 */
public final class MongoDutySessions implements DutySessions {

    static final String COLLECTION = "lawyer_duty_sessions";

    private final MongoCollection<Document> collection;
    private final AggregateWriter writer;

    public MongoDutySessions(MongoDatabase database, AggregateWriter writer) {
        this.collection = database.getCollection(COLLECTION);
        this.writer = writer;
        // the list of a period, latest day first
        collection.createIndex(Indexes.descending("heldOn", "recordedAt"), new IndexOptions().name("latest_first"));
    }

    @Override
    public void add(DutySession session, List<PendingEvent> events) {
        writer.insert(collection, toDocument(session), events);
    }

    @Override
    public Optional<DutySession> find(String id) {
        return Optional.ofNullable(collection.find(eq("_id", id)).first()).map(MongoDutySessions::fromDocument);
    }

    @Override
    public Page<DutySession> list(Period period, PageRequest page) {
        Bson filter = LawyerQueries.days("heldOn", period);
        List<DutySession> items = collection.find(filter)
                .sort(Sorts.orderBy(Sorts.descending("heldOn", "recordedAt"), Sorts.ascending("_id")))
                .skip(page.offset()).limit(page.size())
                .map(MongoDutySessions::fromDocument).into(new ArrayList<>());
        return new Page<>(items, page, collection.countDocuments(filter));
    }

    static Document toDocument(DutySession session) {
        return new Document("_id", session.id())
                .append("heldOn", session.heldOn().toString())
                .append("lawyerName", session.lawyerName())
                .append("visitorsReceived", session.visitorsReceived())
                .append("note", session.note())
                .append("recordedAt", Date.from(session.recordedAt()))
                .append("recordedBy", session.recordedBy());
    }

    static DutySession fromDocument(Document document) {
        return new DutySession(document.getString("_id"),
                LocalDate.parse(document.getString("heldOn")),
                document.getString("lawyerName"),
                document.getInteger("visitorsReceived", 0),
                document.getString("note"),
                document.getDate("recordedAt").toInstant(),
                document.getString("recordedBy"));
    }
}
