package org.duban.notification.unit.mongo;

import static com.mongodb.client.model.Filters.eq;

import java.util.List;
import java.util.Optional;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.duban.notification.unit.Unit;
import org.duban.notification.unit.Units;

/** Units in {@code units}, one document per unit keyed by its id; replaced whole on each registration. */
public final class MongoUnits implements Units {

    static final String COLLECTION = "units";

    private final MongoCollection<Document> collection;

    public MongoUnits(MongoDatabase database) {
        this.collection = database.getCollection(COLLECTION);
    }

    @Override
    public void save(Unit unit) {
        Document document = new Document("_id", unit.id())
                .append("code", unit.code())
                .append("name", unit.name())
                .append("contacts", unit.contacts().stream()
                        .map(contact -> new Document("name", contact.name()).append("role", contact.role())
                                .append("email", contact.email()))
                        .toList());
        collection.replaceOne(eq("_id", unit.id()), document, new ReplaceOptions().upsert(true));
    }

    @Override
    public Optional<Unit> byId(String id) {
        return Optional.ofNullable(collection.find(eq("_id", id)).first()).map(document -> new Unit(
                document.getString("_id"), document.getString("code"), document.getString("name"),
                document.getList("contacts", Document.class, List.of()).stream()
                        .map(contact -> new Unit.Contact(contact.getString("name"), contact.getString("role"),
                                contact.getString("email")))
                        .toList()));
    }
}
