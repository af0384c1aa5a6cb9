package org.duban.platform.testing;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import org.bson.BsonDocument;
import org.duban.platform.mongo.MongoConfiguration;

/**
 * A client of the embedded Mongo-wire server ({@link EmbeddedMongo}) that records the write concern of every write
 * it sends: for tests of what a store waits for before its write is answered, which the embedded server does not
 * show (it keeps everything in memory and answers every write at once).
 */
public final class WriteConcernsSent implements AutoCloseable {

    private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findAndModify");

    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final MongoClient client = MongoClients.create(MongoClientSettings.builder()
            .applyConnectionString(new ConnectionString(EmbeddedMongo.uri()))
            .addCommandListener(new CommandListener() {
                @Override
                public void commandStarted(CommandStartedEvent event) {
                    if (WRITES.contains(event.getCommandName())) {
                        BsonDocument command = event.getCommand();
                        sent.add(new Sent(command.getString(event.getCommandName()).getValue(),
                                command.getDocument("writeConcern", new BsonDocument()).clone()));
                    }
                }
            })
            .build());

    /** A write to {@code collection}, and the write concern it carried (empty: the server's default). */
    public record Sent(String collection, BsonDocument writeConcern) {
    }

    /** The database by that name as the services have it ({@link MongoConfiguration#serviceDatabase}). */
    public MongoDatabase database(String name) {
        return MongoConfiguration.serviceDatabase(client, name);
    }

    /** The write concerns of the writes sent to {@code collection} so far, in order. */
    public List<BsonDocument> to(String collection) {
        return sent.stream().filter(write -> write.collection().equals(collection)).map(Sent::writeConcern).toList();
    }

    @Override
    public void close() {
        client.close();
    }
}
