package org.duban.supervision.deadline.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.duban.supervision.deadline.DeadlineFixtures.ACCEPTANCE_DUE;
import static org.duban.supervision.deadline.DeadlineFixtures.ISSUED_AT;
import static org.duban.supervision.deadline.DeadlineFixtures.RESULT_DUE;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.bson.Document;
import org.duban.platform.domain.Page;
import org.duban.platform.domain.PageRequest;
import org.duban.platform.events.PendingEvents;
import org.duban.platform.outbox.AggregateWriter;
import org.duban.platform.outbox.OutboxProperties;
import org.duban.platform.outbox.OutboxRelay;
import org.duban.platform.testing.FreshDatabases;
import org.duban.supervision.deadline.AssignmentKind;
import org.duban.supervision.deadline.DeadlineFixtures;
import org.duban.supervision.deadline.Issue;
import org.duban.supervision.deadline.OpenAssignmentsQuery;
import org.duban.supervision.deadline.TrackedAssignment;
import org.duban.supervision.deadline.TrackingStatus;
import org.duban.supervision.reminder.AlertColour;
import org.duban.supervision.reminder.AlertPolicy;
import org.duban.supervision.reminder.DeadlineKind;
import org.duban.supervision.reminder.DeadlineRange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code tracked_assignments} on the Mongo-wire store: mapping, versions, the board's query. */
class MongoTrackedAssignmentsIT {

    @RegisterExtension
    static final FreshDatabases mongo = new FreshDatabases("tracked");

    private MongoDatabase database;
    private MongoTrackedAssignments assignments;

    @BeforeEach
    void freshDatabase() {
        database = mongo.fresh();
        OutboxRelay relay = new OutboxRelay(database, event -> { },
                new OutboxProperties(false, List.of(MongoTrackedAssignments.COLLECTION), Duration.ofSeconds(1),
                        Duration.ofSeconds(30), 100, Duration.ZERO),
                Clock.systemUTC(), new SimpleMeterRegistry());
        assignments = new MongoTrackedAssignments(database, new AggregateWriter(relay),
                new PendingEvents(Clock.systemUTC()), DeadlineFixtures.policy());
    }

    @Test
    void storesAnIssuedAssignmentWithItsAcceptanceDeadlineAsTheNextOne() {
        // when
        assignments.save(TrackedAssignment.issued(DeadlineFixtures.issue("asg-1", "unit-1")));

        // then
        Document stored = database.getCollection("tracked_assignments").find().first();
        assertThat(stored.getString("_id")).isEqualTo("asg-1");
        assertThat(stored.getString("status")).isEqualTo("ASSIGNED");
        assertThat(stored.getString("assignmentKind")).isEqualTo("ASSIGN");
        assertThat(stored.getDate("nextDeadlineAt").toInstant()).isEqualTo(ACCEPTANCE_DUE);
        assertThat(stored.getDate("trackedSince").toInstant()).isEqualTo(ISSUED_AT);
        assertThat(stored).doesNotContainKey("acceptedAt");
        assertThat(assignments.find("asg-1")).get().extracting(TrackedAssignment::version).isEqualTo(0L);
    }

    @Test
    void keepsTheProvisionalMarksOfTheDeadlinesAndTheirRecount() {
        // given: the result deadline counted through a provisional calendar year
        assignments.save(TrackedAssignment.issued(new Issue("asg-1", "case-asg-1", "unit-1", AssignmentKind.ASSIGN,
                ISSUED_AT, ACCEPTANCE_DUE, RESULT_DUE, Set.of(DeadlineKind.RESULT))));
        assertThat(assignments.find("asg-1").orElseThrow().provisional()).containsExactly(DeadlineKind.RESULT);

        // when: counted again on the official year, a day later and no longer provisional
        assignments.save(assignments.find("asg-1").orElseThrow()
                .recount(ACCEPTANCE_DUE, RESULT_DUE.plus(Duration.ofDays(1)), Set.of()));

        // then
        TrackedAssignment read = assignments.find("asg-1").orElseThrow();
        assertThat(read.provisional()).isEmpty();
        assertThat(read.dueAt()).isEqualTo(RESULT_DUE.plus(Duration.ofDays(1)));
        assertThat(database.getCollection("tracked_assignments").find().first()
                .getList("provisionalDeadlines", String.class)).isEmpty();
    }

