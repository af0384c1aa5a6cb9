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
import org.duban.intake.lawyer.DutySessionSnapshot;
import org.duban.intake.lawyer.DutySessions;
import org.duban.intake.lawyer.Period;
import org.duban.platform.domain.Page;
import org.duban.platform.domain.PageRequest;
import org.duban.platform.events.PendingEvents;
import org.duban.platform.outbox.AggregateWriter;

/**
 * Collection {@code lawyer_duty_sessions}: one document per session, {@code heldOn} as {@code yyyy-MM-dd}
 * (so a range of days is a range of strings), written once with its event in the outbox.
 */
public final class MongoDutySessions implements DutySessions {

    static final String COLLECTION = "lawyer_duty_sessions";

    private final MongoCollection<Document> collection;
    private final AggregateWriter writer;
    private final PendingEvents events;

    public MongoDutySessions(MongoDatabase database, AggregateWriter writer, PendingEvents events) {
        this.collection = database.getCollection(COLLECTION);
        this.writer = writer;
        this.events = events;
        // the list of a period, latest day first
        collection.createIndex(Indexes.descending("heldOn", "recordedAt"), new IndexOptions().name("latest_first"));
    }

    @Override
    public void add(DutySession session) {
        writer.insert(collection, toDocument(session), events.of(session.snapshot().id(), session.recordedEvents()));
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

    static Document toDocument(DutySession stored) {
        DutySessionSnapshot session = stored.snapshot();
        return new Document("_id", session.id())
                .append("heldOn", session.heldOn().toString())
                .append("lawyerName", session.lawyerName())
                .append("visitorsReceived", session.visitorsReceived())
                .append("note", session.note())
                .append("recordedAt", Date.from(session.recordedAt()))
                .append("recordedBy", session.recordedBy());
    }

    static DutySession fromDocument(Document document) {
        return DutySession.restore(new DutySessionSnapshot(document.getString("_id"),
                LocalDate.parse(document.getString("heldOn")),
                document.getString("lawyerName"),
                document.getInteger("visitorsReceived", 0),
                document.getString("note"),
                document.getDate("recordedAt").toInstant(),
                document.getString("recordedBy"),
                document.getLong(AggregateWriter.VERSION)));
    }
}
