package org.duban.local;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.Serial;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.embedded.EmbeddedChannel;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DurableH2BackendTest {

    @Test
    void aWriteWaitsForItsCommitUnlessItsWriteConcernAsksForNoJournalAsMongoDbReadsIt() {
        assertThat(DurableH2Backend.journaled(insert(null))).as("no write concern: the server's default").isTrue();
        assertThat(DurableH2Backend.journaled(insert(new Document("w", "majority")))).isTrue();
        assertThat(DurableH2Backend.journaled(insert(new Document("w", "majority").append("j", false)))).isTrue();
        assertThat(DurableH2Backend.journaled(insert(new Document("w", 2)))).isTrue();
        assertThat(DurableH2Backend.journaled(insert(new Document("w", 1).append("j", true)))).isTrue();
        assertThat(DurableH2Backend.journaled(insert(new Document("j", true)))).isTrue();

        assertThat(DurableH2Backend.journaled(insert(new Document("w", 1)))).isFalse();
        assertThat(DurableH2Backend.journaled(insert(new Document("w", 1).append("j", false)))).isFalse();
        assertThat(DurableH2Backend.journaled(insert(new Document("j", false)))).as("w left out: 1").isFalse();
        assertThat(DurableH2Backend.journaled(insert(new Document("w", 0)))).isFalse();
    }

    @Test
    void ordersAWriteByTheOneCollectionItChangesOrByTheWholeStoreWhenItMayChangeMore() {
        assertThat(DurableH2Backend.collectionOf("insert", new Document("insert", "units"))).isEqualTo("units");
        assertThat(DurableH2Backend.collectionOf("findAndModify", new Document("findAndModify", "cases")))
                .isEqualTo("cases");
        assertThat(DurableH2Backend.collectionOf("createIndexes", new Document("createIndexes", "units")))
                .isEqualTo("units");

        assertThat(DurableH2Backend.collectionOf("dropDatabase", new Document("dropDatabase", 1))).isNull();
        assertThat(DurableH2Backend.collectionOf("renameCollection",
                new Document("renameCollection", "duban_intake.a").append("to", "duban_intake.b"))).isNull();
        assertThat(DurableH2Backend.collectionOf("aggregate", new Document("aggregate", "units"))).isNull();
    }

    @Test
    void theStoreFileNeverCommitsInAWritingThreadOnlyWhenTheBackendAsks(@TempDir Path directory) {
        // given: the file as the backend opens it
        MVStore store = DurableH2Backend.open(directory.resolve("duban.mv"));
        try {
            MVMap<Integer, String> map = store.openMap("databases.duban_test.units");
            long version = store.getCurrentVersion();

            // when: far more unsaved pages than H2's default buffer (about 19 MB of pages in memory) would hold
            String value = "街道".repeat(2_000);
            for (int i = 0; i < 20_000; i++) {
                map.put(i, value);
            }

            // then: no commit was made by those writes (H2 would have committed in the writing thread), one when asked
            assertThat(store.getCurrentVersion()).isEqualTo(version);
            store.commit();
            assertThat(store.getCurrentVersion()).isGreaterThan(version);
        } finally {
            store.close();
        }
    }

    @Test
    void writesGoOnWhileACheckpointWritesThePagesItTook(@TempDir Path directory) throws Exception {
        // given: a checkpoint held while it writes its pages (a value whose serialization waits)
        MVStore store = DurableH2Backend.open(directory.resolve("duban.mv"));
        DurableH2Backend backend = new DurableH2Backend(store);
        HeldValue held = new HeldValue();
        try {
            store.openMap("held").put(1, held);
            assertThat(held.writing.await(10, SECONDS)).as("a checkpoint writes the held value").isTrue();

            // when
            CompletableFuture<Document> insert = CompletableFuture.supplyAsync(() -> command(backend, "insert",
                    new Document("insert", "units").append("documents", List.of(new Document("_id", "u1")))));

            // then: answered (journaled and synced) while the checkpoint is still held
            assertThat(insert.get(10, SECONDS).get("n")).isEqualTo(1);
        } finally {
            held.release.countDown();
            backend.close();
        }
    }

    @Test
    void closesCleanlyAfterTheCheckpointInProgressInsteadOfInterruptingIt(@TempDir Path directory) throws Exception {
        // given: a checkpoint held while it writes its pages
        Path file = directory.resolve("duban.mv");
        MVStore store = DurableH2Backend.open(file);
        DurableH2Backend backend = new DurableH2Backend(store);
        HeldValue held = new HeldValue();
        store.openMap("held").put(1, held);
        assertThat(held.writing.await(10, SECONDS)).isTrue();

        // when: the store closes meanwhile, and the checkpoint then goes on to write its chunk
        Thread closing = new Thread(backend::close);
        closing.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> closing.getState() == Thread.State.TIMED_WAITING
                || !closing.isAlive()); // the close waits for the checkpoint in progress
        held.release.countDown();
        closing.join(SECONDS.toMillis(30));

        // then: the checkpoint's chunk and the close's own were written, and the file's header says it closed cleanly
        // (an interrupted checkpoint closed H2's file channel: ClosedByInterruptException, the store closed at once)
        assertThat(closing.isAlive()).isFalse();
        String header = new String(Files.readAllBytes(file), 0, 4096, StandardCharsets.ISO_8859_1);
        assertThat(header.substring(0, header.indexOf('\n'))).containsPattern("(^|,)clean:1(,|$)");
    }

    @Test
    void anUpdateStoresANewDocumentAndLeavesTheOneAQueryAnsweredAsItWas(@TempDir Path directory) {
        // given: a document a query answered (its answer may still be being sent, as a commit may be writing it)
        DurableH2Backend backend = new DurableH2Backend(DurableH2Backend.open(directory.resolve("duban.mv")));
        try {
            command(backend, "insert", new Document("insert", "units")
                    .append("documents", List.of(new Document("_id", "u1").append("name", "城关街道"))));
            Document answered = firstFound(backend);

            // when
            command(backend, "update", new Document("update", "units").append("updates", List.of(
                    new Document("q", new Document("_id", "u1")).append("u",
                            new Document("$set", new Document("name", "城东街道")).append("$inc",
                                    new Document("version", 1))))));
            command(backend, "findAndModify", new Document("findAndModify", "units")
                    .append("query", new Document("_id", "u1"))
                    .append("update", new Document("$set", new Document("phone", "0571"))));

            // then
            assertThat(answered).isEqualTo(new Document("_id", "u1").append("name", "城关街道"));
            assertThat(firstFound(backend)).isEqualTo(new Document("_id", "u1").append("name", "城东街道")
                    .append("version", 1).append("phone", "0571"));
        } finally {
            backend.close();
        }
    }

    private static Document firstFound(DurableH2Backend backend) {
        Document cursor = (Document) command(backend, "find",
                new Document("find", "units").append("filter", new Document("_id", "u1"))).get("cursor");
        return (Document) ((List<?>) cursor.get("firstBatch")).get(0);
    }

    private static Document command(DurableH2Backend backend, String command, Document query) {
        return backend.handleCommand(new EmbeddedChannel(), "duban_test", command, query.append("$db", "duban_test"));
    }

    /** A value whose serialization (in a checkpoint's commit) says it began and waits until released. */
    private static final class HeldValue implements Serializable {

        @Serial
        private static final long serialVersionUID = 1L;

        private final transient CountDownLatch writing = new CountDownLatch(1);
        private final transient CountDownLatch release = new CountDownLatch(1);

        @Serial
        private void writeObject(ObjectOutputStream out) throws IOException {
            writing.countDown();
            boolean interrupted = false;
            while (release.getCount() > 0) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    interrupted = true; // kept for what comes after, as a thread blocked in a write would have it
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            out.defaultWriteObject();
        }
    }

    private static Document insert(Document writeConcern) {
        Document command = new Document("insert", "units").append("$db", "duban_intake");
        return writeConcern == null ? command : command.append("writeConcern", writeConcern);
    }
}