    @Test
    void movesTheNextDeadlineToTheResultOnceAccepted() {
        // given
        assignments.save(TrackedAssignment.issued(DeadlineFixtures.issue("asg-1", "unit-1")));
        Instant acceptedAt = ISSUED_AT.plus(Duration.ofDays(1));

        // when
        assignments.save(assignments.find("asg-1").orElseThrow().accept(acceptedAt));

        // then
        TrackedAssignment read = assignments.find("asg-1").orElseThrow();
        assertThat(read.status()).isEqualTo(TrackingStatus.ACCEPTED);
        assertThat(read.acceptedAt()).isEqualTo(acceptedAt);
        assertThat(read.version()).isEqualTo(1L);
        Document stored = database.getCollection("tracked_assignments").find().first();
        assertThat(stored.getDate("nextDeadlineAt").toInstant()).isEqualTo(RESULT_DUE);
    }

    @Test
    void keepsAWaitingAcceptanceOffTheBoardUntilItsIssueCompletesIt() {
        // given
        assignments.save(TrackedAssignment.acceptedBeforeIssue("asg-1", "case-asg-1", "unit-1", ISSUED_AT));
        OpenAssignmentsQuery everything = new OpenAssignmentsQuery(null, DeadlineRange.any(), PageRequest.of(0, 20));
        Page<TrackedAssignment> whileWaiting = assignments.open(everything);

        // when
        assignments.save(assignments.find("asg-1").orElseThrow().issue(DeadlineFixtures.issue("asg-1", "unit-1")));

        // then
        assertThat(whileWaiting.items()).isEmpty();
        assertThat(assignments.open(everything).items()).extracting(TrackedAssignment::status)
                .containsExactly(TrackingStatus.ACCEPTED);
    }

    @Test
    void removesTheNextDeadlineOfAClosedAssignmentSoThatItMatchesNoColour() {
        // given: one of each state, all with deadlines long past (every open one is RED)
        Instant now = RESULT_DUE.plus(Duration.ofDays(100));
        Instant acceptedAt = ISSUED_AT.plus(Duration.ofDays(1));
        assignments.save(TrackedAssignment.issued(DeadlineFixtures.issue("asg-objected", "unit-1")).object());
        assignments.save(TrackedAssignment.issued(DeadlineFixtures.issue("asg-reported", "unit-1")));
        assignments.save(assignments.find("asg-reported").orElseThrow().accept(acceptedAt));
        assignments.save(assignments.find("asg-reported").orElseThrow().report());
        assignments.save(TrackedAssignment.issued(DeadlineFixtures.issue("asg-cancelled", "unit-1")));
        assignments.save(assignments.find("asg-cancelled").orElseThrow().close(TrackingStatus.CANCELLED));
        assignments.save(TrackedAssignment.closedBeforeIssue("asg-early", "case-asg-early", "unit-1",
                TrackingStatus.CONCLUDED));
        AlertPolicy policy = DeadlineFixtures.policy();

        // when
        List<String> onTheBoard = new ArrayList<>();
        for (AlertColour colour : AlertColour.values()) {
            assignments.open(new OpenAssignmentsQuery("unit-1", policy.deadlinesColoured(colour, now),
                    PageRequest.of(0, 20))).items().forEach(assignment -> onTheBoard.add(assignment.assignmentId()));
        }
        Page<TrackedAssignment> all = assignments.open(new OpenAssignmentsQuery(null, DeadlineRange.any(),
                PageRequest.of(0, 20)));

        // then
        assertThat(onTheBoard).containsExactly("asg-objected");
        assertThat(all.items()).extracting(TrackedAssignment::assignmentId).containsExactly("asg-objected");
        assertThat(all.totalElements()).isEqualTo(1);
        for (String id : List.of("asg-reported", "asg-cancelled", "asg-early")) {
            Document stored = database.getCollection("tracked_assignments").find(new Document("_id", id)).first();
            assertThat(stored).as(id).doesNotContainKey("nextDeadlineAt");
        }
        assertThat(assignments.find("asg-reported").orElseThrow().status()).isEqualTo(TrackingStatus.REPORTED);
        assertThat(assignments.find("asg-cancelled").orElseThrow().version()).isEqualTo(1L);
        assertThat(assignments.find("asg-early").orElseThrow().issueSeen()).isFalse();
    }

