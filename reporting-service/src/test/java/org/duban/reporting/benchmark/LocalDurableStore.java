package org.duban.reporting.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.duban.local.LocalMongoStore;

/**
 * The local store as {@code ./duban start} runs it (deploy/local's {@link LocalMongoStore}: mongo-java-server on an
 * H2 file, every write committed and synced before it is answered), one per test JVM, in a temporary directory
 * removed at exit. Port: {@code -Dbenchmark.store-port}, else a free one.
 */
final class LocalDurableStore {

    private static String uri;

    private LocalDurableStore() {
    }

    static synchronized String uri() {
        if (uri == null) {
            try {
                Path directory = Files.createTempDirectory("reporting-bench-store");
                int port = Integer.getInteger("benchmark.store-port", freePort());
                LocalMongoStore store = new LocalMongoStore(directory.resolve("mongo").resolve("duban.mv"), port);
                store.start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    store.stop();
                    delete(directory);
                }, "bench-store-stop"));
                uri = "mongodb://127.0.0.1:" + port;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return uri;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void delete(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory left behind
        }
    }
}
