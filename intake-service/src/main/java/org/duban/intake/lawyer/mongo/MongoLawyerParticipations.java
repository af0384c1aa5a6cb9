package org.duban.intake.lawyer.mongo;

import static com.mongodb.client.model.Filters.and;
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
import org.bson.Document;
import org.bson.conversions.Bson;
import org.duban.intake.lawyer.LawyerParticipation;
import org.duban.intake.lawyer.LawyerParticipationSnapshot;
import org.duban.intake.lawyer.LawyerParticipations;
import org.duban.intake.lawyer.ParticipationFilter;
import org.duban.intake.lawyer.ParticipationKind;
import org.duban.platform.domain.Page;
import org.duban.platform.domain.PageRequest;
import org.duban.platform.events.PendingEvents;
import org.duban.platform.outbox.AggregateWriter;

/**
 * Collection {@code lawyer_participations}: one document per participation, {@code participatedOn} as
 * {@code yyyy-MM-dd}, written once with its event in the outbox.
 */
public final class MongoLawyerParticipations implements LawyerParticipations {

    static final String COLLECTION = "lawyer_participations";

    private final LawyerRecords<LawyerParticipation> participations;

    public MongoLawyerParticipations(MongoDatabase database, AggregateWriter writer, PendingEvents events) {
        MongoCollection<Document> collection = database.getCollection(COLLECTION);
        this.participations = new LawyerRecords<>(collection, "participatedOn", writer, events,
                MongoLawyerParticipations::fromDocument);
        // a matter's participations
        collection.createIndex(Indexes.ascending("caseId"), new IndexOptions().name("by_case"));
    }

    @Override
    public void add(LawyerParticipation participation) {
        // keyed by the matter, like every event about it
        participations.insert(toDocument(participation), participation.snapshot().caseId(),
                participation.recordedEvents());
    }

    @Override
    public Optional<LawyerParticipation> find(String id) {
        return participations.find(id);
    }

    @Override
    public Page<LawyerParticipation> list(ParticipationFilter filter, PageRequest page) {
        List<Bson> conditions = new ArrayList<>(List.of(participations.days(filter.period())));
        if (filter.caseId() != null) {
            conditions.add(eq("caseId", filter.caseId()));
        }
        if (filter.kind() != null) {
            conditions.add(eq("kind", filter.kind().name()));
        }
        return participations.latestFirst(and(conditions), page);
    }

    static Document toDocument(LawyerParticipation stored) {
        LawyerParticipationSnapshot participation = stored.snapshot();
        return new Document("_id", participation.id())
                .append("caseId", participation.caseId())
                .append("kind", participation.kind().name())
                .append("lawyerName", participation.lawyerName())
                .append("participatedOn", participation.participatedOn().toString())
                .append("note", participation.note())
                .append("recordedAt", Date.from(participation.recordedAt()))
                .append("recordedBy", participation.recordedBy());
    }

    static LawyerParticipation fromDocument(Document document) {
        return LawyerParticipation.restore(new LawyerParticipationSnapshot(document.getString("_id"),
                document.getString("caseId"),
                ParticipationKind.valueOf(document.getString("kind")),
                document.getString("lawyerName"),
                LocalDate.parse(document.getString("participatedOn")),
                document.getString("note"),
                document.getDate("recordedAt").toInstant(),
                document.getString("recordedBy"),
                document.getLong(AggregateWriter.VERSION)));
    }
}
