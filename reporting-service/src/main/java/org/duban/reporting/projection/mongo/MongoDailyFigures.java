package org.duban.reporting.projection.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.nin;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.inc;
import static com.mongodb.client.model.Updates.push;
import static com.mongodb.client.model.Updates.pushEach;
import static com.mongodb.client.model.Updates.setOnInsert;
import static org.duban.reporting.projection.mongo.ProjectionCollection.daysIn;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.BsonField;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
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
 * <p>An increment is one conditional upsert ({@link ProjectionCollection#upsertWhere}) whose condition requires
 * that its contribution key is not yet in {@code applied} and that pushes the key together with the {@code $inc}:
 * the counter and the record of what it counted change in one document write, so the same contribution can never
 * count twice. When the key is already there the condition fails: "already counted".
 *
 * <p>{@code applied} grows with the contributions of one office day, unit and category (four keys at most per
 * assignment, one per send-back), not with the data stored: a handful a day for a unit; the 16 MB limit at ~230,000 keys
 * (~60,000 assignments of one unit and category on one day, e.g. a backlog import of that size in one day). Not
 * bounded further: see reporting-service/README.md, "How large a daily_figures document grows".
 */
public final class MongoDailyFigures implements DailyFigures {

    static final String COLLECTION = "daily_figures";
    static final String DAY = "day";
    static final String UNIT_ID = "unitId";
    static final String CATEGORY = "category";
    static final String APPLIED = "applied";

    private final ProjectionCollection figures;

    public MongoDailyFigures(MongoDatabase database) {
        this.figures = new ProjectionCollection(database, COLLECTION);
        // figures of all units over a period
        figures.index(DAY);
        // figures of one unit over a period (equality first, then the range)
        figures.index(UNIT_ID, DAY);
    }

    @Override
    public boolean add(Increment increment) {
        return figures.upsertWhere(id(increment), ne(APPLIED, increment.key()), combine(
                inc(increment.counter().key(), 1L),
                push(APPLIED, increment.key()),
                setOnInsert(DAY, increment.day().toString()),
                setOnInsert(UNIT_ID, increment.unitId()),
                setOnInsert(CATEGORY, increment.category())));
    }

    /**
     * Adds a batch's increments with one conditional upsert per document, all in one unordered bulk write: the
     * document's counters {@code $inc}remented by the sums of its increments and their keys pushed to
     * {@code applied}, on condition that none of those keys is there yet. A document where the condition fails (the
     * batch, or part of it, was counted before it was handed over again) gets its increments one by one, as
     * {@link #add} does, so each key still counts at most once.
     */
    void addAll(Collection<Increment> increments) {
        Map<String, Map<String, Increment>> byDocument = new LinkedHashMap<>();
        for (Increment increment : increments) {
            byDocument.computeIfAbsent(id(increment), id -> new LinkedHashMap<>()).putIfAbsent(increment.key(), increment);
        }
        if (byDocument.isEmpty()) {
            return;
        }
        List<UpdateOneModel<Document>> writes = new ArrayList<>();
        List<Collection<Increment>> folded = new ArrayList<>();
        byDocument.forEach((id, keyed) -> {
            Map<String, Long> sums = new LinkedHashMap<>();
            keyed.values().forEach(increment -> sums.merge(increment.counter().key(), 1L, Long::sum));
            List<Bson> updates = new ArrayList<>();
            sums.forEach((counter, sum) -> updates.add(inc(counter, sum)));
            Increment any = keyed.values().iterator().next();
            List<String> keys = List.copyOf(keyed.keySet());
            updates.add(pushEach(APPLIED, keys));
            updates.add(setOnInsert(DAY, any.day().toString()));
            updates.add(setOnInsert(UNIT_ID, any.unitId()));
            updates.add(setOnInsert(CATEGORY, any.category()));
            writes.add(new UpdateOneModel<>(and(eq("_id", id), nin(APPLIED, keys)), combine(updates),
                    new UpdateOptions().upsert(true)));
            folded.add(keyed.values());
        });
        try {
            figures.documents().bulkWrite(writes, new BulkWriteOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
            for (BulkWriteError error : e.getWriteErrors()) {
                folded.get(error.getIndex()).forEach(this::add);
            }
        }
    }

    @Override
    public CounterTotals sum(LocalDate from, LocalDate to, Optional<String> unitId) {
        List<Bson> criteria = new ArrayList<>(List.of(gte(DAY, from.toString()), lt(DAY, to.toString())));
        unitId.ifPresent(unit -> criteria.add(eq(UNIT_ID, unit)));
        Document totals = figures.documents().aggregate(List.of(
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
        figures.documents().aggregate(List.of(
                        Aggregates.match(daysIn(DAY, from, to)),
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
}
