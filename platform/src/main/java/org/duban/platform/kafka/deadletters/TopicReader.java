package org.duban.platform.kafka.deadletters;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads a topic from its first to its last record as they are now, without a consumer group (partitions are
 * assigned, nothing is committed): the command needs Describe and Read on the topic, nothing on any group.
 */
final class TopicReader {

    private final KafkaConsumer<String, byte[]> consumer;
    private final Duration timeout;

    TopicReader(KafkaConsumer<String, byte[]> consumer, Duration timeout) {
        this.consumer = consumer;
        this.timeout = timeout;
    }

    /** Whether the topic exists (a dead-letter topic does once its service has started). */
    boolean exists(String topic) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, timeout);
        return infos != null && !infos.isEmpty();
    }

    /** Every record of the topic up to its current end; fails when the topic does not exist. */
    void readAll(String topic, Consumer<ConsumerRecord<String, byte[]>> each) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, timeout);
        if (infos == null || infos.isEmpty()) {
            throw new DeadLetterCommandException("the topic " + topic + " does not exist (or this user may not describe it)");
        }
        List<TopicPartition> partitions = new ArrayList<>();
        infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!reachedEnd(partitions, end)) {
            if (System.nanoTime() > deadline) {
                throw new DeadLetterCommandException("could not read " + topic + " to its end within " + timeout);
            }
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                    each.accept(record);
                }
            }
        }
        consumer.unsubscribe();
    }

    private boolean reachedEnd(List<TopicPartition> partitions, Map<TopicPartition, Long> end) {
        return partitions.stream().allMatch(partition -> consumer.position(partition, timeout) >= end.get(partition));
    }
}
