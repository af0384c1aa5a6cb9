package org.duban.intake.lawyer.mongo;

import java.time.LocalDate;
import java.util.Date;
import java.util.Optional;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
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

    private final LawyerRecords<DutySession> sessions;

    public MongoDutySessions(MongoDatabase database, AggregateWriter writer, PendingEvents events) {
        this.sessions = new LawyerRecords<>(database.getCollection(COLLECTION), "heldOn", writer, events,
                MongoDutySessions::fromDocument);
    }

    @Override
    public void add(DutySession session) {
        sessions.insert(toDocument(session), session.snapshot().id(), session.recordedEvents());
    }

    @Override
    public Optional<DutySession> find(String id) {
        return sessions.find(id);
    }

    @Override
    public Page<DutySession> list(Period period, PageRequest page) {
        return sessions.latestFirst(sessions.days(period), page);
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
