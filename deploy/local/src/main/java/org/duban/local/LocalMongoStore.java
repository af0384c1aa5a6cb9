package org.duban.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MongoDB-wire store (mongo-java-server) whose databases live in one H2 MVStore file, listening on
 * localhost. A write is answered once it is committed and synced to the file ({@link DurableH2Backend}), so
 * what was answered survives a kill of the process or a power cut; stopping closes the store. Before it opens
 * the file it checks it ({@link StoreFileCheck}) and refuses a damaged one, naming the newest backup.
 */
public final class LocalMongoStore implements LocalServer {

    private static final Logger log = LoggerFactory.getLogger(LocalMongoStore.class);

    private final Path file;
    private final Path backups;
    private final int port;
    private MongoServer server;

    public LocalMongoStore(Path file, int port) {
        this(file, file.getParent().resolveSibling("backups"), port);
    }

    /** A store on {@code file}; {@code backups} is where {@code ./duban backup} puts its copies by default. */
    public LocalMongoStore(Path file, Path backups, int port) {
        this.file = file;
        this.backups = backups;
        this.port = port;
    }

    @Override
    public void start() throws IOException {
        Files.createDirectories(file.getParent());
        long began = System.nanoTime();
        StoreFileCheck.check(file, backups);
        long checked = System.nanoTime();
        server = new MongoServer(new DurableH2Backend(DurableH2Backend.open(file)));
        server.bind(LocalSettings.HOST, port);
        log.info("Store file checked in {} ms, opened in {} ms", (checked - began) / 1_000_000,
                (System.nanoTime() - checked) / 1_000_000);
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
