package org.duban.intake.assignment.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lte;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import org.bson.Document;
import org.duban.intake.assignment.AssignmentStatus;
import org.duban.intake.assignment.ConcludedMatter;
import org.duban.intake.assignment.ConcludedMatters;

/**
 * Conclusions read from {@code assignments}: a range of {@code closedAt} over the CONCLUDED ones (index
 * {@code status_closed}), then the first conclusion of each matter found (index {@code by_case}). Two
 * projected queries, whatever the size of the collection's history.
 */
public final class MongoConcludedMatters implements ConcludedMatters {

    private static final int IDS_PER_QUERY = 500;

    private final MongoCollection<Document> collection;

    public MongoConcludedMatters(MongoDatabase database) {
        this.collection = database.getCollection(MongoAssignments.COLLECTION);
        // the conclusions of a period (the evaluation window's sweep)
        collection.createIndex(Indexes.ascending("status", "closedAt"), new IndexOptions().name("status_closed"));
    }

    @Override
    public List<ConcludedMatter> concludedBetween(Instant after, Instant upTo) {
        String concluded = AssignmentStatus.CONCLUDED.name();
        Set<String> caseIds = new LinkedHashSet<>();
        collection.find(and(eq("status", concluded), gt("closedAt", Date.from(after)), lte("closedAt", Date.from(upTo))))
                .projection(Projections.include("caseId"))
                .forEach(document -> caseIds.add(document.getString("caseId")));
        Map<String, Instant> first = new HashMap<>();
        List<String> ids = new ArrayList<>(caseIds);
        for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
            List<String> batch = ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY));
            collection.find(and(eq("status", concluded), in("caseId", batch)))
                    .projection(Projections.include("caseId", "closedAt"))
                    .forEach(document -> first.merge(document.getString("caseId"),
                            document.getDate("closedAt").toInstant(), (a, b) -> a.isBefore(b) ? a : b));
        }
        return first.entrySet().stream()
                .map(entry -> new ConcludedMatter(entry.getKey(), entry.getValue()))
                .sorted(Comparator.comparing(ConcludedMatter::firstConcludedAt).thenComparing(ConcludedMatter::caseId))
                .toList();
    }
}
