package org.duban.reporting.projection.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Updates.addToSet;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;
import static org.duban.reporting.projection.mongo.ProjectionCollection.daysIn;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Projections;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.duban.reporting.projection.MatterTotals;
import org.duban.reporting.projection.Matters;

/**
 * {@code matters}: one document per matter,
 * {@code {_id: caseId, category, prominent, firstTime, firstIssuedAt, firstIssuedOn, firstUnitId,
 * concludedAt, concludedOn, concludedUnitId, resolved, evaluationId, evaluatedAt, evaluatedOn, satisfied,
 * unrated, repeats: [Date…]}} — {@code unrated} when the current evaluation is the platform's 超期未评价.
 *
 * <p>"Earliest wins" and "latest wins" are conditional upserts ({@link ProjectionCollection#upsertWhere}): the
 * condition says "absent, or later (earlier) than mine", so the write lands only when it improves the document, in
 * one document write.
 */
public final class MongoMatters implements Matters {

    static final String COLLECTION = "matters";

    private final ProjectionCollection matters;
    private final Upserts writes;

    public MongoMatters(MongoDatabase database) {
        this(new ProjectionCollection(database, COLLECTION));
        matters.index("concludedOn");
        matters.index("evaluatedOn");
        matters.index("prominent", "firstIssuedOn");
    }

    private MongoMatters(ProjectionCollection matters) {
        this(matters, matters.direct());
    }

    /** Reads from {@code matters}, writes to {@code writes} (a batch's). */
    MongoMatters(ProjectionCollection matters, Upserts writes) {
        this.matters = matters;
        this.writes = writes;
    }

    @Override
    public void registered(String caseId, String category, boolean prominent, boolean firstTime) {
        Bson update = prominent
                ? combine(set("category", category), set("firstTime", firstTime), set("prominent", true))
                : combine(set("category", category), set("firstTime", firstTime));
        writes.upsert(caseId, update);
    }

    @Override
    public void repeated(String caseId, Instant registeredAt) {
        writes.upsert(caseId, addToSet("repeats", Date.from(registeredAt)));
    }

    @Override
    public void assignmentIssued(String caseId, String unitId, boolean prominent, Instant issuedAt, LocalDate issuedOn) {
        if (prominent) {
            writes.upsert(caseId, set("prominent", true));
        }
        Bson earliest = or(exists("firstIssuedAt", false), gt("firstIssuedAt", Date.from(issuedAt)));
        writes.upsertWhere(caseId, earliest, combine(
                set("firstIssuedAt", Date.from(issuedAt)),
                set("firstIssuedOn", issuedOn.toString()),
                set("firstUnitId", unitId)));
    }

    @Override
    public void concluded(String caseId, String unitId, boolean resolved, Instant concludedAt, LocalDate concludedOn) {
        Bson earliest = or(exists("concludedAt", false), gt("concludedAt", Date.from(concludedAt)));
        writes.upsertWhere(caseId, earliest, combine(
                set("concludedAt", Date.from(concludedAt)),
                set("concludedOn", concludedOn.toString()),
                set("concludedUnitId", unitId),
                set("resolved", resolved)));
    }

    @Override
    public void evaluated(String caseId, String evaluationId, boolean satisfied, boolean unrated, Instant recordedAt,
            LocalDate recordedOn) {
        Bson latest = or(exists("evaluatedAt", false), lt("evaluatedAt", Date.from(recordedAt)));
        writes.upsertWhere(caseId, latest, combine(
                set("evaluationId", evaluationId),
                set("evaluatedAt", Date.from(recordedAt)),
                set("evaluatedOn", recordedOn.toString()),
                set("satisfied", satisfied),
                set("unrated", unrated)));
    }

    @Override
    public Map<String, MatterTotals> totalsByUnit(LocalDate from, LocalDate to, Duration repeatWindow) {
        Bson concluded = daysIn("concludedOn", from, to);
        Bson evaluatedOrUnrated = daysIn("evaluatedOn", from, to);
        // the platform's 超期未评价 is no evaluation: counted apart (documents from before the flag have none)
        Bson evaluated = and(evaluatedOrUnrated, ne("unrated", true));
        Bson unrated = and(evaluatedOrUnrated, eq("unrated", true));
        Bson prominent = and(eq("prominent", true), daysIn("firstIssuedOn", from, to));
        Bson firstTime = and(eq("firstTime", true), concluded);
        Map<String, long[]> counts = new HashMap<>();
        count(counts, 0, concluded, "concludedUnitId");
        count(counts, 1, evaluated, "concludedUnitId");
        count(counts, 2, and(evaluated, eq("satisfied", true)), "concludedUnitId");
        count(counts, 3, prominent, "firstUnitId");
        count(counts, 4, and(prominent, eq("resolved", true)), "firstUnitId");
        count(counts, 5, firstTime, "concludedUnitId");
        count(counts, 6, and(firstTime, eq("resolved", true)), "concludedUnitId");
        count(counts, 7, unrated, "concludedUnitId");
        // a resolved first-time matter with a repeat petition within the window is not resolved first time
        matters.documents().find(and(firstTime, eq("resolved", true), exists("repeats")))
                .projection(Projections.include("concludedUnitId", "concludedAt", "repeats"))
                .forEach(matter -> {
                    if (repeatedWithin(matter, repeatWindow)) {
                        counts.get(unit(matter.getString("concludedUnitId")))[6]--;
                    }
                });
        Map<String, MatterTotals> totals = new HashMap<>();
        counts.forEach((unit, c) -> totals.put(unit, new MatterTotals(c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7])));
        return totals;
    }

    private static boolean repeatedWithin(Document matter, Duration window) {
        Instant concludedAt = matter.getDate("concludedAt").toInstant();
        Instant end = concludedAt.plus(window);
        for (Date repeat : matter.getList("repeats", Date.class, List.of())) {
            Instant at = repeat.toInstant();
            if (!at.isBefore(concludedAt) && !at.isAfter(end)) {
                return true;
            }
        }
        return false;
    }

    private void count(Map<String, long[]> counts, int index, Bson filter, String unitField) {
        matters.documents().aggregate(new ArrayList<>(List.of(
                        Aggregates.match(filter),
                        Aggregates.group("$" + unitField, Accumulators.sum("n", 1)))))
                .forEach(group -> counts.computeIfAbsent(unit(group.getString("_id")), unit -> new long[8])[index] +=
                        ((Number) group.get("n")).longValue());
    }

    private static String unit(String unitId) {
        return unitId == null ? org.duban.reporting.projection.Increment.NO_UNIT : unitId;
    }
}
