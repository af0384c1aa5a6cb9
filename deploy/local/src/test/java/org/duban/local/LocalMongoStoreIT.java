package org.duban.local;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.inc;
import static com.mongodb.client.model.Updates.set;
import static com.mongodb.client.model.Updates.unset;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.mongodb.MongoWriteException;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalMongoStoreIT {

    @TempDir
    Path dataDirectory;

    @Test
    void keepsDocumentsAndUniqueIndexesInItsFileAcrossARestart() throws Exception {
        // given
        Path file = dataDirectory.resolve("mongo").resolve("duban.mv");
        int port = FreePort.find();
        LocalMongoStore store = new LocalMongoStore(file, port);
        store.start();
        try (MongoClient client = MongoClients.create("mongodb://localhost:" + port)) {
            MongoCollection<Document> units = units(client);
            units.createIndex(Indexes.ascending("code"), new IndexOptions().unique(true));
            units.insertOne(new Document("_id", "unit-1").append("code", "CG-01").append("name", "城关街道"));
        }

        // when
        store.stop();
        LocalMongoStore restarted = new LocalMongoStore(file, port);
        restarted.start();

        // then
        try (MongoClient client = MongoClients.create("mongodb://localhost:" + port)) {
            MongoCollection<Document> units = units(client);
            assertThat(units.find(eq("_id", "unit-1")).first()).containsEntry("name", "城关街道");
            assertThatThrownBy(() -> units.insertOne(new Document("_id", "unit-2").append("code", "CG-01")))
                    .isInstanceOf(MongoWriteException.class);
        } finally {
            restarted.stop();
        }
        assertThat(file).isRegularFile();
    }

    @Test
    void answersQueriesPinningAnIdOrNeedingTheOutboxFieldAsMongoDbDoesBeforeAndAfterARestart() throws Exception {
        // given: the guarded writes of AggregateWriter ({_id, version}) and the relay's claims ({$and: [{_id}, …]})
        Path file = dataDirectory.resolve("mongo").resolve("duban.mv");
        int port = FreePort.find();
        LocalMongoStore store = new LocalMongoStore(file, port);
        store.start();
        try (MongoClient client = MongoClients.create("mongodb://localhost:" + port)) {
            MongoCollection<Document> units = units(client);
            for (int i = 0; i < 50; i++) {
                units.insertOne(new Document("_id", "unit-" + i).append("version", 1L).append("code", "CG-" + i));
            }

            // when / then
            assertThat(units.find(and(eq("_id", "unit-7"), eq("version", 1L))).first()).containsEntry("code", "CG-7");
            assertThat(units.find(new Document("_id", "unit-7").append("version", 1L)).first())
                    .containsEntry("code", "CG-7");
            assertThat(units.find(and(eq("_id", "unit-7"), eq("version", 2L))).first()).isNull();
            assertThat(units.find(and(eq("_id", "no-such-unit"), eq("version", 1L))).first()).isNull();
            assertThat(units.updateOne(and(eq("_id", "unit-7"), eq("version", 1L)),
                    combine(set("code", "CG-07"), inc("version", 1L))).getModifiedCount()).isOne();
            assertThat(units.updateOne(and(eq("_id", "unit-7"), eq("version", 1L)), set("code", "lost"))
                    .getModifiedCount()).isZero();
            assertThat(units.findOneAndUpdate(and(eq("_id", "unit-8"), or(exists("lease", false), eq("lease", 0))),
                    set("lease", 1))).containsEntry("code", "CG-8");
            assertThat(units.deleteOne(and(eq("_id", "unit-9"), eq("version", 2L))).getDeletedCount()).isZero();
            assertThat(units.countDocuments()).isEqualTo(50);
            // the outbox relay's search: documents holding outboxSince, kept on insert, update and delete
            units.insertOne(new Document("_id", "unit-50").append("outboxSince", 5));
            units.updateOne(eq("_id", "unit-10"), set("outboxSince", 10));
            units.updateOne(eq("_id", "unit-11"), set("outboxSince", 11));
            units.updateOne(eq("_id", "unit-11"), unset("outboxSince"));
            units.updateOne(eq("_id", "unit-12"), set("outboxSince", 12));
            units.deleteOne(eq("_id", "unit-12"));
            assertThat(units.find(and(exists("outboxSince"), or(exists("lease", false), eq("lease", 0))))
                    .sort(Sorts.ascending("outboxSince")).map(unit -> unit.getString("_id")).into(new ArrayList<>()))
                    .containsExactly("unit-50", "unit-10");
        }
        store.stop();
        LocalMongoStore restarted = new LocalMongoStore(file, port); // opens the existing collections again
        restarted.start();
        try (MongoClient client = MongoClients.create("mongodb://localhost:" + port)) {
            MongoCollection<Document> units = units(client);
            assertThat(units.find(and(eq("_id", "unit-7"), eq("version", 2L))).first()).containsEntry("code", "CG-07");
            assertThat(units.find(and(eq("_id", "unit-8"), eq("lease", 1))).first()).isNotNull();
            assertThat(units.find(and(eq("version", 1L), eq("code", "CG-3"))).first()).containsEntry("_id", "unit-3");
            assertThat(units.find(exists("outboxSince")).map(unit -> unit.getString("_id")).into(new ArrayList<>()))
                    .containsExactlyInAnyOrder("unit-50", "unit-10");
        } finally {
            restarted.stop();
        }
    }

    @Test
    void readsUniqueIndexesTheLibraryWroteWithTheDirectKeyOrderAndKeepsRefusingDuplicates() throws Exception {
        // given: a collection with a unique index written by the library's own backend (keys ordered by their
        // serialized bytes)
        Path file = dataDirectory.resolve("duban.mv");
        int port = FreePort.find();
        MongoServer library = new MongoServer(new H2Backend(MVStore.open(file.toString())));
        library.bind("127.0.0.1", port);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
            MongoCollection<Document> entries = client.getDatabase("duban_reporting").getCollection("entries");
            entries.createIndex(Indexes.ascending("eventId"), new IndexOptions().unique(true));
            for (int i = 0; i < 500; i++) {
                entries.insertOne(new Document("_id", "matter-" + i + "|1").append("eventId", "evt-" + i));
            }
        }
        library.shutdownNow();

        // when
        MVStore reopened = MVStore.open(file.toString());
        MongoServer store = new MongoServer(new DurableH2Backend(reopened));
        store.bind("127.0.0.1", port);

        // then
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
            MongoCollection<Document> entries = client.getDatabase("duban_reporting").getCollection("entries");
            assertThat(reopened.<Object, Object>openMap("duban_reporting.entries._index__id_").getKeyType())
                    .isInstanceOf(UniqueIndexKeyType.class);
            assertThat(reopened.<Object, Object>openMap("duban_reporting.entries._index_eventId_1").getKeyType())
                    .isInstanceOf(UniqueIndexKeyType.class);
            assertThat(entries.find(in("eventId", List.of("evt-7", "evt-499", "evt-500"))).into(new ArrayList<>()))
                    .extracting(document -> document.getString("_id"))
                    .containsExactlyInAnyOrder("matter-7|1", "matter-499|1");
            for (int i = 0; i < 500; i += 7) {
                int taken = i;
                assertThatThrownBy(() -> entries.insertOne(new Document("_id", "matter-new-" + taken)
                        .append("eventId", "evt-" + taken))).isInstanceOf(MongoWriteException.class);
                assertThatThrownBy(() -> entries.insertOne(new Document("_id", "matter-" + taken + "|1")
                        .append("eventId", "evt-new-" + taken))).isInstanceOf(MongoWriteException.class);
            }
            entries.insertOne(new Document("_id", "matter-1000|1").append("eventId", "evt-1000"));
            assertThat(entries.countDocuments()).isEqualTo(501);
            client.getDatabase("duban_reporting").getCollection("fresh").insertOne(new Document("_id", "a"));
            assertThat(reopened.<Object, Object>openMap("duban_reporting.fresh._index__id_").getKeyType())
                    .isInstanceOf(UniqueIndexKeyType.class);
        } finally {
            store.shutdownNow();
        }
    }

    @Test
    void readsAndUpdatesDocumentsTheLibraryWroteJavaSerializedAndWritesThemAgainInTheCompactEncoding()
            throws Exception {
        // given: documents of every type the services store, written by the library's own backend (each document a
        // serialized Java object), and what that backend answered for them
        Path file = dataDirectory.resolve("mongo").resolve("duban.mv");
        Files.createDirectories(file.getParent());
        int port = FreePort.find();
        MongoServer library = new MongoServer(new H2Backend(MVStore.open(file.toString())));
        library.bind("127.0.0.1", port);
        List<Document> before;
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
            MongoCollection<Document> matters = matters(client);
            for (int i = 0; i < 300; i++) {
                matters.insertOne(aMatterOfEveryType(i));
            }
            before = matters.find().sort(Sorts.ascending("_id")).into(new ArrayList<>());
        }
        library.shutdownNow();
        assertThat(valueTags(file)).containsOnly((byte) 19); // ObjectDataType's serialized object

        // when: this store opens the file (checking it first), reads every document and updates some
        LocalMongoStore store = new LocalMongoStore(file, port);
        store.start();
        try (MongoClient client = MongoClients.create("mongodb://localhost:" + port)) {
            MongoCollection<Document> matters = matters(client);
            assertThat(matters.find().sort(Sorts.ascending("_id")).into(new ArrayList<>()))
                    .containsExactlyElementsOf(before);
            for (int i = 0; i < 300; i += 3) {
                matters.updateOne(eq("_id", "matter-" + i), combine(set("status", "ACCEPTED"), inc("version", 1L)));
            }
            matters.insertOne(aMatterOfEveryType(1000));
        } finally {
            store.stop();
        }

        // then: after a restart every document reads as the library wrote it, with the updates; the file holds both
        // encodings and passes the check
        assertThat(StoreFileCheck.problemOf(file)).isEmpty();
        assertThat(valueTags(file)).contains((byte) 19, DocumentValueType.TAG);
        LocalMongoStore restarted = new LocalMongoStore(file, port);
        restarted.start();
        try (MongoClient client = MongoClients.create("mongodb://localhost:" + port)) {
            MongoCollection<Document> matters = matters(client);
            for (Document written : before) {
                int i = Integer.parseInt(written.getString("_id").substring("matter-".length()));
                Document expected = new Document(written);
                if (i % 3 == 0) {
                    expected.put("version", written.getLong("version") + 1);
                    expected.put("status", "ACCEPTED");
                }
                assertThat(matters.find(eq("_id", written.getString("_id"))).first()).isEqualTo(expected);
            }
            assertThat(matters.find(eq("_id", "matter-1000")).first()).isEqualTo(aMatterOfEveryType(1000));
            assertThat(matters.countDocuments(eq("status", "ACCEPTED"))).isEqualTo(100);
        } finally {
            restarted.stop();
        }
    }

    /** A matter with a value of every BSON type the services store, nested documents and arrays among them. */
    private static Document aMatterOfEveryType(int i) {
        return new Document("_id", "matter-" + i)
                .append("version", 3L)
                .append("title", "关于某街道拆迁补偿问题的信访事项 " + i)
                .append("receivedAt", new java.util.Date(1_796_000_000_000L + i * 1_000L))
                .append("count", i)
                .append("score", i / 7.0)
                .append("urgent", i % 2 == 0)
                .append("concludedAt", null)
                .append("petitioner", new Document("name", new org.bson.types.Binary(new byte[] {1, 2, (byte) i}))
                        .append("keyId", 12345))
                .append("units", List.of(new Document("unitId", "unit-" + i % 5).append("at",
                        new java.util.Date(1_796_000_000_000L)), new Document("unitId", "unit-9")))
                .append("tags", List.of("城关", "urgent", List.of(1, 2L)))
                .append("objectId", new org.bson.types.ObjectId(String.format("%024x", i)))
                .append("amount", org.bson.types.Decimal128.parse("1234.5" + i))
                .append("outbox", List.of(new Document("eventId", java.util.UUID.nameUUIDFromBytes(new byte[] {(byte) i})
                        .toString()).append("payload", "{\"matterId\":\"matter-" + i + "\"}")));
    }

    /** The first byte of every value in the file's document maps: how each was written. */
    private static java.util.Set<Byte> valueTags(Path file) {
        java.util.Set<Byte> tags = new java.util.HashSet<>();
        DocumentValueType documents = new DocumentValueType();
        MVStore store = new MVStore.Builder().fileName(file.toString()).readOnly().open();
        try {
            for (String name : store.getMapNames()) {
                if (name.startsWith(IndexedH2Database.DOCUMENT_MAPS)) {
                    store.openMap(name, new org.h2.mvstore.MVMap.Builder<Object, Object>().valueType(
                            new org.h2.mvstore.type.ObjectDataType() {
                                @Override
                                public Object read(java.nio.ByteBuffer buff) {
                                    tags.add(buff.get(buff.position()));
                                    return documents.read(buff);
                                }
                            })).forEach((key, value) -> { });
                }
            }
        } finally {
            store.close();
        }
        return tags;
    }

    private static MongoCollection<Document> matters(MongoClient client) {
        return client.getDatabase("duban_intake").getCollection("matters");
    }

    @Test
    void answersQueriesPinningAListOfIdsAsMongoDbDoes() throws Exception {
        // given: the outbox relay's batches claim ({$and: [{_id: {$in: [...]}}, …]}) and read back by a list of ids
        Path file = dataDirectory.resolve("mongo").resolve("duban.mv");
        int port = FreePort.find();
        LocalMongoStore store = new LocalMongoStore(file, port);
        store.start();
        try (MongoClient client = MongoClients.create("mongodb://localhost:" + port)) {
            MongoCollection<Document> units = units(client);
            for (int i = 0; i < 50; i++) {
                units.insertOne(new Document("_id", "unit-" + i).append("outboxSince", i % 2 == 0 ? i : null));
            }
            List<String> asked = List.of("unit-4", "unit-5", "unit-6", "unit-4", "no-such-unit");

            // when
            long claimed = units.updateMany(and(in("_id", asked), exists("outboxSince"), eq("outboxSince", null)),
                    set("lease", 1)).getModifiedCount();
            long evenClaimed = units.updateMany(and(in("_id", asked), exists("lease", false)), set("lease", 2))
                    .getModifiedCount();

            // then
            assertThat(claimed).isOne(); // unit-5: its outboxSince is null
            assertThat(evenClaimed).isEqualTo(2);
            assertThat(units.find(in("_id", asked)).sort(Sorts.ascending("_id"))
                    .map(unit -> unit.getString("_id") + ":" + unit.getInteger("lease")).into(new ArrayList<>()))
                    .containsExactly("unit-4:2", "unit-5:1", "unit-6:2");
            assertThat(units.find(and(in("_id", asked), eq("lease", 2))).map(unit -> unit.getString("_id"))
                    .into(new ArrayList<>())).containsExactlyInAnyOrder("unit-4", "unit-6");
            assertThat(units.find(in("_id", List.of())).first()).isNull();
            assertThat(units.countDocuments(new Document("_id", new Document("$in", asked)).append("lease", 1)))
                    .isOne();
        } finally {
            store.stop();
        }
    }

    @Test
    void syncsItsJournalForEveryJournaledWriteCheckpointsLessOftenAndDescribesItsFileWhenAsked() throws Exception {
        // given
        Path file = dataDirectory.resolve("mongo").resolve("duban.mv");
        int port = FreePort.find();
        LocalMongoStore store = new LocalMongoStore(file, port);
        store.start();
        try (MongoClient client = MongoClients.create("mongodb://localhost:" + port)) {
            MongoCollection<Document> units = units(client);
            Document before = client.getDatabase("admin").runCommand(new Document("dubanStats", 1));

            // when: writes one after the other, each answered once its record in the journal is synced
            for (int i = 0; i < 20; i++) {
                units.insertOne(new Document("_id", "unit-" + i).append("code", "C-" + i));
            }
            Document after = client.getDatabase("admin").runCommand(new Document("dubanStats", 1));

            // then: one sync of the journal each, the store's file written at checkpoints, soon after
            assertThat(after.getLong("writes") - before.getLong("writes")).isEqualTo(20);
            assertThat(after.getLong("durable")).isEqualTo(after.getLong("writes"));
            assertThat(after.getLong("syncs") - before.getLong("syncs")).isEqualTo(20);
            assertThat(after.getLong("commits") - before.getLong("commits")).isLessThan(20);
            Document checkpointed = Awaitility.await().atMost(Duration.ofSeconds(10))
                    .until(() -> client.getDatabase("admin").runCommand(new Document("dubanStats", 1)),
                            stats -> stats.getLong("checkpointed") == after.getLong("writes"));
            assertThat(checkpointed.getLong("FILE_WRITE_BYTES")).isGreaterThan(before.getLong("FILE_WRITE_BYTES"));
            assertThat(checkpointed.getLong("FILE_SIZE")).isPositive();
            assertThat(checkpointed.getLong("CHUNK_COUNT")).isPositive();
            assertThat(checkpointed.getLong("LAYOUT_SIZE")).isPositive();
        } finally {
            store.stop();
        }
    }

    @Test
    void answersAWriteAskingForNoJournalBeforeItsRecordIsSyncedAndSyncsItWithinTheJournalInterval() throws Exception {
        // given
        Path file = dataDirectory.resolve("mongo").resolve("duban.mv");
        int port = FreePort.find();
        LocalMongoStore store = new LocalMongoStore(file, port);
        store.start();
        try (MongoClient client = MongoClients.create("mongodb://localhost:" + port)) {
            MongoCollection<Document> units = units(client).withWriteConcern(WriteConcern.W1.withJournal(false));
            MongoDatabase admin = client.getDatabase("admin");
            Document before = admin.runCommand(new Document("dubanStats", 1));

            // when: writes one after the other, each asking for no journal ({w: 1, j: false})
            for (int i = 0; i < 20; i++) {
                units.insertOne(new Document("_id", "unit-" + i).append("code", "C-" + i));
            }
            Document after = admin.runCommand(new Document("dubanStats", 1));

            // then: answered without a sync each (a journaled write gets one: the test above), synced soon after
            assertThat(after.getLong("writes") - before.getLong("writes")).isEqualTo(20);
            assertThat(after.getLong("syncs") - before.getLong("syncs")).isLessThan(20);
            Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                Document now = admin.runCommand(new Document("dubanStats", 1));
                assertThat(now.getLong("durable")).isEqualTo(now.getLong("writes"));
            });
        } finally {
            store.stop();
        }
    }

    @Test
    void keepsAnsweringWhileWritesWithoutJournalChangeDocumentsThatACommitIsWriting() throws Exception {
        // given: the library changes a document in place when it updates it; a commit writing that document's page at
        // the same moment must not see it half changed (it failed, and H2 closed the store, under bench/capacity)
        Path file = dataDirectory.resolve("mongo").resolve("duban.mv");
        int port = FreePort.find();
        LocalMongoStore store = new LocalMongoStore(file, port);
        store.start();
        ExecutorService pool = Executors.newFixedThreadPool(5);
        try (MongoClient client = MongoClients.create("mongodb://localhost:" + port)) {
            MongoCollection<Document> units = units(client);
            MongoCollection<Document> unjournaled = units.withWriteConcern(WriteConcern.W1.withJournal(false));
            for (int i = 0; i < 20; i++) {
                Document unit = new Document("_id", "unit-" + i).append("n", 0);
                for (int field = 0; field < 300; field++) {
                    unit.append("f" + field, "街道" + field);
                }
                units.insertOne(unit);
            }
            // when: four callers update those documents without journal (fields added and removed), while a fifth
            // inserts with journal, each insert a commit of everything unsaved
            List<Future<Integer>> callers = new ArrayList<>();
            for (int caller = 0; caller < 4; caller++) {
                int c = caller;
                callers.add(pool.submit(() -> {
                    for (int i = 0; i < 3000; i++) {
                        unjournaled.updateOne(eq("_id", "unit-" + (i % 20)), i % 2 == 0
                                ? combine(inc("n", 1), set("by" + c, "街道".repeat(50)))
                                : combine(inc("n", 1), unset("by" + c)));
                    }
                    return 3000;
                }));
            }
            callers.add(pool.submit(() -> {
                for (int i = 0; i < 600; i++) {
                    units.insertOne(new Document("_id", "other-" + i).append("name", "城关".repeat(100)));
                }
                return 0;
            }));
            int updates = 0;
            for (Future<Integer> caller : callers) {
                updates += caller.get(3, TimeUnit.MINUTES);
            }

            // then: every write answered and applied, the store still open
            int counted = 0;
            for (Document unit : units.find(Filters.regex("_id", "^unit-"))) {
                counted += unit.getInteger("n");
            }
            assertThat(counted).isEqualTo(updates);
            assertThat(units.countDocuments(Filters.regex("_id", "^other-"))).isEqualTo(600);
        } finally {
            pool.shutdownNow();
            store.stop();
        }
    }

    @Test
    void compactsSparseChunksItselfAndKeepsEveryDocumentAcrossARestart() throws Exception {
        // given: a store whose chunks may be rewritten at once (no retention time), and H2's own compaction off
        Path file = dataDirectory.resolve("mongo").resolve("duban.mv");
        Files.createDirectories(file.getParent());
        int port = FreePort.find();
        MVStore opened = DurableH2Backend.open(file);
        opened.setRetentionTime(0);
        MongoServer store = new MongoServer(new DurableH2Backend(opened));
        store.bind("localhost", port);
        int inserted = 0;
        try (MongoClient client = MongoClients.create("mongodb://localhost:" + port)) {
            MongoCollection<Document> units = units(client);
            // when: writes go on — new documents, which stay, and large ones changed again and again, whose pages each
            // checkpoint's chunk holds and the next one's supersede — until a round of compaction (paced by the
            // checkpoints) has rewritten sparse chunks
            MongoCollection<Document> drafts = client.getDatabase("duban_intake").getCollection("drafts");
            MongoDatabase admin = client.getDatabase("admin");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (admin.runCommand(new Document("dubanStats", 1)).getLong("compactions") == 0) {
                assertThat(System.nanoTime()).as("a round of compaction within 60 s of writes").isLessThan(deadline);
                for (int i = 0; i < 20; i++, inserted++) {
                    units.insertOne(new Document("_id", "unit-" + inserted).append("name", "街道".repeat(100))
                            .append("n", 0));
                    units.updateOne(eq("_id", "unit-" + (inserted / 2)), inc("n", 1));
                    drafts.replaceOne(eq("_id", "draft-" + i),
                            new Document("text", "街道" + inserted + "街道".repeat(5_000)), new ReplaceOptions().upsert(true));
                }
            }
        } finally {
            store.shutdownNow();
        }
        LocalMongoStore restarted = new LocalMongoStore(file, port);
        restarted.start();
        try (MongoClient client = MongoClients.create("mongodb://localhost:" + port)) {
            MongoCollection<Document> units = units(client);
            assertThat(units.countDocuments()).isEqualTo(inserted);
            assertThat(units.find(eq("_id", "unit-10")).first()).containsEntry("n", 2);
            assertThat(units.find(eq("_id", "unit-" + (inserted - 1))).first()).containsEntry("n", 0);
        } finally {
            restarted.stop();
        }
    }

    @Test
    void keepsEveryAnsweredWriteWhenItsProcessIsKilled() throws Exception {
        // given: the store in a process of its own, as ./duban runs it
        int port = FreePort.find();
        Process store = startStoreProcess(port);
        int written = 0;
        try (MongoClient client = MongoClients.create("mongodb://localhost:" + port)) {
            MongoCollection<Document> units = units(client);
            units.createIndex(Indexes.ascending("code"), new IndexOptions().unique(true));
            // when: writes are answered one after the other, then the process is killed (SIGKILL) at once
            for (int i = 0; i < 200; i++) {
                units.insertOne(new Document("_id", "unit-" + i).append("code", "C-" + i));
                written++;
            }
            units.updateOne(eq("_id", "unit-7"), new Document("$set", new Document("name", "城关街道")));
            units.deleteOne(eq("_id", "unit-8"));
        } finally {
            killed(store);
        }

        // then: everything answered is in the file
        LocalMongoStore restarted = restartedOn(port);
        try (MongoClient client = MongoClients.create("mongodb://localhost:" + port)) {
            MongoCollection<Document> units = units(client);
            assertThat(units.countDocuments()).isEqualTo(written - 1);
            assertThat(units.find(eq("_id", "unit-7")).first()).containsEntry("name", "城关街道");
            assertThat(units.find(eq("_id", "unit-8")).first()).isNull();
            assertThatThrownBy(() -> units.insertOne(new Document("_id", "again").append("code", "C-1")))
                    .isInstanceOf(MongoWriteException.class);
        } finally {
            restarted.stop();
        }
    }

    @Test
    void appliesTheJournalsWritesAfterTheFilesCheckpointOnceEachWhenItsProcessIsKilled() throws Exception {
        // given
        int port = FreePort.find();
        Process store = startStoreProcess(port);
        try (MongoClient client = MongoClients.create("mongodb://localhost:" + port)) {
            MongoCollection<Document> units = units(client);
            units.insertOne(new Document("_id", "counter").append("n", 0));
            // when: increments for a second and more (checkpoints every 100 ms hold the first ones, the journal the
            // last ones), a refused insert among them, then SIGKILL at once
            for (int i = 0; i < 600; i++) {
                units.updateOne(eq("_id", "counter"), inc("n", 1));
                if (i == 300) {
                    assertThatThrownBy(() -> units.insertOne(new Document("_id", "counter")))
                            .isInstanceOf(MongoWriteException.class);
                }
            }
        } finally {
            killed(store);
        }

        // then: every increment once: none applied twice (in the file and again from the journal), none lost
        LocalMongoStore restarted = restartedOn(port);
        try (MongoClient client = MongoClients.create("mongodb://localhost:" + port)) {
            assertThat(units(client).find(eq("_id", "counter")).first()).containsEntry("n", 600);
        } finally {
            restarted.stop();
        }
    }

    @Test
    void keepsWritesAnsweredWithoutJournalThatAJournaledWriteFollowedWhenItsProcessIsKilled() throws Exception {
        // given
        int port = FreePort.find();
        Process store = startStoreProcess(port);
        try (MongoClient client = MongoClients.create("mongodb://localhost:" + port)) {
            MongoCollection<Document> journaled = units(client).withWriteConcern(WriteConcern.MAJORITY);
            MongoCollection<Document> unjournaled = journaled.withWriteConcern(WriteConcern.W1.withJournal(false));
            // when: one write without journal, then one with, a hundred times
            for (int i = 0; i < 100; i++) {
                unjournaled.insertOne(new Document("_id", "key-" + i));
                journaled.insertOne(new Document("_id", "unit-" + i));
            }
            unjournaled.updateOne(eq("_id", "unit-7"), set("name", "城关街道"));
            journaled.insertOne(new Document("_id", "last"));
        } finally {
            killed(store);
        }

        // then: the journaled write's commit made the writes before it durable too
        LocalMongoStore restarted = restartedOn(port);
        try (MongoClient client = MongoClients.create("mongodb://localhost:" + port)) {
            MongoCollection<Document> units = units(client);
            assertThat(units.countDocuments()).isEqualTo(201);
            assertThat(units.find(eq("_id", "unit-7")).first()).containsEntry("name", "城关街道");
        } finally {
            restarted.stop();
        }
    }

    @Test
    void keepsEveryAnsweredWriteOfConcurrentWritersWhenItsProcessIsKilled() throws Exception {
        // given
        int port = FreePort.find();
        Process store = startStoreProcess(port);
        List<Future<Integer>> writers = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try (MongoClient client = MongoClients.create("mongodb://localhost:" + port)) {
            MongoCollection<Document> units = units(client);
            MongoCollection<Document> drafts = client.getDatabase("duban_intake").getCollection("drafts");
            drafts.insertOne(new Document("_id", "counter").append("n", 0));
            // when: eight writers at once on two collections (their records share syncs; writes to different
            // collections are applied side by side), then SIGKILL
            for (int writer = 0; writer < 8; writer++) {
                int w = writer;
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < 50; i++) {
                        if (w % 2 == 0) {
                            units.insertOne(new Document("_id", "unit-" + w + "-" + i));
                        } else {
                            drafts.updateOne(eq("_id", "counter"), inc("n", 1));
                        }
                    }
                    return 50;
                }));
            }
            int answered = 0;
            for (Future<Integer> writer : writers) {
                answered += writer.get(2, TimeUnit.MINUTES);
            }
            assertThat(answered).isEqualTo(400);
        } finally {
            pool.shutdownNow();
            killed(store);
        }

        // then
        LocalMongoStore restarted = restartedOn(port);
        try (MongoClient client = MongoClients.create("mongodb://localhost:" + port)) {
            assertThat(units(client).countDocuments()).isEqualTo(200);
            assertThat(client.getDatabase("duban_intake").getCollection("drafts").find(eq("_id", "counter")).first())
                    .containsEntry("n", 200);
        } finally {
            restarted.stop();
        }
    }

    private Process startStoreProcess(int port) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LocalInfra.class.getName(), "mongo")
                .redirectErrorStream(true)
                .redirectOutput(dataDirectory.resolve("store.log").toFile());
        builder.environment().put("DUBAN_DATA_DIR", dataDirectory.toString());
        builder.environment().put("DUBAN_MONGO_PORT", Integer.toString(port));
        Process process = builder.start();
        Awaitility.await().atMost(Duration.ofMinutes(1)).until(() -> listens(port) || !process.isAlive());
        assertThat(process.isAlive()).as("the store process started").isTrue();
        return process;
    }

    private static boolean listens(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void killed(Process process) throws InterruptedException {
        process.destroyForcibly(); // SIGKILL: no shutdown hook, no close of the store
        assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();
    }

    /** The store started again, in this JVM, on the killed process's file. */
    private LocalMongoStore restartedOn(int port) throws IOException {
        LocalMongoStore store = new LocalMongoStore(dataDirectory.resolve("mongo").resolve("duban.mv"), port);
        store.start();
        return store;
    }

    private static MongoCollection<Document> units(MongoClient client) {
        return client.getDatabase("duban_intake").getCollection("units");
    }
}
