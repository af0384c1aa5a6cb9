package org.duban.local;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.bson.Document;
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

    private static MongoCollection<Document> units(MongoClient client) {
        return client.getDatabase("duban_intake").getCollection("units");
    }
}
