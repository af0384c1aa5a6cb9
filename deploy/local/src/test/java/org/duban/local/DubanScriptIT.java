package org.duban.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoClient;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code ./duban} script, run from another directory with a temporary data directory, free
 * ports and no applications ({@code DUBAN_APPS=none}). Tests that only need the Mongo-wire store name
 * an external Kafka, which the script then leaves alone.
 */
class DubanScriptIT {

    private static final Path REPOSITORY = repositoryRoot();

    @TempDir
    Path dataDirectory;

    @TempDir
    Path workingDirectory;

    private final Map<String, String> environment = new HashMap<>();
    private int kafkaPort;
    private int mongoPort;

    @BeforeEach
    void useTheTemporaryDataDirectoryAndFreePorts() {
        List<Integer> ports = FreePort.distinct(3);
        kafkaPort = ports.get(0);
        mongoPort = ports.get(1);
        environment.put("DUBAN_DATA_DIR", dataDirectory.toString());
        environment.put("DUBAN_APPS", "none");
        environment.put("DUBAN_KAFKA_PORT", String.valueOf(kafkaPort));
        environment.put("DUBAN_KAFKA_CONTROLLER_PORT", String.valueOf(ports.get(2)));
        environment.put("DUBAN_MONGO_PORT", String.valueOf(mongoPort));
    }

    @AfterEach
    void stopWhateverATestLeftRunning() throws Exception {
        duban("stop");
    }

    @Test
    void runsKafkaAndMongoInTheBackgroundUntilStoppedAndLeavesNoProcessBehind() throws Exception {
        // when
        Result start = duban("start", "--detach");

        // then
        assertThat(start.exitCode()).as(start.output()).isZero();
        long kafka = recordedPid("kafka");
        long mongo = recordedPid("mongo");
        assertThat(isAlive(kafka)).isTrue();
        assertThat(isAlive(mongo)).isTrue();
        Result status = duban("status");
        assertThat(status.exitCode()).as(status.output()).isZero();
        assertThat(status.output())
                .containsPattern("kafka\\s+" + kafka + "\\s+" + kafkaPort + "\\s+healthy")
                .containsPattern("mongo\\s+" + mongo + "\\s+" + mongoPort + "\\s+healthy");

        // when
        Result stop = duban("stop");

        // then
        assertThat(stop.exitCode()).as(stop.output()).isZero();
        assertThat(isAlive(kafka)).as("kafka process %d", kafka).isFalse();
        assertThat(isAlive(mongo)).as("mongo process %d", mongo).isFalse();
        assertThat(dataDirectory.resolve("run")).isEmptyDirectory();
        Result statusAfterStop = duban("status");
        assertThat(statusAfterStop.exitCode()).isNotZero();
        assertThat(statusAfterStop.output()).containsPattern("kafka\\s+-\\s+" + kafkaPort + "\\s+stopped");
    }

    @Test
    void runsTheStoreWithC2UnlessItsOwnOptionsSayOtherwise() throws Exception {
        // when
        Result start = duban("start", "--detach");

        // then: the JVM takes the last of an option given twice
        assertThat(start.exitCode()).as(start.output()).isZero();
        assertThat(lastOption(recordedPid("mongo"), "-XX:TieredStopAtLevel=")).as("mongo").isEqualTo("4");
        assertThat(lastOption(recordedPid("kafka"), "-XX:TieredStopAtLevel=")).as("kafka").isEqualTo("1");

        // given: the store's own options keep it on C1
        duban("stop");
        environment.put("DUBAN_MONGO_JAVA_OPTS", "-XX:TieredStopAtLevel=1");

        // when
        Result again = duban("start", "--detach");

        // then
        assertThat(again.exitCode()).as(again.output()).isZero();
        assertThat(lastOption(recordedPid("mongo"), "-XX:TieredStopAtLevel=")).as("mongo").isEqualTo("1");
    }

    @Test
    void aSecondStartLeavesWhatIsRunningAloneAndStartsOnlyWhatIsMissing() throws Exception {
        // given
        useExternalKafka();
        assertThat(duban("start", "--detach").exitCode()).isZero();
        long mongo = recordedPid("mongo");

        // when
        Result secondStart = duban("start", "--detach");

        // then
        assertThat(secondStart.exitCode()).as(secondStart.output()).isZero();
        assertThat(secondStart.output()).contains("mongo is already running (pid " + mongo + ")",
                "Everything asked for is already running");
        assertThat(recordedPid("mongo")).isEqualTo(mongo);
        assertThat(isAlive(mongo)).isTrue();
    }

