package org.duban.platform.testing;

import java.net.InetSocketAddress;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * One in-memory Mongo-wire server per test JVM, on a free port, spoken to through the real MongoDB
 * driver. Tests that need a clean state use their own database name.
 */
public final class EmbeddedMongo {

    private static MongoServer server;
    private static String uri;

    private EmbeddedMongo() {
    }

    public static synchronized String uri() {
        if (server == null) {
            server = new MongoServer(new MemoryBackend());
            server.bind("127.0.0.1", 0);
            InetSocketAddress address = server.getLocalAddress();
            uri = "mongodb://127.0.0.1:" + address.getPort();
            Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow, "embedded-mongo-stop"));
        }
        return uri;
    }
}