    @Test
    void aSendBackPutsTheNewDeadlineBackAsTheNextOne() {
        // given
        Instant newDueAt = RESULT_DUE.plus(Duration.ofDays(20));
        assignments.save(TrackedAssignment.issued(DeadlineFixtures.issue("asg-1", "unit-1")));
        assignments.save(assignments.find("asg-1").orElseThrow().accept(ISSUED_AT.plus(Duration.ofDays(1))));
        assignments.save(assignments.find("asg-1").orElseThrow().report());

        // when
        assignments.save(assignments.find("asg-1").orElseThrow().sendBack(newDueAt));

        // then
        Document stored = database.getCollection("tracked_assignments").find().first();
        assertThat(stored.getString("status")).isEqualTo("ACCEPTED");
        assertThat(stored.getDate("nextDeadlineAt").toInstant()).isEqualTo(newDueAt);
        assertThat(stored.getDate("dueAt").toInstant()).isEqualTo(newDueAt);
    }

    @Test
    void storesWhenTheNextReminderFallsDueAndSelectsOnItAlone() {
        // given
        assignments.save(TrackedAssignment.issued(DeadlineFixtures.issue("asg-1", "unit-1")));
        Instant yellowFrom = ACCEPTANCE_DUE.minus(DeadlineFixtures.YELLOW_WINDOW);

        // then: due from the start of the yellow window
        assertThat(database.getCollection("tracked_assignments").find().first().getDate("nextCheckAt").toInstant())
                .isEqualTo(yellowFrom);
        assertThat(assignments.dueForReminder(yellowFrom.minusMillis(1), 10)).isEmpty();
        assertThat(assignments.dueForReminder(yellowFrom, 10)).containsExactly("asg-1");

        // when: reminded yellow, then red
        TrackedAssignment yellow = assignments.find("asg-1").orElseThrow().remind(AlertColour.YELLOW);
        assertThat(assignments.saveIfUnchanged(yellow, List.of())).isTrue();
        assertThat(assignments.dueForReminder(ACCEPTANCE_DUE, 10)).isEmpty();
        assertThat(assignments.dueForReminder(ACCEPTANCE_DUE.plusMillis(1), 10)).containsExactly("asg-1");
        TrackedAssignment red = assignments.find("asg-1").orElseThrow().remind(AlertColour.RED);
        assertThat(assignments.saveIfUnchanged(red, List.of())).isTrue();

        // then: nothing more is due, and the field is gone
        assertThat(assignments.dueForReminder(ACCEPTANCE_DUE.plus(Duration.ofDays(100)), 10)).isEmpty();
        assertThat(database.getCollection("tracked_assignments").find().first()).doesNotContainKey("nextCheckAt");
        assertThat(assignments.find("asg-1").orElseThrow().reminded().colour()).isEqualTo(AlertColour.RED);
    }

    @Test
    void refusesToOverwriteANewerVersion() {
        // given
        assignments.save(TrackedAssignment.issued(DeadlineFixtures.issue("asg-1", "unit-1")));
        TrackedAssignment readByTwo = assignments.find("asg-1").orElseThrow();
        assignments.save(readByTwo.accept(ISSUED_AT.plus(Duration.ofDays(1))));

        // when / then
        assertThat(assignments.saveIfUnchanged(readByTwo.accept(ISSUED_AT.plus(Duration.ofDays(2))), List.of()))
                .isFalse();
        assertThat(assignments.saveIfUnchanged(TrackedAssignment.issued(DeadlineFixtures.issue("asg-1", "unit-1")),
                List.of())).isFalse();
        assertThatThrownBy(() -> assignments.save(readByTwo.accept(ISSUED_AT.plus(Duration.ofDays(2)))))
                .isInstanceOf(IllegalStateException.class);
        assertThat(assignments.find("asg-1").orElseThrow().acceptedAt()).isEqualTo(ISSUED_AT.plus(Duration.ofDays(1)));
    }