    @Test
    void removesAStalePidFileAndStarts() throws Exception {
        // given
        useExternalKafka();
        Process finished = new ProcessBuilder("true").start();
        finished.waitFor();
        Files.createDirectories(dataDirectory.resolve("run"));
        Files.writeString(dataDirectory.resolve("run/mongo.pid"), finished.pid() + "\n");

        // when
        Result start = duban("start", "--detach");

        // then
        assertThat(start.exitCode()).as(start.output()).isZero();
        assertThat(start.output()).contains("Removed the stale pid file of mongo");
        assertThat(isAlive(recordedPid("mongo"))).isTrue();
    }

    @Test
    void keepsStoredDocumentsAcrossStopAndStart() throws Exception {
        // given
        useExternalKafka();
        assertThat(duban("start", "--detach").exitCode()).isZero();
        try (MongoClient client = MongoClients.create("mongodb://localhost:" + mongoPort)) {
            cases(client).insertOne(new Document("_id", "case-1").append("title", "拖欠工资"));
        }

        // when
        assertThat(duban("stop").exitCode()).isZero();
        Result start = duban("start", "--detach");

        // then
        assertThat(start.exitCode()).as(start.output()).isZero();
        try (MongoClient client = MongoClients.create("mongodb://localhost:" + mongoPort)) {
            assertThat(cases(client).find().first()).containsEntry("title", "拖欠工资");
        }
    }

    @Test
    void refusesAPortInUseAndNamesTheVariableThatMovesIt() throws Exception {
        // given
        useExternalKafka();
        try (ServerSocket squatter = new ServerSocket(mongoPort, 1, InetAddress.getLoopbackAddress())) {

            // when
            Result start = duban("start", "--detach");

            // then
            assertThat(start.exitCode()).isNotZero();
            assertThat(start.output()).contains("port " + mongoPort + " (mongo) is in use", "DUBAN_MONGO_PORT");
        }
        assertThat(dataDirectory.resolve("run/mongo.pid")).doesNotExist();
    }

    @Test
    void showsTheLogOfAPartThatCannotStartAndStopsWhatItStarted() throws Exception {
        // given: a directory where the Mongo-wire store's file belongs
        Files.createDirectories(dataDirectory.resolve("mongo/duban.mv"));

        // when
        Result start = duban("start", "--detach");

        // then
        assertThat(start.exitCode()).isNotZero();
        assertThat(start.output()).contains("mongo exited while starting", "last lines of", "duban.mv", "Stopped kafka");
        assertThat(dataDirectory.resolve("run")).isEmptyDirectory();
    }

    @Test
    void refusesToStartTheStoreOnADamagedFileAndSaysWhichAndWhereTheNewestBackupIs() throws Exception {
        // given: a store with documents, stopped, then the end of its file lost
        useExternalKafka();
        assertThat(duban("start", "--detach").exitCode()).isZero();
        try (MongoClient client = MongoClients.create("mongodb://localhost:" + mongoPort)) {
            for (int i = 0; i < 300; i++) {
                cases(client).insertOne(new Document("_id", "case-" + i).append("title", "拖欠工资 " + "x".repeat(300)));
            }
        }
        assertThat(duban("stop").exitCode()).isZero();
        Path file = dataDirectory.resolve("mongo/duban.mv");
        try (java.io.RandomAccessFile raf = new java.io.RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(raf.length() / 2);
        }

        // when
        Result start = duban("start", "--detach");

        // then
        assertThat(start.exitCode()).isNotZero();
        assertThat(start.output()).contains("mongo exited while starting", "The store file " + file + " is damaged",
                "No backup was found in " + dataDirectory.resolve("backups"));
        assertThat(dataDirectory.resolve("run")).isEmptyDirectory();
    }

