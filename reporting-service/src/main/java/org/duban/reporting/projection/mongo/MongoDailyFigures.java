package org.duban.reporting.projection.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.inc;
import static com.mongodb.client.model.Updates.push;
import static com.mongodb.client.model.Updates.setOnInsert;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.BsonField;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.result.UpdateResult;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.duban.reporting.projection.Counter;
import org.duban.reporting.projection.CounterTotals;
import org.duban.reporting.projection.DailyFigures;
import org.duban.reporting.projection.Dimension;
import org.duban.reporting.projection.Increment;

/**
 * {@code daily_figures}: one document per office-local day, unit and category,
 * {@code {_id: "2026-03-02|unit-1|REAL_ESTATE", day: "2026-03-02", unitId, category, assignmentsIssued: 3, …,
 * applied: [...]}}.
 *
 * <p>An increment is one update whose filter requires that its contribution key is not yet in
 * {@code applied} and that pushes the key together with the {@code $inc}: the counter and the record
 * of what it counted change in one document write, so the same contribution can never count twice.
 * When the key is already there the filter matches nothing and the upsert tries to insert a second
 * document with the same {@code _id}, which the store refuses (duplicate key): that means "already
 * counted" — or, when two first increments of a day and unit race, that the other one created the
 * document, so the increment is tried once more without upsert.
 */
public final class MongoDailyFigures implements DailyFigures {

    static final String COLLECTION = "daily_figures";
    static final String DAY = "day";
    static final String UNIT_ID = "unitId";
    static final String CATEGORY = "category";
    static final String APPLIED = "applied";

    private final MongoCollection<Document> collection;

    public MongoDailyFigures(MongoDatabase database) {
        this.collection = database.getCollection(COLLECTION);
        // figures of all units over a period
        collection.createIndex(Indexes.ascending(DAY));
        // figures of one unit over a period (equality first, then the range)
        collection.createIndex(Indexes.ascending(UNIT_ID, DAY));
    }

    @Override
    public boolean add(Increment increment) {
        Bson notYetCounted = and(eq("_id", id(increment)), ne(APPLIED, increment.key()));
        Bson update = combine(
                inc(increment.counter().key(), 1L),
                push(APPLIED, increment.key()),
                setOnInsert(DAY, increment.day().toString()),
                setOnInsert(UNIT_ID, increment.unitId()),
                setOnInsert(CATEGORY, increment.category()));
        try {
            return counted(collection.updateOne(notYetCounted, update, new UpdateOptions().upsert(true)));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            // the document exists: either it already holds this contribution, or it was created by a
            // concurrent first increment since our filter was evaluated
            return counted(collection.updateOne(notYetCounted, update));
        }
    }

    @Override
    public CounterTotals sum(LocalDate from, LocalDate to, Optional<String> unitId) {
        List<Bson> criteria = new ArrayList<>(List.of(gte(DAY, from.toString()), lt(DAY, to.toString())));
        unitId.ifPresent(unit -> criteria.add(eq(UNIT_ID, unit)));
        Document totals = collection.aggregate(List.of(
                        Aggregates.match(and(criteria)),
                        Aggregates.group(null, sums())))
                .first();
        return totals == null ? CounterTotals.none() : totals(totals);
    }

    @Override
    public Map<String, CounterTotals> sumBy(LocalDate from, LocalDate to, Dimension dimension) {
        String field = switch (dimension) {
            case UNIT -> UNIT_ID;
            case CATEGORY -> CATEGORY;
            case DAY -> DAY;
        };
        Map<String, CounterTotals> result = new TreeMap<>();
        collection.aggregate(List.of(
                        Aggregates.match(and(gte(DAY, from.toString()), lt(DAY, to.toString()))),
                        Aggregates.group("$" + field, sums())))
                .forEach(document -> result.put(String.valueOf(document.get("_id")), totals(document)));
        return result;
    }

    private static List<BsonField> sums() {
        List<BsonField> sums = new ArrayList<>();
        for (Counter counter : Counter.values()) {
            sums.add(Accumulators.sum(counter.key(), "$" + counter.key()));
        }
        return sums;
    }

    private static CounterTotals totals(Document document) {
        Map<Counter, Long> values = new EnumMap<>(Counter.class);
        for (Counter counter : Counter.values()) {
            Object value = document.get(counter.key());
            values.put(counter, value instanceof Number number ? number.longValue() : 0L);
        }
        return new CounterTotals(values);
    }

    static String id(Increment increment) {
        return increment.day() + "|" + increment.unitId() + "|" + increment.category();
    }

    private static boolean counted(UpdateResult result) {
        return result.getUpsertedId() != null || result.getModifiedCount() > 0;
    }
}
