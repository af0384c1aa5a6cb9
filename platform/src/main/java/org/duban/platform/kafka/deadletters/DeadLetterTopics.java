package org.duban.platform.kafka.deadletters;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.kafka.common.header.Header;

/**
 * What the dead-letter topics hold and which of their records were replayed already. A replay is known by the
 * record it put back: its header {@code duban-replayed-from} names the dead letter, so the original topic itself
 * is the record of replays (no other topic, no state kept by the command).
 */
final class DeadLetterTopics {

    private final TopicReader reader;

    DeadLetterTopics(TopicReader reader) {
        this.reader = reader;
    }

    boolean exists(String topic) {
        return reader.exists(topic);
    }

    /** Every record of the dead-letter topic, oldest first within each partition. */
    List<DeadLetter> deadLetters(String deadLetterTopic) {
        List<DeadLetter> deadLetters = new ArrayList<>();
        reader.readAll(deadLetterTopic, record -> deadLetters.add(DeadLetter.of(record)));
        return deadLetters;
    }

    /**
     * The dead letters among these that were replayed, each with where its replay landed
     * ({@code topic:partition:offset}), found on their original topics.
     */
    Map<DeadLetter.Reference, String> replayed(Collection<DeadLetter> deadLetters) {
        Map<String, DeadLetter.Reference> byReference = new HashMap<>();
        deadLetters.forEach(deadLetter -> byReference.put(deadLetter.reference().toString(), deadLetter.reference()));
        Map<DeadLetter.Reference, String> replayed = new HashMap<>();
        deadLetters.stream().map(DeadLetter::originalTopic).filter(Objects::nonNull).distinct().forEach(topic ->
                reader.readAll(topic, record -> {
                    Header header = record.headers().lastHeader(DeadLetter.REPLAYED_FROM);
                    DeadLetter.Reference reference = header == null ? null
                            : byReference.get(new String(header.value(), StandardCharsets.UTF_8));
                    if (reference != null) {
                        replayed.putIfAbsent(reference, record.topic() + ":" + record.partition() + ":" + record.offset());
                    }
                }));
        return replayed;
    }
}
