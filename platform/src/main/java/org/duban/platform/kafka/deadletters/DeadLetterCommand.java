package org.duban.platform.kafka.deadletters;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.duban.contracts.events.Topics;
import org.duban.platform.kafka.deadletters.DeadLetterArguments.Position;

/**
 * The operator's command for dead letters ({@code ./duban dead-letters}, the Kubernetes Job
 * {@code duban-dead-letters}): {@code list} shows what waits on {@code duban.<service>.dlt} and why,
 * {@code replay} puts chosen records back on their original topic once the cause is fixed. Plain Kafka
 * clients, no Spring context: it runs from any service's jar or image. Exit codes: 0 done, 1 refused or
 * failed (nothing published unless said), 2 wrong arguments (nothing done). See deploy/local/README.md.
 */
public final class DeadLetterCommand {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final PrintStream out;
    private final PrintStream err;

    private DeadLetterCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        // before any logger exists: the clients' warnings on stderr, not Logback's default DEBUG on stdout
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "org/duban/platform/kafka/deadletters/logback.xml");
        }
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    /** Runs the command and answers its exit code; what it did goes to {@code out}, what went wrong to {@code err}. */
    public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        try {
            DeadLetterArguments arguments = DeadLetterArguments.parse(args);
            Map<String, Object> settings = KafkaClientSettings.of(arguments, env);
            new DeadLetterCommand(out, err).execute(arguments, settings);
            return 0;
        } catch (DeadLetterCommandException e) {
            err.println("dead-letters: " + e.getMessage());
            if (e.isUsage()) {
                err.println(DeadLetterArguments.USAGE);
                return 2;
            }
            return 1;
        } catch (KafkaException e) {
            err.println("dead-letters: Kafka failed: " + e);
            return 1;
        }
    }

    private void execute(DeadLetterArguments arguments, Map<String, Object> settings) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(KafkaClientSettings.forConsumer(settings),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            DeadLetterTopics topics = new DeadLetterTopics(new TopicReader(consumer, TIMEOUT));
            if (arguments.verb() == DeadLetterArguments.Verb.LIST) {
                list(arguments, topics);
            } else {
                replay(arguments, topics, settings);
            }
        }
    }

    private void list(DeadLetterArguments arguments, DeadLetterTopics topics) {
        out.println(String.join("\t", "REFERENCE", "ORIGINAL", "DEAD SINCE", "EVENT TYPE", "EVENT ID", "ERROR", "REPLAYED"));
        for (String service : arguments.services()) {
            String topic = Topics.deadLetter(service);
            if (arguments.services().size() > 1 && !topics.exists(topic)) {
                err.println("dead-letters: no topic " + topic + " (yet: " + service + " makes it when it starts), skipped");
                continue;
            }
            List<DeadLetter> deadLetters = topics.deadLetters(topic);
            Map<DeadLetter.Reference, String> replayed = topics.replayed(deadLetters);
            for (DeadLetter deadLetter : deadLetters) {
                out.println(String.join("\t", deadLetter.reference().toString(),
                        original(deadLetter),
                        deadLetter.failedAt().toString(), String.valueOf(deadLetter.eventType()),
                        String.valueOf(deadLetter.eventId()),
                        deadLetter.exceptionClass() + ": " + oneLine(deadLetter.exceptionMessage()),
                        replayed.getOrDefault(deadLetter.reference(), "no")));
            }
        }
    }

    private void replay(DeadLetterArguments arguments, DeadLetterTopics topics, Map<String, Object> settings) {
        List<DeadLetter> chosen = chosen(arguments, topics.deadLetters(arguments.deadLetterTopic()));
        Map<DeadLetter.Reference, String> replayed = topics.replayed(chosen);
        if (!arguments.all() && !replayed.isEmpty()) {
            throw new DeadLetterCommandException("refused, nothing published: already replayed "
                    + replayed.entrySet().stream().map(entry -> entry.getKey() + " (as " + entry.getValue() + ")")
                            .sorted().collect(Collectors.joining(", ")));
        }
        List<DeadLetter> toReplay = new ArrayList<>();
        for (DeadLetter deadLetter : chosen) {
            if (replayed.containsKey(deadLetter.reference())) {
                out.println("skipped " + deadLetter.reference() + ": already replayed as " + replayed.get(deadLetter.reference()));
            } else if (deadLetter.originalTopic() == null) {
                throw new DeadLetterCommandException("refused, nothing published: " + deadLetter.reference()
                        + " has no kafka_dlt-original-topic header, so where it belongs is unknown");
            } else {
                toReplay.add(deadLetter);
            }
        }
        if (arguments.dryRun()) {
            toReplay.forEach(deadLetter -> out.println("would replay " + deadLetter.reference() + " to "
                    + deadLetter.originalTopic() + " (" + deadLetter.eventType() + " " + deadLetter.eventId() + ")"));
            return;
        }
        publish(toReplay, settings);
    }

    private void publish(List<DeadLetter> deadLetters, Map<String, Object> settings) {
        if (deadLetters.isEmpty()) {
            out.println("nothing to replay");
            return;
        }
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(KafkaClientSettings.forProducer(settings),
                new StringSerializer(), new ByteArraySerializer())) {
            for (DeadLetter deadLetter : deadLetters) {
                List<Header> headers = new ArrayList<>(deadLetter.headers());
                headers.add(new RecordHeader(DeadLetter.REPLAYED_FROM,
                        deadLetter.reference().toString().getBytes(StandardCharsets.UTF_8)));
                RecordMetadata sent = send(producer, new ProducerRecord<>(deadLetter.originalTopic(), null,
                        deadLetter.key(), deadLetter.value(), headers));
                out.println("replayed " + deadLetter.reference() + " as " + sent.topic() + ":" + sent.partition() + ":"
                        + sent.offset() + " (" + deadLetter.eventType() + " " + deadLetter.eventId() + ")");
            }
        }
    }

    private static List<DeadLetter> chosen(DeadLetterArguments arguments, List<DeadLetter> deadLetters) {
        if (arguments.all()) {
            return deadLetters;
        }
        Set<Position> wanted = arguments.offsets();
        List<DeadLetter> chosen = deadLetters.stream().filter(deadLetter -> wanted.contains(
                new Position(deadLetter.reference().partition(), deadLetter.reference().offset()))).toList();
        if (chosen.size() < wanted.size()) {
            Set<Position> found = chosen.stream().map(deadLetter -> new Position(deadLetter.reference().partition(),
                    deadLetter.reference().offset())).collect(Collectors.toSet());
            throw DeadLetterCommandException.usage("refused, nothing published: " + arguments.deadLetterTopic()
                    + " holds no record at " + wanted.stream().filter(position -> !found.contains(position))
                            .map(Position::toString).sorted().collect(Collectors.joining(", ")));
        }
        return chosen;
    }

    private static RecordMetadata send(KafkaProducer<String, byte[]> producer, ProducerRecord<String, byte[]> record) {
        try {
            return producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeadLetterCommandException("interrupted while replaying to " + record.topic());
        } catch (ExecutionException e) {
            throw new DeadLetterCommandException("could not publish to " + record.topic() + ": " + e.getCause());
        }
    }

    /** {@code topic:partition:offset}, or less when the recoverer did not say. */
    private static String original(DeadLetter deadLetter) {
        String topic = String.valueOf(deadLetter.originalTopic());
        return deadLetter.originalPartition() == null || deadLetter.originalOffset() == null ? topic
                : topic + ":" + deadLetter.originalPartition() + ":" + deadLetter.originalOffset();
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ");
    }
}
