package org.duban.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/**
 * A MongoDB-wire store (mongo-java-server) whose databases live in one H2 MVStore file, listening on
 * localhost. Stopping closes the store, so everything written survives the next start.
 */
public final class LocalMongoStore implements LocalServer {

    private final Path file;
    private final int port;
    private MongoServer server;

    public LocalMongoStore(Path file, int port) {
        this.file = file;
        this.port = port;
    }

    @Override
    public void start() throws IOException {
        Files.createDirectories(file.getParent());
        server = new MongoServer(new H2Backend(file.toString()));
        server.bind(LocalSettings.HOST, port);
    }

    @Override
    public String describe() {
        return "Mongo-wire store ready on mongodb://localhost:" + port + ", data in " + file;
    }

    @Override
    public void stop() {
        server.shutdownNow();
    }
}
