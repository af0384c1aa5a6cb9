package org.duban.reporting.projection.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.duban.contracts.events.Actor;
import org.duban.contracts.events.AssignmentAccepted;
import org.duban.contracts.events.AssignmentIssued;
import org.duban.contracts.events.CaseRegistered;
import org.duban.contracts.events.DubanEvent;
import org.duban.platform.domain.EventNotHandled;
import org.duban.platform.testing.FreshDatabases;
import org.duban.reporting.acceptance.YearOfEvents;
import org.duban.reporting.projection.BatchProjection;
import org.duban.reporting.projection.LawyerProjection;
import org.duban.reporting.projection.ProjectionService;
import org.duban.reporting.projection.SupervisionProjection;
import org.duban.reporting.timeline.TimelineEntry;
import org.duban.reporting.timeline.TimelineService;
import org.duban.reporting.timeline.TimelineService.RecordedEvent;
import org.duban.reporting.timeline.mongo.MongoTimelines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The projection a batch at a time against the Mongo-wire store, through the real driver, with the office's 2023
 * ({@link YearOfEvents}, every kind of event). What the store holds is compared whole (every projection collection,
 * the counters' records of what they counted as sets). The record of handled event ids is left out on purpose:
 * the effects must count each event once on their own, as after a crash between the effects and that record.
 */
class BatchProjectionIT {

    private static final List<String> COLLECTIONS = List.of("daily_figures", "assignments", "matters", "recommendations",
            "units", "lawyer_duty_sessions", "lawyer_participations", "timeline_entries");
    private static final Actor SUPERVISOR = new Actor("zhang.wei", "SUPERVISOR", null);

    @RegisterExtension
    static final FreshDatabases mongo = new FreshDatabases("duban_reporting_batch");

    @Test
    void aBatchCountsWhatTheEventsOneAtATimeCount() {
        // given
        List<RecordedEvent> year = year();
        MongoDatabase oneAtATime = mongo.fresh();
        ProjectionService projection = new ProjectionService(new MongoIssuedAssignments(oneAtATime),
                new MongoDailyFigures(oneAtATime), new MongoMatters(oneAtATime), new MongoUnits(oneAtATime),
                new SupervisionProjection(new MongoDailyFigures(oneAtATime), new MongoRecommendations(oneAtATime),
                        YearOfEvents.OFFICE), YearOfEvents.OFFICE);
        LawyerProjection lawyers = new LawyerProjection(new MongoLawyerWork(oneAtATime));
        TimelineService timelines = new TimelineService(new MongoTimelines(oneAtATime));
        year.forEach(event -> {
            projection.apply(event.event());
            lawyers.apply(event.event());
            timelines.record(event.eventId(), event.event());
        });
        MongoDatabase batched = mongo.fresh();

        // when
        inBatches(batched, year, 250);

        // then
        assertThat(stored(batched)).isEqualTo(stored(oneAtATime));
    }

    @Test
    void batchesHandedOverAgainChangeNothing() {
        // given
        List<RecordedEvent> year = year();
        MongoDatabase database = mongo.fresh();
        inBatches(database, year, 250);
        Map<String, List<Document>> once = stored(database);

        // when: the same batches again, then the events cut into other batches, as a consumer restarted elsewhere reads
        inBatches(database, year, 250);
        inBatches(database, year, 97);

        // then
        assertThat(stored(database)).isEqualTo(once);
    }

    @Test
    void aBatchInterruptedByAFailedWriteAndHandedOverAgainCountsEachEventOnce() {
        // given: the figures of the year projected cleanly, and how many writes the first batch makes
        List<RecordedEvent> year = year();
        MongoDatabase clean = mongo.fresh();
        inBatches(clean, year, 400);
        Map<String, List<Document>> expected = stored(clean);
        AtomicInteger writes = new AtomicInteger();
        inBatches(failingAt(mongo.fresh(), Integer.MAX_VALUE, writes), year.subList(0, 400), 400);
        assertThat(writes.get()).as("assignments, matters, units, counters, timelines").isEqualTo(5);

        for (int failing = 1; failing <= writes.get(); failing++) {
            MongoDatabase database = mongo.fresh();
            int failingWrite = failing;

            // when: the first batch's write number `failing` fails, then the batch comes again and the year goes on
            assertThatThrownBy(() -> inBatches(failingAt(database, failingWrite, new AtomicInteger()),
                    year.subList(0, 400), 400))
                    .as("write %d of %d", failingWrite, writes.get())
                    .isInstanceOf(MongoException.class);
            inBatches(database, year, 400);

            // then
            assertThat(stored(database)).as("failed at write %d of %d", failingWrite, writes.get()).isEqualTo(expected);
        }
    }

    @Test
    void aMattersTimelineKeepsTheOrderOfItsEventsInTheBatch() {
        // given: two matters' events interleaved, the first matter already with an entry from an earlier batch
        MongoDatabase database = mongo.fresh();
        Instant at = YearOfEvents.at(LocalDate.of(2023, 5, 4), 9, 0);
        CaseRegistered first = registered("case-a", at);
        AssignmentIssued firstIssued = issued("asg-a", "case-a", at.plusSeconds(60));
        AssignmentIssued secondIssued = issued("asg-b", "case-b", at.plusSeconds(30));
        inBatches(database, List.of(new RecordedEvent("e1", first)), 10);

        // when
        inBatches(database, List.of(
                new RecordedEvent("e2", registered("case-b", at.plusSeconds(10))),
                new RecordedEvent("e3", firstIssued),
                new RecordedEvent("e4", secondIssued),
                new RecordedEvent("e1", first),
                new RecordedEvent("e5", accepted(firstIssued, at.plusSeconds(120))),
                new RecordedEvent("e6", accepted(secondIssued, at.plusSeconds(90)))), 10);

        // then: each matter's entries in the batch's order, numbered and chained without a gap; e1 once
        MongoTimelines timelines = new MongoTimelines(database);
        assertThat(timelines.entries("case-a")).extracting(TimelineEntry::eventId).containsExactly("e1", "e3", "e5");
        assertThat(timelines.entries("case-b")).extracting(TimelineEntry::eventId).containsExactly("e2", "e4", "e6");
        for (String caseId : List.of("case-a", "case-b")) {
            String previousHash = TimelineEntry.GENESIS;
            long sequence = 1;
            for (TimelineEntry entry : timelines.entries(caseId)) {
                assertThat(entry.sequence()).isEqualTo(sequence++);
                assertThat(entry.previousHash()).isEqualTo(previousHash);
                assertThat(entry.hash()).isEqualTo(entry.computedHash());
                previousHash = entry.hash();
            }
        }
    }

    @Test
    void anEventThatCannotBeProjectedLeavesTheEventsBeforeItWritten() {
        // given: an acceptance of an assignment never seen issued, third in its batch
        MongoDatabase database = mongo.fresh();
        Instant at = YearOfEvents.at(LocalDate.of(2023, 5, 4), 9, 0);
        AssignmentIssued seen = issued("asg-a", "case-a", at);
        AssignmentIssued unseen = issued("asg-x", "case-x", at);

        // when
        assertThatThrownBy(() -> inBatches(database, List.of(
                new RecordedEvent("e1", seen),
                new RecordedEvent("e2", accepted(seen, at.plusSeconds(60))),
                new RecordedEvent("e3", accepted(unseen, at.plusSeconds(60))),
                new RecordedEvent("e4", issued("asg-b", "case-b", at))), 10))
                .isInstanceOfSatisfying(EventNotHandled.class, e -> assertThat(e.index()).isEqualTo(2));

        // then
        MongoTimelines timelines = new MongoTimelines(database);
        assertThat(timelines.entries("case-a")).extracting(TimelineEntry::eventId).containsExactly("e1", "e2");
        assertThat(timelines.entries("case-b")).isEmpty();
        assertThat(database.getCollection("assignments").find().map(document -> document.getString("_id"))
                .into(new ArrayList<>())).containsExactly("asg-a");
    }

    private static List<RecordedEvent> year() {
        List<RecordedEvent> events = new ArrayList<>();
        List<DubanEvent> year = YearOfEvents.all();
        for (int i = 0; i < year.size(); i++) {
            events.add(new RecordedEvent("event-" + i, year.get(i)));
        }
        return events;
    }

    private static void inBatches(MongoDatabase database, List<RecordedEvent> events, int size) {
        BatchProjection projection = new BatchProjection(new MongoProjectionWrites(database),
                new TimelineService(new MongoTimelines(database)), YearOfEvents.OFFICE);
        for (int from = 0; from < events.size(); from += size) {
            projection.project(events.subList(from, Math.min(events.size(), from + size)));
        }
    }

    /** Every projection collection by {@code _id}; the counters' {@code applied} as a set (its order is no figure). */
    private static Map<String, List<Document>> stored(MongoDatabase database) {
        Map<String, List<Document>> stored = new TreeMap<>();
        for (String collection : COLLECTIONS) {
            List<Document> documents = database.getCollection(collection).find().sort(Sorts.ascending("_id"))
                    .into(new ArrayList<>());
            documents.forEach(document -> {
                if (document.get("applied") instanceof List<?> applied) {
                    document.put("applied", Set.copyOf(applied));
                }
            });
            stored.put(collection, documents);
        }
        return stored;
    }


    /** The database, whose collections fail their write number {@code failing} (counted in {@code writes}). */
    private static MongoDatabase failingAt(MongoDatabase database, int failing, AtomicInteger writes) {
        return (MongoDatabase) Proxy.newProxyInstance(BatchProjectionIT.class.getClassLoader(),
                new Class<?>[] {MongoDatabase.class}, (proxy, method, args) -> {
                    Object result = invoke(database, method, args);
                    if (method.getName().equals("getCollection")) {
                        MongoCollection<?> collection = (MongoCollection<?>) result;
                        return Proxy.newProxyInstance(BatchProjectionIT.class.getClassLoader(),
                                new Class<?>[] {MongoCollection.class}, (p, m, a) -> {
                                    if (Set.of("bulkWrite", "insertMany", "insertOne", "updateOne", "updateMany",
                                            "findOneAndUpdate", "replaceOne").contains(m.getName())
                                            && writes.incrementAndGet() == failing) {
                                        throw new MongoException("simulated failure of write " + failing);
                                    }
                                    return invoke(collection, m, a);
                                });
                    }
                    return result;
                });
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static CaseRegistered registered(String caseId, Instant at) {
        return new CaseRegistered(caseId, "LETTER", "SELF", "REAL_ESTATE", false, false, List.of(), true, at,
                SUPERVISOR);
    }

    private static AssignmentIssued issued(String assignmentId, String caseId, Instant at) {
        return new AssignmentIssued(assignmentId, caseId, "unit-1", "ASSIGN", "REAL_ESTATE", false, at,
                at.plusSeconds(15 * 86_400), at.plusSeconds(60 * 86_400), SUPERVISOR);
    }

    private static AssignmentAccepted accepted(AssignmentIssued issued, Instant at) {
        return new AssignmentAccepted(issued.assignmentId(), issued.caseId(), issued.unitId(), at, at, true,
                new Actor("li.na", "UNIT", issued.unitId()));
    }
}
