package org.duban.local;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A single-node KRaft Kafka broker (broker and controller in one process) run from Kafka's own jars,
 * listening on localhost. Its storage is formatted on the first start with a cluster id kept beside
 * it, so every later start opens the same cluster with the same topics and records.
 *
 * <p>One node has no other replica to hold what it acknowledged, so it must hold it itself through a power
 * cut: by default it flushes (fsyncs) a partition's log after every append, before the producer's
 * acknowledgement goes out ({@code log.flush.interval.messages=1}); Kafka's own default leaves that to the
 * operating system, which loses the last seconds of acknowledged records when the machine stops. A SIGKILL
 * of the broker alone loses nothing either way (the page cache survives the process). The cost is measured
 * in {@code bench/kafka-flush}.
 *
 * <p>The broker holds a session with its controller, renewed by a heartbeat every 2/9 of the session (Kafka's own
 * ratio: 2 s of 9 s). See {@link #SESSION_TIMEOUT} for why it is shorter than Kafka's default here.
 */
public final class LocalKafkaBroker implements LocalServer {

    /**
     * 4.5 s, half of Kafka's default ({@code broker.session.timeout.ms=9000}), heartbeats every second; the launcher's
     * {@code DUBAN_KAFKA_SESSION_TIMEOUT_MS} changes it.
     *
     * <p>Why shorter: after a SIGKILL (a crash, the OOM killer, a power cut) the controller started again finds the
     * killed broker's registration alive and refuses the new one until that session has run out, counted from its own
     * start: the broker answers nothing until then. {@code bench/kafka-restart}: the port listened 13.5-15.3 s after
     * the launch with 9 s, 7.4-7.6 s with 4.5 s (2.5-3.1 s after a clean stop either way).
     *
     * <p>Why it is safe for {@code ./duban start} under load, not only in tests: broker and controller are one JVM
     * and one node, talking over the loopback. A session that runs out only fences the broker: its partitions have
     * no leader until its next heartbeat unfences it. Clients retry that (the services' producers are idempotent
     * and retry for up to 30 s, and what was not acknowledged stays in the outbox for the relay's next try;
     * consumers poll again) and nothing acknowledged is lost (the one replica stays in sync, unclean election is
     * off): a session too short costs a pause, never data. And it
     * runs out only when the whole JVM stops answering for more than about the session minus one heartbeat
     * interval, 3.5 s: the controller's check and the broker's heartbeat are threads of the same process, so load
     * that slows the machine slows both alike. Measured by the bench: eight busy loops on two cores for a minute,
     * no fencing (the longest a sleeping thread overslept: 192 ms); the broker stopped whole (SIGSTOP) for 3 s, not
     * fenced; for 4 s, fenced, and a record was acknowledged 0.5 s after it went on (the bench's first try). A
     * serial collection of the broker's 256 MB heap takes tens of milliseconds at most; a suspended machine does
     * not count (the session runs on the monotonic clock, which stops while suspended). A machine that swaps the
     * broker out for seconds would fence it; there, raise the variable. Fencings are logged ("Fencing broker 1 at
     * epoch … because its session has timed out"). 3 s would save another ~2 s per kill with less margin.
     */
    static final Duration SESSION_TIMEOUT = Duration.ofMillis(4500);

    /** Below this, a stall of the machine could fence the broker (see {@link #SESSION_TIMEOUT}). */
    static final Duration SHORTEST_SESSION_TIMEOUT = Duration.ofMillis(1500);

    private static final int NODE_ID = 1;

    private final Path directory;
    private final int port;
    private final int controllerPort;
    private final long flushIntervalMessages;
    private final Duration sessionTimeout;
    private KafkaRaftServer server;

    public LocalKafkaBroker(Path directory, int port, int controllerPort) {
        this(directory, port, controllerPort, 1, SESSION_TIMEOUT);
    }

    /**
     * A broker that fsyncs a partition's log every {@code flushIntervalMessages} records (1: before each answer),
     * whose session with its controller lasts {@code sessionTimeout} without a heartbeat.
     */
    public LocalKafkaBroker(Path directory, int port, int controllerPort, long flushIntervalMessages, Duration sessionTimeout) {
        this.directory = directory;
        this.port = port;
        this.controllerPort = controllerPort;
        this.flushIntervalMessages = flushIntervalMessages;
        this.sessionTimeout = sessionTimeout;
    }

    @Override
    public void start() throws IOException {
        Files.createDirectories(directory);
        Properties properties = properties();
        Path configFile = directory.resolve("server.properties");
        try (OutputStream out = Files.newOutputStream(configFile)) {
            properties.store(out, "written by the local launcher at every start; edit DUBAN_* variables instead");
        }
        formatStorage(configFile);
        server = new KafkaRaftServer(new KafkaConfig(properties, false), Time.SYSTEM);
        server.startup();
    }

    @Override
    public String describe() {
        return "Kafka broker ready on localhost:" + port + " (controller " + controllerPort + "), data in "
                + directory;
    }

    @Override
    public void stop() {
        server.shutdown();
        server.awaitShutdown();
    }

    private Properties properties() {
        Properties properties = new Properties();
        properties.setProperty("process.roles", "broker,controller");
        properties.setProperty("node.id", String.valueOf(NODE_ID));
        properties.setProperty("controller.quorum.voters", NODE_ID + "@" + LocalSettings.HOST + ":" + controllerPort);
        properties.setProperty("listeners",
                "PLAINTEXT://" + LocalSettings.HOST + ":" + port + ",CONTROLLER://" + LocalSettings.HOST + ":" + controllerPort);
        properties.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        properties.setProperty("controller.listener.names", "CONTROLLER");
        properties.setProperty("inter.broker.listener.name", "PLAINTEXT");
        properties.setProperty("log.dirs", directory.resolve("data").toString());
        // one node: internal topics have one replica, and one partition is plenty for a handful of groups
        properties.setProperty("offsets.topic.replication.factor", "1");
        properties.setProperty("offsets.topic.num.partitions", "1");
        properties.setProperty("transaction.state.log.replication.factor", "1");
        properties.setProperty("transaction.state.log.min.isr", "1");
        properties.setProperty("transaction.state.log.num.partitions", "1");
        properties.setProperty("share.coordinator.state.topic.replication.factor", "1");
        properties.setProperty("share.coordinator.state.topic.min.isr", "1");
        // an acknowledged record is on disk (see the class comment); the only replica is the one in sync
        properties.setProperty("log.flush.interval.messages", String.valueOf(flushIntervalMessages));
        properties.setProperty("min.insync.replicas", "1");
        properties.setProperty("unclean.leader.election.enable", "false");
        // every service creates the topics it needs; a typo must not create a new one
        properties.setProperty("auto.create.topics.enable", "false");
        properties.setProperty("group.initial.rebalance.delay.ms", "0");
        // how long a SIGKILL keeps the restarted broker waiting (see SESSION_TIMEOUT)
        properties.setProperty("broker.session.timeout.ms", String.valueOf(sessionTimeout.toMillis()));
        properties.setProperty("broker.heartbeat.interval.ms", String.valueOf(sessionTimeout.toMillis() * 2 / 9));
        // the log cleaner (compacted __consumer_offsets) takes 128 MB of heap by default; local topics are small
        properties.setProperty("log.cleaner.dedupe.buffer.size", String.valueOf(8 * 1024 * 1024));
        return properties;
    }

    private void formatStorage(Path configFile) throws IOException {
        String[] arguments = {"format", "-t", clusterId(), "-c", configFile.toString(), "--ignore-formatted"};
        int exitCode = StorageTool.execute(arguments, System.out);
        if (exitCode != 0) {
            throw new IllegalStateException("formatting the Kafka storage in " + directory + " failed with exit code " + exitCode);
        }
    }

    private String clusterId() throws IOException {
        Path file = directory.resolve("cluster.id");
        if (Files.exists(file)) {
            return Files.readString(file).trim();
        }
        String clusterId = Uuid.randomUuid().toString();
        Files.writeString(file, clusterId + "\n");
        return clusterId;
    }
}
