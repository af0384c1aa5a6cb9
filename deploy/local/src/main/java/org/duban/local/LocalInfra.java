package org.duban.local;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point of {@code local-infra.jar}: {@code kafka} and {@code mongo} run a server until SIGTERM,
 * {@code keys} makes the JWT key pair, the query code key and the services' field keysets if they are
 * missing. Settings come from the environment (see {@link LocalSettings}); {@code ./duban} at the repository
 * root runs all three. {@code field-keys add-primary FILE} and {@code field-keys remove-old FILE} rotate a
 * field keyset (ADR 0011), any keyset file, this machine's or one of compose's secrets.
 */
public final class LocalInfra {

    private static final Logger log = LoggerFactory.getLogger(LocalInfra.class);
    private static final String USAGE = "usage: java -jar local-infra.jar kafka|mongo|keys\n"
            + "       java -jar local-infra.jar field-keys add-primary|remove-old FILE\n"
            + "       java -jar local-infra.jar backup-store FILE";

    private LocalInfra() {
    }

    public static void main(String[] args) {
        if (args.length == 3 && args[0].equals("field-keys")) {
            rotate(args[1], Path.of(args[2]));
            return;
        }
        if (args.length == 2 && args[0].equals("backup-store")) {
            backupStore(LocalSettings.from(System.getenv()), Path.of(args[1]).toAbsolutePath());
            return;
        }
        if (args.length != 1) {
            System.err.println(USAGE);
            System.exit(2);
        }
        try {
            run(args[0], LocalSettings.from(System.getenv()));
        } catch (StoreFileCheck.DamagedStoreFile e) {
            log.error("{}", e.getMessage()); // the message says it all; a stack trace would only bury it
            System.exit(1);
        } catch (Exception e) {
            log.error("{} failed: {}", args[0], e.getMessage(), e);
            System.exit(1);
        }
    }

    private static void run(String command, LocalSettings settings) throws Exception {
        Path data = settings.dataDirectory();
        switch (command) {
            case "kafka" -> serveUntilStopped(
                    new LocalKafkaBroker(data.resolve("kafka"), settings.kafkaPort(), settings.kafkaControllerPort(),
                    settings.kafkaFlushMessages(), settings.kafkaSessionTimeout()));
            case "mongo" -> serveUntilStopped(new LocalMongoStore(data.resolve("mongo").resolve("duban.mv"),
                    settings.backupDirectory(), settings.mongoPort()));
            case "keys" -> {
                KeyPairFiles keys = new KeyPairFiles(data.resolve("keys"));
                log.info("{} JWT key pair in {}", keys.createIfMissing() ? "Made a new" : "Kept the existing", keys.publicKey().getParent());
                QueryCodeKeyFile queryCodeKey = new QueryCodeKeyFile(data.resolve("keys"));
                log.info("{} query code key {}", queryCodeKey.createIfMissing() ? "Made a new" : "Kept the existing",
                        queryCodeKey.key());
                FieldKeysetFiles fieldKeys = new FieldKeysetFiles(data.resolve("keys"));
                List<String> made = fieldKeys.createMissing();
                for (String service : FieldKeysetFiles.SERVICES) {
                    log.info("{} field keyset of {}: {}", made.contains(service) ? "Made a new" : "Kept the existing",
                            service, fieldKeys.keyset(service));
                }
            }
            default -> {
                System.err.println("unknown command '" + command + "'; " + USAGE);
                System.exit(2);
            }
        }
    }

    /** Asks the running store for a consistent copy of its file ({@link DurableH2Backend#BACKUP_COMMAND}). */
    private static void backupStore(LocalSettings settings, Path copy) {
        String uri = "mongodb://" + LocalSettings.HOST + ":" + settings.mongoPort() + "/?serverSelectionTimeoutMS=10000";
        try (MongoClient client = MongoClients.create(uri)) {
            org.bson.Document answer = client.getDatabase("admin")
                    .runCommand(new org.bson.Document(DurableH2Backend.BACKUP_COMMAND, copy.toString()));
            log.info("Copied the running store to {} ({} bytes)", answer.get("file"), answer.get("bytes"));
        } catch (RuntimeException e) {
            log.error("backup-store {} failed: {}", copy, e.getMessage());
            System.exit(1);
        }
    }

    /** Rotates a field keyset: a new primary key, or only the primary key kept. */
    private static void rotate(String step, Path keyset) {
        try {
            switch (step) {
                case "add-primary" -> log.info("{}: new primary key {}; the old keys stay until remove-old. Restart the "
                        + "service: it writes every encrypted field again under the new key and logs when all are",
                        keyset, FieldKeysetFiles.addPrimaryKey(keyset));
                case "remove-old" -> log.info("{}: {} old keys removed; only the primary key is left. Restart the "
                        + "service", keyset, FieldKeysetFiles.removeOldKeys(keyset));
                default -> {
                    System.err.println("unknown field-keys step '" + step + "'; " + USAGE);
                    System.exit(2);
                }
            }
        } catch (Exception e) {
            log.error("field-keys {} {} failed: {}", step, keyset, e.getMessage(), e);
            System.exit(1);
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
