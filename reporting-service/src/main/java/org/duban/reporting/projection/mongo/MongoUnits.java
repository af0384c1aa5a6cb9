package org.duban.reporting.projection.mongo;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;

import java.util.HashMap;
import java.util.Map;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.UpdateOptions;
import org.bson.Document;
import org.duban.reporting.projection.Units;

/** {@code units}: {@code {_id: unitId, code, name}} as registered (no contacts). */
public final class MongoUnits implements Units {

    static final String COLLECTION = "units";

    private final MongoCollection<Document> collection;

    public MongoUnits(MongoDatabase database) {
        this.collection = database.getCollection(COLLECTION);
    }

    @Override
    public void registered(String unitId, String code, String name) {
        collection.updateOne(eq("_id", unitId), combine(set("code", code), set("name", name)),
                new UpdateOptions().upsert(true));
    }

    @Override
    public Map<String, String> names() {
        Map<String, String> names = new HashMap<>();
        collection.find().forEach(unit -> names.put(unit.getString("_id"), unit.getString("name")));
        return names;
    }
}