    @Test
    void selectsAndPagesOneColourByTheApplicableDeadlineMostUrgentFirst() {
        // given: five assignments of unit-1 whose acceptance deadlines are 1 to 5 days away, one of unit-2
        Instant now = ISSUED_AT;
        for (int day = 5; day >= 1; day--) {
            String id = "asg-" + day;
            assignments.save(TrackedAssignment.issued(DeadlineFixtures.issueDueForAcceptanceAt(id, "unit-1",
                    now.plus(Duration.ofDays(day)))));
        }
        assignments.save(TrackedAssignment.issued(DeadlineFixtures.issueDueForAcceptanceAt("other", "unit-2",
                now.plus(Duration.ofDays(1)))));
        DeadlineRange yellow = new AlertPolicy(Duration.ofDays(3)).deadlinesColoured(AlertColour.YELLOW, now);

        // when
        Page<TrackedAssignment> first = assignments.open(new OpenAssignmentsQuery("unit-1", yellow, PageRequest.of(0, 2)));
        Page<TrackedAssignment> second = assignments.open(new OpenAssignmentsQuery("unit-1", yellow, PageRequest.of(1, 2)));

        // then: days 1, 2 and 3 are yellow, 4 and 5 green
        assertThat(first.items()).extracting(TrackedAssignment::assignmentId).containsExactly("asg-1", "asg-2");
        assertThat(second.items()).extracting(TrackedAssignment::assignmentId).containsExactly("asg-3");
        assertThat(first.totalElements()).isEqualTo(3);
    }

    @Test
    void countsTheOpenAssignmentsOfEachColourAsTheBoardSelectsThemLeavingClosedOnesOut() {
        // given: unit-1 with deadlines 1 to 5 days away and one past, a reported one; unit-2 with one
        Instant now = ISSUED_AT;
        for (int day = -1; day <= 5; day++) {
            if (day != 0) {
                assignments.save(TrackedAssignment.issued(DeadlineFixtures.issueDueForAcceptanceAt("asg-" + day,
                        "unit-1", now.plus(Duration.ofDays(day)))));
            }
        }
        assignments.save(TrackedAssignment.issued(DeadlineFixtures.issue("asg-reported", "unit-1")));
        assignments.save(assignments.find("asg-reported").orElseThrow().accept(ISSUED_AT.plus(Duration.ofDays(1))));
        assignments.save(assignments.find("asg-reported").orElseThrow().report());
        assignments.save(TrackedAssignment.issued(DeadlineFixtures.issueDueForAcceptanceAt("other", "unit-2",
                now.plus(Duration.ofDays(1)))));
        AlertPolicy policy = new AlertPolicy(Duration.ofDays(3));

        // when
        List<Long> ofUnit = new ArrayList<>();
        List<Long> ofAll = new ArrayList<>();
        for (AlertColour colour : List.of(AlertColour.GREEN, AlertColour.YELLOW, AlertColour.RED)) {
            DeadlineRange range = policy.deadlinesColoured(colour, now);
            ofUnit.add(assignments.countOpen("unit-1", range));
            ofAll.add(assignments.countOpen(null, range));
            assertThat(assignments.countOpen("unit-1", range)).as(colour.name()).isEqualTo(assignments.open(
                    new OpenAssignmentsQuery("unit-1", range, PageRequest.of(0, 1))).totalElements());
        }

        // then: days 4 and 5 green, 1 to 3 yellow, -1 red; the reported one is on no board
        assertThat(ofUnit).containsExactly(2L, 3L, 1L);
        assertThat(ofAll).containsExactly(2L, 4L, 1L);
        assertThat(assignments.countOpen("unit-1", DeadlineRange.any())).isEqualTo(6);
    }

    @Test
    void breaksTiesOfTheSameDeadlineByAssignmentId() {
        // given
        for (String id : List.of("asg-c", "asg-a", "asg-b")) {
            assignments.save(TrackedAssignment.issued(DeadlineFixtures.issue(id, "unit-1")));
        }

        // when
        Page<TrackedAssignment> page = assignments.open(new OpenAssignmentsQuery(null, DeadlineRange.any(),
                PageRequest.of(0, 20)));

        // then
        assertThat(page.items()).extracting(TrackedAssignment::assignmentId).containsExactly("asg-a", "asg-b", "asg-c");
    }

    @Test
    void createsTheIndexesTheBoardAndTheSweepsRunOn() {
        // when
        List<String> names = database.getCollection("tracked_assignments").listIndexes()
                .map(index -> index.getString("name")).into(new ArrayList<>());

        // then
        assertThat(names).contains("next_deadline", "unit_next_deadline");
    }
}
