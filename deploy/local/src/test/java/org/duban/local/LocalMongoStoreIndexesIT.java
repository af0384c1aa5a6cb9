package org.duban.local;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.nin;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Filters.regex;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.inc;
import static com.mongodb.client.model.Updates.set;
import static com.mongodb.client.model.Updates.unset;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store answers queries from the indexes the services declare (issue #18): every answer must be the one a read
 * of the whole collection gives. The same documents are kept in a collection with the services' kinds of indexes
 * and in one without any, and every query of a varied set is asked of both — after inserts, after updates that
 * change, unset and turn into arrays the indexed values, after deletes, and after a restart.
 */
class LocalMongoStoreIndexesIT {

    private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");

    @TempDir
    Path dataDirectory;

    @Test
    void answersEveryQueryFromItsIndexesAsAReadOfTheWholeCollectionDoes() throws Exception {
        // given
        Path file = dataDirectory.resolve("mongo").resolve("duban.mv");
        int port = FreePort.find();
        LocalMongoStore store = new LocalMongoStore(file, port);
        store.start();
        Random random = new Random(18);
        try (MongoClient client = MongoClients.create("mongodb://localhost:" + port)) {
            MongoDatabase database = client.getDatabase("duban_indexes");
            MongoCollection<Document> indexed = database.getCollection("indexed");
            MongoCollection<Document> plain = database.getCollection("plain");
            declareIndexes(indexed);
            for (int i = 0; i < 400; i++) {
                Document document = randomDocument(random, i);
                indexed.insertOne(document);
                plain.insertOne(document);
            }

            // when / then: after inserts
            long answered = IndexedH2Database.answeredFromIndexes();
            assertSameAnswers(indexed, plain, "after inserts");
            assertThat(IndexedH2Database.answeredFromIndexes() - answered)
                    .as("queries answered from the indexes").isGreaterThan(queries().size() / 2);

            // when / then: after updates of indexed values (changed, unset, to arrays and odd types), deletes
            for (MongoCollection<Document> collection : List.of(indexed, plain)) {
                Random same = new Random(7);
                for (int i = 0; i < 150; i++) {
                    Object id = "doc-" + same.nextInt(400);
                    switch (same.nextInt(9)) {
                        case 0 -> collection.updateOne(eq("_id", id), set("unitId", "unit-" + same.nextInt(12)));
                        case 1 -> collection.updateOne(eq("_id", id), unset("unitId"));
                        case 2 -> collection.updateOne(eq("_id", id), set("unitId", List.of("unit-1", "unit-3")));
                        case 3 -> collection.updateOne(eq("_id", id),
                                set("nextCheckAt", Date.from(T0.plusSeconds(same.nextInt(1000)))));
                        case 4 -> collection.updateOne(eq("_id", id), combine(unset("nextCheckAt"), inc("version", 1)));
                        case 5 -> collection.updateMany(and(eq("status", "OPEN"), lt("n", same.nextInt(50))),
                                set("status", "CLOSED"));
                        case 6 -> collection.deleteOne(eq("_id", id));
                        case 7 -> collection.findOneAndUpdate(and(exists("outboxSince"), eq("unitId", "unit-2")),
                                unset("outboxSince"), new FindOneAndUpdateOptions().sort(Sorts.ascending("outboxSince"))
                                        .returnDocument(ReturnDocument.AFTER));
                        default -> collection.updateOne(eq("_id", id), set("n", same.nextBoolean() ? null : "seven"));
                    }
                }
                collection.deleteMany(and(eq("status", "CLOSED"), lt("expiresAt", Date.from(T0.plusSeconds(100)))));
                collection.insertOne(new Document("_id", 7).append("unitId", "unit-1").append("n", 7L));
                collection.insertOne(new Document("_id", "doc-x").append("unitId", null).append("n", -0.0));
            }
            assertSameAnswers(indexed, plain, "after updates and deletes");
        }
        store.stop();

        // when / then: after a restart, the indexes read again from the file
        LocalMongoStore restarted = new LocalMongoStore(file, port);
        restarted.start();
        try (MongoClient client = MongoClients.create("mongodb://localhost:" + port)) {
            MongoDatabase database = client.getDatabase("duban_indexes");
            long answered = IndexedH2Database.answeredFromIndexes();
            long filled = IndexedH2Database.filled();
            assertSameAnswers(database.getCollection("indexed"), database.getCollection("plain"), "after a restart");
            assertThat(IndexedH2Database.answeredFromIndexes() - answered).isGreaterThan(queries().size() / 2);
            assertThat(IndexedH2Database.filled() - filled).as("maps filled again after a clean restart").isZero();
            // and an index dropped is no longer used, one added is
            database.getCollection("indexed").dropIndex("by_unit");
            database.getCollection("indexed").createIndex(Indexes.ascending("status"));
            assertSameAnswers(database.getCollection("indexed"), database.getCollection("plain"), "indexes changed");
        } finally {
            restarted.stop();
        }
    }

    @Test
    void forgetsTheIndexesOfACollectionDroppedOrRenamed() throws Exception {
        // given: a collection with an index on unitId, filled, then dropped and made again with other documents
        Path file = dataDirectory.resolve("mongo").resolve("duban.mv");
        int port = FreePort.find();
        LocalMongoStore store = new LocalMongoStore(file, port);
        store.start();
        try (MongoClient client = MongoClients.create("mongodb://localhost:" + port)) {
            MongoDatabase database = client.getDatabase("duban_indexes");
            MongoCollection<Document> units = database.getCollection("units");
            units.createIndex(Indexes.ascending("unitId"));
            for (int i = 0; i < 20; i++) {
                units.insertOne(new Document("_id", "doc-" + i).append("unitId", "unit-" + (i % 4)));
            }
            units.drop();
            units.createIndex(Indexes.ascending("unitId"));
            for (int i = 0; i < 20; i++) {
                units.insertOne(new Document("_id", "doc-" + i).append("unitId", "other-" + (i % 4)));
            }

            // when
            units.renameCollection(new com.mongodb.MongoNamespace("duban_indexes", "renamed"));
            MongoCollection<Document> renamed = database.getCollection("renamed");
            renamed.insertOne(new Document("_id", "doc-20").append("unitId", "other-1"));

            // then
            long answered = IndexedH2Database.answeredFromIndexes();
            assertThat(renamed.find(eq("unitId", "unit-1")).into(new ArrayList<>())).isEmpty();
            assertThat(renamed.find(eq("unitId", "other-1")).map(document -> document.getString("_id"))
                    .into(new ArrayList<>())).containsExactly("doc-1", "doc-13", "doc-17", "doc-20", "doc-5", "doc-9");
            assertThat(IndexedH2Database.answeredFromIndexes() - answered).isEqualTo(2);
        } finally {
            store.stop();
        }
    }

    @Test
    void fillsItsIndexesAgainAfterAnOlderStoreWroteToTheFile() throws Exception {
        // given: the store's indexes, then documents written by the library's own H2 backend (a program that knows
        // no field indexes) on the same file; it reads the store's encoding of documents and keys (ADR 0014: an
        // older local-infra, which does not, refuses the file at its check)
        Path file = dataDirectory.resolve("mongo").resolve("duban.mv");
        int port = FreePort.find();
        LocalMongoStore store = new LocalMongoStore(file, port);
        store.start();
        try (MongoClient client = MongoClients.create("mongodb://localhost:" + port)) {
            MongoCollection<Document> units = client.getDatabase("duban_indexes").getCollection("units");
            units.createIndex(Indexes.ascending("unitId"));
            for (int i = 0; i < 20; i++) {
                units.insertOne(new Document("_id", "doc-" + i).append("unitId", "unit-" + (i % 4)));
            }
        } finally {
            store.stop();
        }
        de.bwaldvogel.mongo.MongoServer older = new de.bwaldvogel.mongo.MongoServer(
                new de.bwaldvogel.mongo.backend.h2.H2Backend(
                        DurableH2Backend.withOwnDataTypes(org.h2.mvstore.MVStore.open(file.toString()))));
        older.bind("localhost", port);
        try (MongoClient client = MongoClients.create("mongodb://localhost:" + port)) {
            MongoCollection<Document> units = client.getDatabase("duban_indexes").getCollection("units");
            units.insertOne(new Document("_id", "doc-20").append("unitId", "unit-1"));
            units.deleteOne(eq("_id", "doc-1"));
        } finally {
            older.shutdownNow();
        }

        // when
        LocalMongoStore restarted = new LocalMongoStore(file, port);
        restarted.start();
        try (MongoClient client = MongoClients.create("mongodb://localhost:" + port)) {
            MongoCollection<Document> units = client.getDatabase("duban_indexes").getCollection("units");
            long answered = IndexedH2Database.answeredFromIndexes();
            List<String> found = units.find(eq("unitId", "unit-1")).map(document -> document.getString("_id"))
                    .into(new ArrayList<>());

            // then
            assertThat(found).containsExactly("doc-13", "doc-17", "doc-20", "doc-5", "doc-9");
            assertThat(IndexedH2Database.answeredFromIndexes() - answered).isOne();
        } finally {
            restarted.stop();
        }
    }

    private static void declareIndexes(MongoCollection<Document> collection) {
        collection.createIndex(Indexes.compoundIndex(Indexes.ascending("unitId"), Indexes.descending("issuedAt")),
                new IndexOptions().name("by_unit"));
        collection.createIndex(Indexes.ascending("unitId", "nextDeadlineAt", "_id"), new IndexOptions().name("unit_due"));
        collection.createIndex(Indexes.ascending("nextDeadlineAt", "_id"), new IndexOptions().name("next_deadline"));
        collection.createIndex(Indexes.ascending("nextCheckAt"), new IndexOptions().name("next_check").sparse(true));
        collection.createIndex(Indexes.ascending("outboxSince"), new IndexOptions().name("outbox_since").sparse(true));
        collection.createIndex(Indexes.ascending("caseId"), new IndexOptions().name("by_case"));
        collection.createIndex(Indexes.ascending("n"), new IndexOptions().name("by_n"));
        collection.createIndex(Indexes.ascending("history.id"), new IndexOptions().name("by_history"));
        collection.createIndex(Indexes.ascending("meta.code"), new IndexOptions().name("by_code"));
        collection.createIndex(Indexes.ascending("expiresAt"), new IndexOptions().name("expiry").expireAfter(0L, TimeUnit.SECONDS));
        collection.createIndex(Indexes.ascending("eventId"), new IndexOptions().unique(true).sparse(true));
    }

    private static Document randomDocument(Random random, int i) {
        Document document = new Document("_id", "doc-" + i)
                .append("version", (long) random.nextInt(3))
                .append("status", List.of("OPEN", "CLOSED", "ANSWERED").get(random.nextInt(3)))
                .append("issuedAt", Date.from(T0.plusSeconds(random.nextInt(500))));
        switch (random.nextInt(10)) {
            case 0 -> { } // no unitId
            case 1 -> document.append("unitId", null);
            case 2 -> document.append("unitId", List.of("unit-" + random.nextInt(12), "unit-2"));
            case 3 -> document.append("unitId", random.nextInt(3));
            default -> document.append("unitId", "unit-" + random.nextInt(12));
        }
        if (random.nextInt(3) > 0) {
            document.append("nextCheckAt", Date.from(T0.plusSeconds(random.nextInt(1000))));
        }
        switch (random.nextInt(5)) {
            case 0 -> { }
            case 1 -> document.append("nextDeadlineAt", null);
            case 2 -> document.append("nextDeadlineAt", "2026-12-0" + (1 + random.nextInt(5)));
            default -> document.append("nextDeadlineAt", Date.from(T0.plusSeconds(random.nextInt(1000))));
        }
        if (random.nextInt(8) == 0) {
            document.append("outboxSince", Date.from(T0.plusSeconds(random.nextInt(100))));
        }
        document.append("caseId", "case-" + random.nextInt(40));
        switch (random.nextInt(6)) {
            case 0 -> document.append("n", random.nextInt(60));
            case 1 -> document.append("n", (long) random.nextInt(60));
            case 2 -> document.append("n", random.nextInt(60) + 0.5);
            case 3 -> document.append("n", (double) random.nextInt(60));
            case 4 -> document.append("n", Long.MAX_VALUE - random.nextInt(3));
            default -> document.append("n", String.valueOf(random.nextInt(60)));
        }
        if (random.nextBoolean()) {
            document.append("history", List.of(new Document("id", "h-" + random.nextInt(20)),
                    new Document("id", "h-" + random.nextInt(20))));
        } else if (random.nextBoolean()) {
            document.append("history", new Document("id", "h-" + random.nextInt(20)));
        }
        switch (random.nextInt(4)) {
            case 0 -> { }
            case 1 -> document.append("meta", "flat");
            case 2 -> document.append("meta", List.of(new Document("code", "c-" + random.nextInt(5))));
            default -> document.append("meta", new Document("code", "c-" + random.nextInt(5)));
        }
        if (random.nextInt(4) == 0) {
            document.append("expiresAt", Date.from(T0.plusSeconds(random.nextInt(200))));
        }
        if (random.nextInt(3) == 0) {
            document.append("eventId", "event-" + i);
        }
        return document;
    }

    /** A query: its filter, sort (or null) and limit (0: none). */
    private record Query(Bson filter, Bson sort, int limit) {

        static Query of(Bson filter) {
            return new Query(filter, null, 0);
        }
    }

    private static List<Query> queries() {
        Date now = Date.from(T0.plusSeconds(400));
        List<Query> queries = new ArrayList<>(Arrays.asList(
                Query.of(eq("unitId", "unit-3")),
                Query.of(eq("unitId", "unit-2")),
                Query.of(eq("unitId", null)),
                Query.of(eq("unitId", 1)),
                Query.of(eq("unitId", 1.0)),
                Query.of(eq("unitId", "no-such-unit")),
                Query.of(in("unitId", "unit-1", "unit-4", null)),
                Query.of(new Document("unitId", new Document("$eq", "unit-5"))),
                Query.of(and(eq("unitId", "unit-5"), eq("status", "OPEN"))),
                Query.of(and(eq("unitId", "unit-5"), or(eq("status", "OPEN"), exists("nextCheckAt", false)))),
                Query.of(and(eq("unitId", "unit-6"), ne("status", "CLOSED"), nin("version", 0L))),
                new Query(eq("unitId", "unit-7"), Sorts.descending("issuedAt"), 5),
                new Query(eq("unitId", "unit-7"), Sorts.ascending("status"), 0),
                new Query(and(eq("unitId", "unit-8"), lte("nextDeadlineAt", now)),
                        Sorts.ascending("nextDeadlineAt", "_id"), 3),
                new Query(lte("nextCheckAt", now), Sorts.ascending("nextCheckAt"), 0),
                new Query(lt("nextCheckAt", Date.from(T0.plusSeconds(50))), null, 0),
                new Query(and(gte("nextDeadlineAt", Date.from(T0.plusSeconds(100))),
                        lt("nextDeadlineAt", Date.from(T0.plusSeconds(300)))), Sorts.ascending("nextDeadlineAt"), 0),
                new Query(gt("nextDeadlineAt", "2026-12-03"), Sorts.descending("nextDeadlineAt"), 0),
                Query.of(and(gt("nextDeadlineAt", Date.from(T0.plusSeconds(900))), lt("nextDeadlineAt", "zzz"))),
                Query.of(lte("nextDeadlineAt", null)),
                new Query(exists("outboxSince"), Sorts.ascending("outboxSince"), 10),
                Query.of(and(exists("outboxSince"), or(exists("lease", false), eq("lease", 0)))),
                Query.of(exists("nextCheckAt")),
                Query.of(exists("nextCheckAt", false)),
                Query.of(eq("caseId", "case-3")),
                new Query(in("caseId", "case-1", "case-2", "case-3"), Sorts.descending("version"), 7),
                Query.of(eq("n", 5)),
                Query.of(eq("n", 5L)),
                Query.of(eq("n", 5.0)),
                Query.of(eq("n", 5.5)),
                Query.of(eq("n", 0)),
                Query.of(eq("n", Long.MAX_VALUE)),
                Query.of(eq("n", Long.MAX_VALUE - 1)),
                Query.of(eq("n", "5")),
                Query.of(eq("n", null)),
                new Query(gt("n", 50), Sorts.ascending("n"), 0),
                Query.of(and(gte("n", 10), lte("n", 12.5))),
                Query.of(and(gt("n", 10L), lt("n", 5))),
                Query.of(gte("n", Long.MAX_VALUE - 1)),
                Query.of(lt("n", "3")),
                Query.of(eq("history.id", "h-4")),
                Query.of(eq("meta.code", "c-2")),
                Query.of(exists("meta.code")),
                Query.of(regex("caseId", "^case-1")),
                Query.of(new Document("unitId", new Document("$regex", "unit-1").append("$gt", "unit-5"))),
                Query.of(new Document("unitId", new Document("$not", new Document("$eq", "unit-1")))),
                Query.of(lt("expiresAt", Date.from(T0.plusSeconds(60)))),
                Query.of(and(eq("status", "CLOSED"), lt("expiresAt", Date.from(T0.plusSeconds(100))))),
                Query.of(eq("eventId", "event-30")),
                Query.of(and(eq("eventId", "event-30"), eq("status", "OPEN"))),
                Query.of(in("_id", "doc-3", "doc-4", 7)),
                new Query(in("_id", "doc-30", "doc-4", "doc-4", "doc-3", "no-such-doc"), Sorts.ascending("unitId"), 2),
                Query.of(and(in("_id", "doc-31", "doc-40", "doc-5"), eq("status", "OPEN"))),
                Query.of(in("_id")),
                Query.of(or(eq("unitId", "unit-1"), eq("caseId", "case-1"))),
                new Query(new Document(), Sorts.ascending("unitId"), 20)));
        return queries;
    }

    private static void assertSameAnswers(MongoCollection<Document> indexed, MongoCollection<Document> plain,
            String when) {
        for (Query query : queries()) {
            assertThat(answer(indexed, query)).as(when + ": " + query).isEqualTo(answer(plain, query));
            assertThat(indexed.countDocuments(query.filter())).as(when + ", count: " + query)
                    .isEqualTo(plain.countDocuments(query.filter()));
        }
        assertThat(indexed.countDocuments()).isEqualTo(plain.countDocuments());
    }

    private static List<Document> answer(MongoCollection<Document> collection, Query query) {
        FindIterable<Document> found = collection.find(query.filter());
        if (query.sort() != null) {
            found = found.sort(query.sort());
        }
        return found.limit(query.limit()).into(new ArrayList<>());
    }
}
