package org.duban.platform.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Databases of their own for the tests of one class, on the embedded Mongo-wire server ({@link EmbeddedMongo}),
 * through one client of the real MongoDB driver per class. Each {@link #fresh()} is a new, empty database; the
 * databases a test made are dropped after it.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final FreshDatabases mongo = new FreshDatabases("tracked");
 *
 * @BeforeEach
 * void stores() {
 *     database = mongo.fresh();
 * }
 * }</pre>
 */
public final class FreshDatabases implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {

    private final String prefix;
    private final List<MongoDatabase> made = new ArrayList<>();
    private MongoClient client;

    /** @param prefix the start of each database's name, so that a left-over one says which test made it */
    public FreshDatabases(String prefix) {
        this.prefix = prefix;
    }

    /** A new database no other test uses, named {@code <prefix>_<random>}. */
    public synchronized MongoDatabase fresh() {
        MongoDatabase database = client().getDatabase(prefix + "_" + UUID.randomUUID().toString().replace("-", ""));
        made.add(database);
        return database;
    }

    /** The class's client, for what the test does beside its databases. */
    public synchronized MongoClient client() {
        if (client == null) {
            throw new IllegalStateException("FreshDatabases must be a static field with @RegisterExtension");
        }
        return client;
    }

    @Override
    public synchronized void beforeAll(ExtensionContext context) {
        client = MongoClients.create(EmbeddedMongo.uri());
    }

    @Override
    public synchronized void afterEach(ExtensionContext context) {
        made.forEach(MongoDatabase::drop);
        made.clear();
    }

    @Override
    public synchronized void afterAll(ExtensionContext context) {
        client.close();
        client = null;
    }
}
