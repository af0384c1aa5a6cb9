package org.duban.platform.kafka.deadletters;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * One record on a dead-letter topic as Spring Kafka's {@code DeadLetterPublishingRecoverer} wrote it: the
 * original key, value and headers, plus {@code kafka_dlt-*} headers saying where it came from and why it
 * failed. Partition and offset headers are big-endian int and long, the others UTF-8 text.
 */
public record DeadLetter(
        Reference reference,
        String originalTopic,
        Integer originalPartition,
        Long originalOffset,
        Instant failedAt,
        String eventType,
        String eventId,
        String exceptionClass,
        String exceptionMessage,
        String key,
        byte[] value,
        List<Header> headers) {

    /** Where a dead letter sits: its dead-letter topic, partition and offset, written {@code topic:partition:offset}. */
    public record Reference(String topic, int partition, long offset) {

        @Override
        public String toString() {
            return topic + ":" + partition + ":" + offset;
        }

        /** The {@code partition:offset} part that {@code replay --offsets} takes. */
        public String position() {
            return partition + ":" + offset;
        }
    }

    /** The header a replayed record carries: the reference of the dead letter it was made from. */
    public static final String REPLAYED_FROM = "duban-replayed-from";

    private static final String DLT_HEADER_PREFIX = "kafka_dlt-";

    static DeadLetter of(ConsumerRecord<String, byte[]> record) {
        Headers headers = record.headers();
        List<Header> kept = new ArrayList<>();
        for (Header header : headers) {
            if (!header.key().startsWith(DLT_HEADER_PREFIX)) {
                kept.add(new RecordHeader(header.key(), header.value()));
            }
        }
        Long originalPartition = number(headers, KafkaHeaders.DLT_ORIGINAL_PARTITION);
        return new DeadLetter(
                new Reference(record.topic(), record.partition(), record.offset()),
                text(headers, KafkaHeaders.DLT_ORIGINAL_TOPIC),
                originalPartition == null ? null : originalPartition.intValue(),
                number(headers, KafkaHeaders.DLT_ORIGINAL_OFFSET),
                Instant.ofEpochMilli(record.timestamp()),
                text(headers, "ce_type"),
                text(headers, "ce_id"),
                exceptionClass(headers),
                text(headers, KafkaHeaders.DLT_EXCEPTION_MESSAGE),
                record.key(),
                record.value(),
                List.copyOf(kept));
    }

    /** The headers the record had before it failed, without the dead-letter ones. */
    @Override
    public List<Header> headers() {
        return headers;
    }

    /** The cause's class when the listener's exception wraps one (as Spring's ListenerExecutionFailedException does). */
    private static String exceptionClass(Headers headers) {
        String cause = text(headers, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN);
        return cause != null ? cause : text(headers, KafkaHeaders.DLT_EXCEPTION_FQCN);
    }

    private static String text(Headers headers, String key) {
        Header header = headers.lastHeader(key);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static Long number(Headers headers, String key) {
        Header header = headers.lastHeader(key);
        if (header == null || header.value() == null) {
            return null;
        }
        byte[] bytes = header.value();
        return switch (bytes.length) {
            case Integer.BYTES -> (long) ByteBuffer.wrap(bytes).getInt();
            case Long.BYTES -> ByteBuffer.wrap(bytes).getLong();
            default -> null;
        };
    }
}
