package org.duban.intake.unit.mongo;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.duban.intake.unit.ResponsibleUnit;
import org.duban.intake.unit.ResponsibleUnit.Contact;
import org.duban.intake.unit.ResponsibleUnit.UnitKind;
import org.duban.intake.unit.ResponsibleUnitSnapshot;
import org.duban.intake.unit.ResponsibleUnits;
import org.duban.platform.domain.Page;
import org.duban.platform.domain.PageRequest;
import org.duban.platform.events.PendingEvents;
import org.duban.platform.outbox.AggregateWriter;
import org.duban.platform.mongo.MongoPages;

/** Collection {@code units}; the unit code is unique. */
public final class MongoResponsibleUnits implements ResponsibleUnits {

    static final String COLLECTION = "units";

    private final MongoCollection<Document> collection;
    private final AggregateWriter writer;
    private final PendingEvents events;

    public MongoResponsibleUnits(MongoDatabase database, AggregateWriter writer, PendingEvents events) {
        this.collection = database.getCollection(COLLECTION);
        this.writer = writer;
        this.events = events;
        collection.createIndex(Indexes.ascending("code"), new IndexOptions().unique(true).name("unique_code"));
    }

    @Override
    public void add(ResponsibleUnit unit) {
        String code = unit.snapshot().code();
        if (collection.countDocuments(eq("code", code)) > 0) {
            throw new UnitCodeTaken(code);
        }
        try {
            writer.insert(collection, toDocument(unit), events.of(unit.snapshot().id(), unit.recordedEvents()));
        } catch (AggregateWriter.DuplicateKey e) {
            throw new UnitCodeTaken(code);
        }
    }

    @Override
    public Optional<ResponsibleUnit> find(String id) {
        return Optional.ofNullable(collection.find(eq("_id", id)).first()).map(MongoResponsibleUnits::fromDocument);
    }

    @Override
    public List<String> existing(List<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return collection.find(in("_id", ids)).projection(Projections.include("_id"))
                .map(document -> document.getString("_id")).into(new ArrayList<>());
    }

    @Override
    public Page<ResponsibleUnit> list(PageRequest page) {
        return MongoPages.page(collection, new Document(), Sorts.ascending("code"), page,
                MongoResponsibleUnits::fromDocument);
    }

    static Document toDocument(ResponsibleUnit stored) {
        ResponsibleUnitSnapshot unit = stored.snapshot();
        return new Document("_id", unit.id())
                .append("code", unit.code())
                .append("name", unit.name())
                .append("kind", unit.kind().name())
                .append("contacts", unit.contacts().stream().map(contact -> new Document("name", contact.name())
                        .append("role", contact.role())
                        .append("phone", contact.phone())
                        .append("email", contact.email())).toList())
                .append("registeredAt", Date.from(unit.registeredAt()));
    }

    static ResponsibleUnit fromDocument(Document document) {
        return ResponsibleUnit.restore(new ResponsibleUnitSnapshot(
                document.getString("_id"),
                document.getString("code"),
                document.getString("name"),
                UnitKind.valueOf(document.getString("kind")),
                document.getList("contacts", Document.class, List.of()).stream()
                        .map(contact -> new Contact(contact.getString("name"), contact.getString("role"),
                                contact.getString("phone"), contact.getString("email")))
                        .toList(),
                document.getDate("registeredAt").toInstant(),
                document.getLong(AggregateWriter.VERSION)));
    }
}
