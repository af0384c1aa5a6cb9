import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The local broker ({@code java -jar local-infra.jar kafka}, as {@code ./duban} runs it) started fresh, then again
 * after a clean stop (SIGTERM) and after a SIGKILL, ROUNDS times each, for each session timeout given. A start is
 * timed from the launch to its port listening (the launcher's readiness) and to the first record a new producer
 * (acks=all, idempotent, as the services') gets acknowledged. Then, with HOGS busy processes saturating the machine
 * for STRESS_SECONDS, a record every 100 ms, the longest a sleeping thread of this JVM overslept (how long a JVM
 * on this machine can stall), and the fencings the broker's log reports then. Last, the whole broker stopped
 * (SIGSTOP) for each of STALLS seconds: whether its controller fenced it, and how long after it went on (SIGCONT)
 * a record was acknowledged.
 *
 * <p>Arguments: work directory, port (uses it and the next), jar, rounds, hogs, stress seconds, the stalls
 * (comma-separated seconds), then the JVM options after {@code --} and the session timeouts in ms after
 * {@code ::}. Prints "RESULT …" lines.
 */
public class KafkaRestart {

    private static final Pattern FENCED = Pattern.compile("Fencing broker \\d+ at epoch \\d+ because its session has timed out");

    private final Path work;
    private final int port;
    private final String jar;
    private final List<String> javaOptions;

    private KafkaRestart(Path work, int port, String jar, List<String> javaOptions) {
        this.work = work;
        this.port = port;
        this.jar = jar;
        this.javaOptions = javaOptions;
    }

    public static void main(String[] args) throws Exception {
        int rounds = Integer.parseInt(args[3]);
        int hogs = Integer.parseInt(args[4]);
        int stressSeconds = Integer.parseInt(args[5]);
        List<String> stalls = List.of(args[6].split(","));
        List<String> rest = List.of(args).subList(7, args.length);
        List<String> javaOptions = rest.subList(rest.indexOf("--") + 1, rest.indexOf("::"));
        List<String> sessions = rest.subList(rest.indexOf("::") + 1, rest.size());
        KafkaRestart bench = new KafkaRestart(Path.of(args[0]), Integer.parseInt(args[1]), args[2], javaOptions);
        for (String session : sessions) {
            bench.measure(session, rounds, hogs, stressSeconds, stalls);
        }
    }

    private void measure(String session, int rounds, int hogs, int stressSeconds, List<String> stalls) throws Exception {
        Path data = work.resolve("session-" + session);
        Path log = data.resolve("kafka.log");
        Files.createDirectories(data);
        Broker broker = start(session, data, log);
        String fresh = broker.timing;
        createTopic(data);
        List<String> afterStop = new ArrayList<>();
        List<String> afterKill = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            broker.process.destroy();
            broker.process.waitFor(60, TimeUnit.SECONDS);
            broker = start(session, data, log);
            afterStop.add(broker.timing);
            broker.process.destroyForcibly();
            broker.process.waitFor();
            broker = start(session, data, log);
            afterKill.add(broker.timing);
        }
        int fencedBeforeStress = fencings(log);
        String stress = stress(hogs, stressSeconds);
        int fencedInStress = fencings(log) - fencedBeforeStress;
        List<String> stalled = new ArrayList<>();
        for (String stall : stalls) {
            stalled.add(stall + " s: " + stall(broker.process, Double.parseDouble(stall), log));
        }
        broker.process.destroy();
        broker.process.waitFor(60, TimeUnit.SECONDS);
        System.out.printf("RESULT %s|%s|%s|%s|%d|%s|%d|%s%n", session, fresh, String.join(" ", afterStop),
                String.join(" ", afterKill), fencedBeforeStress, stress, fencedInStress, String.join("; ", stalled));
    }

    /** SIGSTOP for that long, then SIGCONT: "fenced or not, seconds from SIGCONT to an acknowledged record". */
    private String stall(Process broker, double seconds, Path log) throws Exception {
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(new ProducerRecord<>("bench.restart", "matter-1", "before the stall")).get(2, TimeUnit.MINUTES);
            int fencedBefore = fencings(log);
            signal("STOP", broker);
            Thread.sleep((long) (seconds * 1000));
            signal("CONT", broker);
            long resumed = System.nanoTime();
            Thread.sleep(500); // the controller's check runs every few hundred ms: a record sent at once could beat it
            producer.send(new ProducerRecord<>("bench.restart", "matter-1", "after the stall")).get(2, TimeUnit.MINUTES);
            long acknowledged = System.nanoTime();
            Thread.sleep(3000); // a fencing logged just after the record
            return (fencings(log) > fencedBefore ? "fenced" : "not fenced")
                    + String.format(", record %.1f s after", (acknowledged - resumed) / 1e9);
        }
    }

    private static void signal(String signal, Process process) throws Exception {
        new ProcessBuilder("kill", "-" + signal, String.valueOf(process.pid())).inheritIO().start().waitFor();
    }

    private record Broker(Process process, String timing) {
    }

    /** Launches the broker; its timing: "seconds to the port / seconds to the first acknowledged record". */
    private Broker start(String session, Path data, Path log) throws Exception {
        List<String> command = new ArrayList<>(List.of("java"));
        command.addAll(javaOptions);
        command.addAll(List.of("-jar", jar, "kafka"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(Map.of("DUBAN_DATA_DIR", data.toString(), "DUBAN_KAFKA_PORT", String.valueOf(port),
                "DUBAN_KAFKA_CONTROLLER_PORT", String.valueOf(port + 1), "DUBAN_KAFKA_SESSION_TIMEOUT_MS", session));
        long launched = System.nanoTime();
        Process process = builder.start();
        while (!listening()) {
            if (!process.isAlive() || System.nanoTime() - launched > TimeUnit.MINUTES.toNanos(2)) {
                throw new IllegalStateException("the broker did not start; see " + log);
            }
            Thread.sleep(50);
        }
        long port = System.nanoTime();
        if (Files.exists(data.resolve("topic-created"))) {
            produce("started");
        }
        long acknowledged = System.nanoTime();
        String timing = Files.exists(data.resolve("topic-created"))
                ? String.format("%.1f/%.1f", (port - launched) / 1e9, (acknowledged - launched) / 1e9)
                : String.format("%.1f/-", (port - launched) / 1e9);
        return new Broker(process, timing);
    }

    private boolean listening() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void createTopic(Path data) throws Exception {
        try (Admin admin = Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap()))) {
            admin.createTopics(List.of(new NewTopic("bench.restart", 3, (short) 1))).all().get(2, TimeUnit.MINUTES);
        }
        produce("created");
        Files.createFile(data.resolve("topic-created"));
    }

    private String bootstrap() {
        return "127.0.0.1:" + port;
    }

    private KafkaProducer<String, String> producer() {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.RECONNECT_BACKOFF_MS_CONFIG, 50, ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 250,
                ProducerConfig.RETRY_BACKOFF_MS_CONFIG, 50, ProducerConfig.RETRY_BACKOFF_MAX_MS_CONFIG, 250,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 120_000, ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000);
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    private void produce(String value) throws Exception {
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(new ProducerRecord<>("bench.restart", "matter-1", value)).get(2, TimeUnit.MINUTES);
        }
    }

    /**
     * A record every 100 ms while HOGS busy processes run: "records, slowest acknowledgement, longest oversleep of a
     * thread sleeping 20 ms at a time".
     */
    private String stress(int hogs, int seconds) throws Exception {
        List<Process> busy = new ArrayList<>();
        for (int i = 0; i < hogs; i++) {
            busy.add(new ProcessBuilder("sh", "-c", "while :; do :; done").start());
        }
        int records = 0;
        long slowest = 0;
        long[] overslept = {0};
        Thread hiccups = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                long before = System.nanoTime();
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
                overslept[0] = Math.max(overslept[0], System.nanoTime() - before - TimeUnit.MILLISECONDS.toNanos(20));
            }
        });
        hiccups.start();
        try (KafkaProducer<String, String> producer = producer()) {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (System.nanoTime() < end) {
                long sent = System.nanoTime();
                producer.send(new ProducerRecord<>("bench.restart", "matter-" + records, "stress")).get(2, TimeUnit.MINUTES);
                slowest = Math.max(slowest, System.nanoTime() - sent);
                records++;
                Thread.sleep(100);
            }
        } finally {
            busy.forEach(Process::destroyForcibly);
            hiccups.interrupt();
            hiccups.join();
        }
        return records + " records, slowest " + TimeUnit.NANOSECONDS.toMillis(slowest) + " ms, a thread overslept "
                + TimeUnit.NANOSECONDS.toMillis(overslept[0]) + " ms at most";
    }

    private static int fencings(Path log) throws IOException {
        Matcher matcher = FENCED.matcher(Files.readString(log));
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }
}
