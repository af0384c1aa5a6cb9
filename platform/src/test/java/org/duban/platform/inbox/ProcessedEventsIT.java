package org.duban.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.duban.platform.kafka.IncomingEvent;
import org.duban.platform.testing.FreshDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A consumer handles each event id once, and the ids it remembers expire after the retention. */
class ProcessedEventsIT {

    @RegisterExtension
    static final FreshDatabases mongo = new FreshDatabases("processed");

    private MongoDatabase database;

    @BeforeEach
    void aFreshDatabase() {
        database = mongo.fresh();
    }

    @Test
    void handlesAnEventIdOncePerConsumer() {
        // given
        ProcessedEvents processed = new ProcessedEvents(database, Clock.systemUTC(), Duration.ofDays(90));
        IncomingEvent event = event("evt-1");
        AtomicInteger effects = new AtomicInteger();

        // when
        boolean first = processed.handleOnce("supervision", event, effects::incrementAndGet);
        boolean again = processed.handleOnce("supervision", event, effects::incrementAndGet);
        boolean otherConsumer = processed.handleOnce("reporting", event, effects::incrementAndGet);

        // then
        assertThat(first).isTrue();
        assertThat(again).isFalse();
        assertThat(otherConsumer).isTrue();
        assertThat(effects).hasValue(2);
    }

    @Test
    void remembersIdsForTheRetentionThroughATtlIndexOnProcessedAt() {
        // when
        new ProcessedEvents(database, Clock.systemUTC(), Duration.ofDays(30));

        // then
        List<Document> indexes = database.getCollection(ProcessedEvents.COLLECTION).listIndexes()
                .into(new ArrayList<>());
        assertThat(indexes).filteredOn(index -> "retention".equals(index.getString("name"))).singleElement()
                .satisfies(index -> {
                    assertThat(index.get("key", Document.class)).containsEntry("processedAt", 1);
                    assertThat(((Number) index.get("expireAfterSeconds")).longValue())
                            .isEqualTo(Duration.ofDays(30).toSeconds());
                });
    }

    @Test
    void aChangedRetentionReplacesTheOldOneOnTheNextStart() {
        // given
        new ProcessedEvents(database, Clock.systemUTC(), Duration.ofDays(30));

        // when
        new ProcessedEvents(database, Clock.systemUTC(), Duration.ofDays(7));

        // then
        List<Document> indexes = database.getCollection(ProcessedEvents.COLLECTION).listIndexes()
                .into(new ArrayList<>());
        assertThat(indexes).filteredOn(index -> "retention".equals(index.getString("name"))).singleElement()
                .satisfies(index -> assertThat(((Number) index.get("expireAfterSeconds")).longValue())
                        .isEqualTo(Duration.ofDays(7).toSeconds()));
    }

    private static IncomingEvent event(String id) {
        return new IncomingEvent(id, "duban.assignment.issued.v1", "/duban/intake-service", Instant.now(), "asg-1",
                "case-1", null, "duban.intake.events", 0, 0);
    }
}
