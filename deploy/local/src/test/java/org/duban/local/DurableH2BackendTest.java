package org.duban.local;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.bson.Document;
import org.junit.jupiter.api.Test;

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

    private static Document insert(Document writeConcern) {
        Document command = new Document("insert", "units").append("$db", "duban_intake");
        return writeConcern == null ? command : command.append("writeConcern", writeConcern);
    }
}
