package org.duban.reporting.projection.mongo;

import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;

import java.util.HashMap;
import java.util.Map;

import com.mongodb.client.MongoDatabase;
import org.duban.reporting.projection.Units;

/** {@code units}: {@code {_id: unitId, code, name}} as registered (no contacts). */
public final class MongoUnits implements Units {

    static final String COLLECTION = "units";

    private final ProjectionCollection units;
    private final Upserts writes;

    public MongoUnits(MongoDatabase database) {
        this(new ProjectionCollection(database, COLLECTION));
    }

    private MongoUnits(ProjectionCollection units) {
        this(units, units.direct());
    }

    /** Reads from {@code units}, writes to {@code writes} (a batch's). */
    MongoUnits(ProjectionCollection units, Upserts writes) {
        this.units = units;
        this.writes = writes;
    }

    @Override
    public void registered(String unitId, String code, String name) {
        writes.upsert(unitId, combine(set("code", code), set("name", name)));
    }

    @Override
    public Map<String, String> names() {
        Map<String, String> names = new HashMap<>();
        units.documents().find().forEach(unit -> names.put(unit.getString("_id"), unit.getString("name")));
        return names;
    }
}
