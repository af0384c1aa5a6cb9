package org.duban.supervision.deadline.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.duban.supervision.deadline.DeadlineFixtures.ACCEPTANCE_DUE;
import static org.duban.supervision.deadline.DeadlineFixtures.ISSUED_AT;
import static org.duban.supervision.deadline.DeadlineFixtures.RESULT_DUE;
import static org.duban.supervision.deadline.DeadlineFixtures.acceptedEvent;
import static org.duban.supervision.deadline.DeadlineFixtures.cancelledEvent;
import static org.duban.supervision.deadline.DeadlineFixtures.concludedEvent;
import static org.duban.supervision.deadline.DeadlineFixtures.extensionDecidedEvent;
import static org.duban.supervision.deadline.DeadlineFixtures.finalReportEvent;
import static org.duban.supervision.deadline.DeadlineFixtures.issuedEvent;
import static org.duban.supervision.deadline.DeadlineFixtures.objectedEvent;
import static org.duban.supervision.deadline.DeadlineFixtures.objectionDecidedEvent;
import static org.duban.supervision.deadline.DeadlineFixtures.sentBackEvent;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.mongodb.MongoException;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.bson.Document;
import org.duban.contracts.events.DubanEvent;
import org.duban.platform.events.PendingEvents;
import org.duban.platform.domain.EventNotHandled;
import org.duban.platform.outbox.AggregateWriter;
import org.duban.platform.outbox.OutboxProperties;
import org.duban.platform.outbox.OutboxRelay;
import org.duban.platform.testing.FreshDatabases;
import org.duban.platform.testing.FailingBulkWrites;
import org.duban.supervision.deadline.DeadlineFixtures;
import org.duban.supervision.deadline.DeadlineTrackingService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Deadline tracking a batch at a time ({@link DeadlineTrackingService#applyAll}) against the Mongo-wire store,
 * through the real driver: the tracked assignments a batch stores are those the events one at a time store, however
 * the events are cut into batches, handed over again, or interrupted by a failed write. The consumer's record of
 * handled event ids is left out on purpose: the effects must count each event once on their own, as after a crash
 * between the effects and that record.
 */
class BatchDeadlineTrackingIT {

    private static final Instant DAY_1 = ISSUED_AT.plus(Duration.ofDays(1));
    private static final Instant DAY_5 = ISSUED_AT.plus(Duration.ofDays(5));
    private static final Instant DAY_9 = ISSUED_AT.plus(Duration.ofDays(9));
    private static final Instant DAY_20 = ISSUED_AT.plus(Duration.ofDays(20));

    @RegisterExtension
    static final FreshDatabases mongo = new FreshDatabases("tracked_batch");

    @Test
    void batchesStoreWhatTheEventsOneAtATimeStore() {
        // given
        MongoDatabase oneAtATime = mongo.fresh();
        DeadlineTrackingService tracking = tracking(oneAtATime);
        events().forEach(tracking::apply);
        MongoDatabase batched = mongo.fresh();

        // when
        inBatches(batched, events(), 7);

        // then: the same states (an assignment's version counts its writes: one per batch instead of one per event)
        assertThat(stored(batched, false)).isEqualTo(stored(oneAtATime, false));
    }

    @Test
    void batchesHandedOverAgainChangeNothing() {
        // given
        MongoDatabase database = mongo.fresh();
        inBatches(database, events(), 7);
        List<Document> once = stored(database, false);

        // when: the same batches again, then the events cut into other batches, as a consumer restarted elsewhere reads
        inBatches(database, events(), 7);
        inBatches(database, events(), 3);

        // then: the same states (a whole history replayed over its end walks through its states again, so versions
        // move; the record of handled event ids keeps a consumer from doing that)
        assertThat(stored(database, false)).isEqualTo(once);
    }

    @Test
    void aBatchWhoseWriteFailedHalfWayAndIsHandedOverAgainEndsAsACleanRun() {
        // given: the events stored cleanly, a batch at a time
        MongoDatabase clean = mongo.fresh();
        inBatches(clean, events(), 12);
        MongoDatabase database = mongo.fresh();
        inBatches(database, events().subList(0, 12), 12);

        // when: the second batch's bulk write stores its first half, then fails; the batch comes again, the rest goes on
        assertThatThrownBy(() -> inBatches(FailingBulkWrites.failingHalfWay(database), events().subList(12, 24), 12))
                .isInstanceOf(MongoException.class);
        inBatches(database, events().subList(12, events().size()), 12);

        // then
        assertThat(stored(database, false)).isEqualTo(stored(clean, false));
    }

    @Test
    void anEventThatCannotBeAppliedLeavesTheEventsBeforeItStored() {
        // given: an extension of an assignment never seen issued, third in its batch
        MongoDatabase database = mongo.fresh();
        DeadlineTrackingService tracking = tracking(database);

        // when
        assertThatThrownBy(() -> tracking.applyAll(List.of(
                issuedEvent("asg-a", "unit-1"),
                acceptedEvent("asg-a", "unit-1", DAY_1),
                extensionDecidedEvent("asg-x", "unit-1", 10, true, RESULT_DUE.plus(Duration.ofDays(10)), DAY_5),
                issuedEvent("asg-b", "unit-1"))))
                .isInstanceOfSatisfying(EventNotHandled.class, e -> assertThat(e.index()).isEqualTo(2));

        // then
        assertThat(stored(database, true)).extracting(document -> document.getString("_id"),
                document -> document.getString("status")).containsExactly(
                org.assertj.core.groups.Tuple.tuple("asg-a", "ACCEPTED"));
    }

    /**
     * Eight assignments' lives interleaved, as a topic keyed by matter delivers them: each assignment's events in
     * their order, the assignments' turns mixed; one accepted before its issue is seen, one cancelled before it.
     */
    private static List<DubanEvent> events() {
        List<List<DubanEvent>> lives = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            String id = "asg-" + i;
            String unit = "unit-" + (i % 3);
            lives.add(switch (i % 3) {
                case 0 -> List.of(issuedEvent(id, unit), acceptedEvent(id, unit, DAY_1),
                        extensionDecidedEvent(id, unit, 10, true, RESULT_DUE.plus(Duration.ofDays(10)), DAY_5),
                        finalReportEvent(id, unit, "ASSIGN", RESULT_DUE.plus(Duration.ofDays(10)), DAY_9),
                        sentBackEvent(id, unit, RESULT_DUE.plus(Duration.ofDays(30)), DAY_20),
                        finalReportEvent(id, unit, "ASSIGN", RESULT_DUE.plus(Duration.ofDays(30)), DAY_20.plusSeconds(60)),
                        concludedEvent(id, unit, "ASSIGN", DAY_20.plusSeconds(120)));
                case 1 -> List.of(issuedEvent(id, unit), objectedEvent(id, unit, DAY_1),
                        objectionDecidedEvent(id, unit, false, null, DAY_5), acceptedEvent(id, unit, DAY_9));
                default -> List.of(issuedEvent(id, unit, ACCEPTANCE_DUE, RESULT_DUE), objectedEvent(id, unit, DAY_1),
                        objectionDecidedEvent(id, unit, true, id + "-again", DAY_5), issuedEvent(id + "-again", unit));
            });
        }
        lives.add(List.of(acceptedEvent("asg-early", "unit-1", DAY_1), issuedEvent("asg-early", "unit-1")));
        lives.add(List.of(cancelledEvent("asg-gone", "unit-2", "ASSIGNED", DAY_1), issuedEvent("asg-gone", "unit-2")));
        List<DubanEvent> events = new ArrayList<>();
        for (int turn = 0; events.size() < lives.stream().mapToInt(List::size).sum(); turn++) {
            for (List<DubanEvent> life : lives) {
                if (turn < life.size()) {
                    events.add(life.get(turn));
                }
            }
            events.add(null); // an event of a type the service does not know
        }
        return events;
    }

    private static void inBatches(MongoDatabase database, List<DubanEvent> events, int size) {
        DeadlineTrackingService tracking = tracking(database);
        for (int from = 0; from < events.size(); from += size) {
            tracking.applyAll(events.subList(from, Math.min(events.size(), from + size)));
        }
    }

    private static DeadlineTrackingService tracking(MongoDatabase database) {
        OutboxRelay relay = new OutboxRelay(database, event -> { },
                new OutboxProperties(false, List.of(MongoTrackedAssignments.COLLECTION), Duration.ofSeconds(1),
                        Duration.ofSeconds(30), 100, Duration.ZERO),
                Clock.systemUTC(), new SimpleMeterRegistry());
        return new DeadlineTrackingService(new MongoTrackedAssignments(database, new AggregateWriter(relay),
                new PendingEvents(Clock.systemUTC()), DeadlineFixtures.policy()));
    }

    private static List<Document> stored(MongoDatabase database, boolean withVersions) {
        List<Document> documents = database.getCollection(MongoTrackedAssignments.COLLECTION).find()
                .sort(Sorts.ascending("_id")).into(new ArrayList<>());
        if (!withVersions) {
            documents.forEach(document -> document.remove(AggregateWriter.VERSION));
        }
        return documents;
    }
}
