package org.duban.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import de.bwaldvogel.mongo.bson.Document;
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

    private static Document insert(Document writeConcern) {
        Document command = new Document("insert", "units").append("$db", "duban_intake");
        return writeConcern == null ? command : command.append("writeConcern", writeConcern);
    }
}