    @Test
    void backsUpTheStoreAndKafkaWhileRunningAndRestoresThatStateOnlyWhileStopped() throws Exception {
        // given: a document in the store and a record on a topic
        assertThat(duban("start", "--detach").exitCode()).isZero();
        String bootstrap = "localhost:" + kafkaPort;
        try (Admin admin = Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic("duban.backup-test", 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        produce(bootstrap, "before");
        try (MongoClient client = MongoClients.create("mongodb://localhost:" + mongoPort)) {
            cases(client).insertOne(new Document("_id", "case-before"));
        }

        // when: backed up while running, then changed
        Path backup = workingDirectory.resolve("backup-1");
        Result backedUp = duban("backup", backup.toString());
        produce(bootstrap, "after");
        try (MongoClient client = MongoClients.create("mongodb://localhost:" + mongoPort)) {
            cases(client).insertOne(new Document("_id", "case-after"));
        }

        // then: the backup holds the store, Kafka and the keys; restoring is refused while running
        assertThat(backedUp.exitCode()).as(backedUp.output()).isZero();
        assertThat(backup.resolve("mongo/duban.mv")).isRegularFile();
        assertThat(backup.resolve("kafka/cluster.id")).isRegularFile();
        assertThat(backup.resolve("keys/jwt-public.pem")).isRegularFile();
        Result refused = duban("restore", backup.toString());
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.output()).contains("Duban is running from " + dataDirectory, "./duban stop first");

        // when: stopped, restored and started again
        assertThat(duban("stop").exitCode()).isZero();
        Result restored = duban("restore", backup.toString());
        Result start = duban("start", "--detach");

        // then: the state of the backup, not the later one
        assertThat(restored.exitCode()).as(restored.output()).isZero();
        assertThat(start.exitCode()).as(start.output()).isZero();
        try (MongoClient client = MongoClients.create("mongodb://localhost:" + mongoPort)) {
            assertThat(cases(client).find().map(document -> document.getString("_id")).into(new ArrayList<>()))
                    .containsExactly("case-before");
        }
        assertThat(recordsOn(bootstrap)).containsExactly("before");
        assertThat(restored.output()).contains("What was replaced is in " + dataDirectory.resolve("replaced-"));
    }

    @Test
    void backsUpAStoppedPlatformWithAPlainCopy() throws Exception {
        // given
        useExternalKafka();
        assertThat(duban("start", "--detach").exitCode()).isZero();
        try (MongoClient client = MongoClients.create("mongodb://localhost:" + mongoPort)) {
            cases(client).insertOne(new Document("_id", "case-1"));
        }
        assertThat(duban("stop").exitCode()).isZero();

        // when
        Result backedUp = duban("backup");

        // then: under the default directory, and the store opens on the copy
        assertThat(backedUp.exitCode()).as(backedUp.output()).isZero();
        Path backups = dataDirectory.resolve("backups");
        try (var entries = Files.list(backups)) {
            Path backup = entries.filter(entry -> entry.getFileName().toString().startsWith("duban-")).findFirst().orElseThrow();
            assertThat(StoreFileCheck.problemOf(backup.resolve("mongo/duban.mv"))).isEmpty();
        }
    }

    private static void produce(String bootstrap, String value) throws Exception {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("duban.backup-test", "matter-1", value)).get(30, TimeUnit.SECONDS);
        }
    }

    private static List<String> recordsOn(String bootstrap) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            TopicPartition partition = new TopicPartition("duban.backup-test", 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            List<String> values = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (consumer.position(partition) < end && System.nanoTime() < deadline) {
                consumer.poll(java.time.Duration.ofMillis(500)).forEach(record -> values.add(record.value()));
            }
            return values;
        }
    }

    private void useExternalKafka() {
        environment.put("KAFKA_BOOTSTRAP_SERVERS", "localhost:" + kafkaPort);
    }

    private long recordedPid(String part) throws IOException {
        return Long.parseLong(Files.readString(dataDirectory.resolve("run").resolve(part + ".pid")).trim());
    }

    /** Whether the process runs; one that exited but is not yet reaped by init (a zombie) does not. */
    private static boolean isAlive(long pid) throws IOException {
        Path stat = Path.of("/proc", String.valueOf(pid), "stat");
        if (!ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) || !Files.exists(stat)) {
            return false;
        }
        String fields = Files.readString(stat);
        return fields.charAt(fields.lastIndexOf(')') + 2) != 'Z';
    }

    private static MongoCollection<Document> cases(MongoClient client) {
        return client.getDatabase("duban_intake").getCollection("cases");
    }

    private Result duban(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(REPOSITORY.resolve("duban").toString()));
        command.addAll(List.of(arguments));
        Path output = Files.createTempFile(workingDirectory, "duban", ".out");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workingDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().remove("KAFKA_BOOTSTRAP_SERVERS");
        builder.environment().remove("MONGODB_URI");
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("./duban " + String.join(" ", arguments) + " did not finish:\n" + Files.readString(output));
        }
        return new Result(process.exitValue(), Files.readString(output));
    }

    private static Path repositoryRoot() {
        Path directory = Path.of("").toAbsolutePath();
        while (!Files.isExecutable(directory.resolve("duban"))) {
            directory = directory.getParent();
            if (directory == null) {
                throw new IllegalStateException("no ./duban in " + Path.of("").toAbsolutePath() + " or above");
            }
        }
        return directory;
    }

    private record Result(int exitCode, String output) {
    }

    /** The value of the last of a process's arguments that starts with {@code prefix}, as the kernel has them. */
    private static String lastOption(long pid, String prefix) throws IOException {
        String value = null;
        for (String argument : Files.readString(Path.of("/proc", Long.toString(pid), "cmdline")).split("\0")) {
            if (argument.startsWith(prefix)) {
                value = argument.substring(prefix.length());
            }
        }
        return value;
    }
}
