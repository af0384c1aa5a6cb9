package org.duban.reporting.timeline.mongo;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.set;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoDatabase;
import org.duban.contracts.events.Actor;
import org.duban.contracts.events.AssignmentProgressReported;
import org.duban.platform.domain.Caller;
import org.duban.platform.testing.FreshDatabases;
import org.duban.reporting.timeline.TimelineEntry;
import org.duban.reporting.timeline.TimelineService;
import org.duban.reporting.timeline.TimelineVerification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Timelines against the Mongo-wire store: racing appends, redeliveries, tampering. */
class MongoTimelinesIT {

    private static final Caller SUPERVISOR = Caller.supervisor("zhang.wei");
    @RegisterExtension
    static final FreshDatabases mongo = new FreshDatabases("duban_reporting_timeline");

    private MongoDatabase database;
    private TimelineService timelines;

    @BeforeEach
    void freshDatabase() {
        database = mongo.fresh();
        timelines = new TimelineService(new MongoTimelines(database));
    }

    @Test
    void linesUpConcurrentAppendsIntoOneUnbrokenChain() throws Exception {
        // given: eight events of one matter appended at the same moment by eight threads
        int appends = 8;
        ExecutorService threads = Executors.newFixedThreadPool(appends);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();

        // when
        for (int i = 0; i < appends; i++) {
            String eventId = "evt-" + i;
            AssignmentProgressReported event = progress(i);
            done.add(threads.submit(() -> {
                start.await();
                timelines.record(eventId, event);
                return null;
            }));
        }
        start.countDown();
        for (Future<?> future : done) {
            future.get(30, TimeUnit.SECONDS);
        }
        threads.shutdown();

        // then
        List<TimelineEntry> entries = timelines.timeline(SUPERVISOR, "case-1");
        assertThat(entries).extracting(TimelineEntry::sequence).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
        assertThat(entries).extracting(TimelineEntry::eventId).doesNotHaveDuplicates();
        assertThat(timelines.verify(SUPERVISOR, "case-1").intact()).isTrue();
    }

    @Test
    void recordsAnEventDeliveredAgainOnce() {
        // when
        timelines.record("evt-1", progress(1));
        timelines.record("evt-1", progress(1));
        timelines.record("evt-2", progress(2));

        // then
        assertThat(timelines.timeline(SUPERVISOR, "case-1")).extracting(TimelineEntry::eventId)
                .containsExactly("evt-1", "evt-2");
    }

    @Test
    void namesTheFirstAlteredEntry() {
        // given
        for (int i = 1; i <= 4; i++) {
            timelines.record("evt-" + i, progress(i));
        }
        assertThat(timelines.verify(SUPERVISOR, "case-1").intact()).isTrue();

        // when: someone edits the third entry in the store
        database.getCollection(MongoTimelines.COLLECTION).updateOne(eq("_id", "case-1|3"), set("actorSubject", "someone.else"));

        // then
        TimelineVerification verification = timelines.verify(SUPERVISOR, "case-1");
        assertThat(verification.intact()).isFalse();
        assertThat(verification.firstBrokenSequence()).isEqualTo(3);
        assertThat(verification.reason()).contains("content");
    }

    @Test
    void namesTheEntryAfterARemovedOne() {
        // given
        for (int i = 1; i <= 3; i++) {
            timelines.record("evt-" + i, progress(i));
        }

        // when
        database.getCollection(MongoTimelines.COLLECTION).deleteOne(eq("_id", "case-1|2"));

        // then
        assertThat(timelines.verify(SUPERVISOR, "case-1").firstBrokenSequence()).isEqualTo(3);
    }

    private static AssignmentProgressReported progress(int i) {
        return new AssignmentProgressReported("asg-1", "case-1", "unit-1", Instant.parse("2026-03-02T01:00:00Z").plusSeconds(i),
                new Actor("li.na", "UNIT", "unit-1"));
    }
}
