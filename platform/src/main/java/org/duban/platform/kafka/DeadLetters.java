package org.duban.platform.kafka;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How many records the service's dead-letter topic holds: the gauge {@code duban.kafka.dead.letters}, which
 * ops are alerted on when it is not 0 (deploy/compose/prometheus-alerts.yml). The broker is asked at most
 * once per {@code refresh} (a scrape every 15 s costs one lookup of two offsets per partition); when it
 * cannot answer within {@code timeout} the gauge shows NaN, never a count it does not know.
 */
public final class DeadLetters implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private final Admin admin;
    private final String topic;
    private final Clock clock;
    private final Duration refresh;
    private final Duration timeout;
    private double count = Double.NaN;
    private Instant readAt;

    public DeadLetters(Admin admin, String topic, Clock clock, Duration refresh, Duration timeout) {
        this.admin = admin;
        this.topic = topic;
        this.clock = clock;
        this.refresh = refresh;
        this.timeout = timeout;
    }

    /** The records between the start and the end of every partition of the topic, or NaN when unknown. */
    public synchronized double count() {
        Instant now = clock.instant();
        if (readAt == null || !now.isBefore(readAt.plus(refresh))) {
            count = read();
            readAt = now;
        }
        return count;
    }

    private double read() {
        try {
            List<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS).get(topic).partitions().stream()
                    .map(partition -> new TopicPartition(topic, partition.partition())).toList();
            Map<TopicPartition, ListOffsetsResultInfo> start = offsets(partitions, OffsetSpec.earliest());
            Map<TopicPartition, ListOffsetsResultInfo> end = offsets(partitions, OffsetSpec.latest());
            return partitions.stream().mapToLong(partition -> end.get(partition).offset() - start.get(partition).offset()).sum();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Double.NaN;
        } catch (Exception e) {
            log.warn("could not count the records of {}: {}", topic, e.toString());
            return Double.NaN;
        }
    }

    private Map<TopicPartition, ListOffsetsResultInfo> offsets(List<TopicPartition> partitions, OffsetSpec spec)
            throws Exception {
        Map<TopicPartition, OffsetSpec> request = partitions.stream()
                .collect(Collectors.toMap(Function.identity(), partition -> spec));
        return admin.listOffsets(request).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        admin.close(timeout);
    }
}
