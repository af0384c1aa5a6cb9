package org.duban.local;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point of {@code local-infra.jar}: {@code kafka} and {@code mongo} run a server until SIGTERM,
 * {@code keys} makes the JWT key pair and the query code key if they are missing. Settings come from the environment (see
 * {@link LocalSettings}); {@code ./duban} at the repository root runs all three.
 */
public final class LocalInfra {

    private static final Logger log = LoggerFactory.getLogger(LocalInfra.class);
    private static final String USAGE = "usage: java -jar local-infra.jar kafka|mongo|keys";

    private LocalInfra() {
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println(USAGE);
            System.exit(2);
        }
        try {
            run(args[0], LocalSettings.from(System.getenv()));
        } catch (Exception e) {
            log.error("{} failed: {}", args[0], e.getMessage(), e);
            System.exit(1);
        }
    }

    private static void run(String command, LocalSettings settings) throws Exception {
        Path data = settings.dataDirectory();
        switch (command) {
            case "kafka" -> serveUntilStopped(
                    new LocalKafkaBroker(data.resolve("kafka"), settings.kafkaPort(), settings.kafkaControllerPort()));
            case "mongo" -> serveUntilStopped(new LocalMongoStore(data.resolve("mongo").resolve("duban.mv"), settings.mongoPort()));
            case "keys" -> {
                KeyPairFiles keys = new KeyPairFiles(data.resolve("keys"));
                log.info("{} JWT key pair in {}", keys.createIfMissing() ? "Made a new" : "Kept the existing", keys.publicKey().getParent());
                QueryCodeKeyFile queryCodeKey = new QueryCodeKeyFile(data.resolve("keys"));
                log.info("{} query code key {}", queryCodeKey.createIfMissing() ? "Made a new" : "Kept the existing",
                        queryCodeKey.key());
            }
            default -> {
                System.err.println("unknown command '" + command + "'; " + USAGE);
                System.exit(2);
            }
        }
    }

    private static void serveUntilStopped(LocalServer server) throws Exception {
        CountDownLatch stopped = new CountDownLatch(1);
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("Stopping");
            server.stop();
            log.info("Stopped");
            stopped.countDown();
        }, "local-infra-stop"));
        log.info(server.describe());
        stopped.await();
    }
}
