package org.duban.supervision.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.supervision.deadline.DeadlineFixtures.ISSUED_AT;
import static org.duban.supervision.deadline.DeadlineFixtures.acceptedEvent;
import static org.duban.supervision.deadline.DeadlineFixtures.finalReportEvent;
import static org.duban.supervision.deadline.DeadlineFixtures.sentBackEvent;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.duban.contracts.events.Actor;
import org.duban.contracts.events.AssignmentDeadlineRecomputed;
import org.duban.contracts.events.AssignmentIssued;
import org.duban.contracts.events.ReminderIssued;
import org.duban.contracts.events.SupervisionOrderOpened;
import org.duban.platform.testing.MovableClock;
import org.duban.supervision.deadline.Alert;
import org.duban.supervision.deadline.AssignmentReminders;
import org.duban.supervision.deadline.DeadlineFixtures;
import org.duban.supervision.deadline.DeadlineTrackingService;
import org.duban.supervision.deadline.InMemoryTrackedAssignments;
import org.duban.supervision.reminder.AlertColour;
import org.duban.supervision.reminder.AlertPolicy;
import org.duban.supervision.reminder.DeadlineKind;
import org.duban.supervision.reminder.ReminderSweep;
import org.junit.jupiter.api.Test;

/**
 * Urgent assignments (急件) and provisional deadlines (暂定) on the board, with a movable clock: the
 * board's colour is the clock's, not an event's.
 */
class UrgentAndProvisionalDeadlinesTest {

    private final MovableClock clock = DeadlineFixtures.clockAtIssue();
    private final AlertPolicy policy = DeadlineFixtures.policy();
    private final InMemoryTrackedAssignments assignments = new InMemoryTrackedAssignments(policy);
    private final InMemorySupervisionOrders orders = new InMemorySupervisionOrders(policy);
    private final DeadlineTrackingService tracking = new DeadlineTrackingService(assignments);
    private final ReminderSweep sweep = new ReminderSweep(List.of(new AssignmentReminders(assignments, policy,
            new AutomaticOrders(orders, new OverduePolicy(OverduePolicy.Mode.AUTO, OrderForm.LETTER, Duration.ofDays(7))))),
            clock, 3);

    @Test
    void anAssignmentDueInAMinuteTurnsRedByItselfAndTheNextSweepRemindsAndSupervisesIt() {
        // given: 急件 due a minute after its issue, so its acceptance deadline is that minute too
        Instant inAMinute = ISSUED_AT.plusSeconds(60);
        tracking.apply(issued("asg-1", inAMinute, inAMinute, List.of()));
        assertThat(alert("asg-1").colour()).isEqualTo(AlertColour.YELLOW);
        sweep.sweep();

        // when: two minutes pass, and nothing else happens
        clock.advance(Duration.ofMinutes(2));

        // then: red on the board at once, and the next sweep sends the red reminder and opens the order
        assertThat(alert("asg-1").colour()).isEqualTo(AlertColour.RED);
        assertThat(alert("asg-1").overdue()).isTrue();
        assertThat(sweep.sweep().issued()).isEqualTo(1);
        assertThat(ReminderSweepTest.reminders(assignments.events)).extracting(ReminderIssued::colour)
                .containsExactly("YELLOW", "RED");
        assertThat(orders.eventsOfType(SupervisionOrderOpened.TYPE)).hasSize(1);
    }

    @Test
    void theBoardMarksTheApplicableDeadlineWhenIntakeCountedItThroughAProvisionalYear() {
        // given: only the result deadline is provisional
        Instant dueAt = ISSUED_AT.plus(Duration.ofDays(84));
        tracking.apply(issued("asg-1", ISSUED_AT.plus(Duration.ofDays(21)), dueAt, List.of("RESULT", "OBJECTION")));

        // then: the acceptance deadline applies and is official
        assertThat(alert("asg-1").deadlineProvisional()).isFalse();

        // when: accepted, the result deadline applies
        tracking.apply(acceptedEvent("asg-1", "unit-1", ISSUED_AT.plus(Duration.ofDays(1))));

        // then
        assertThat(alert("asg-1").deadlineKind()).isEqualTo(DeadlineKind.RESULT);
        assertThat(alert("asg-1").deadlineProvisional()).isTrue();
    }

    @Test
    void aRecountMovesTheDeadlineEitherWayAndClearsTheMarkOnce() {
        // given
        Instant dueAt = ISSUED_AT.plus(Duration.ofDays(84));
        tracking.apply(issued("asg-1", ISSUED_AT.plus(Duration.ofDays(21)), dueAt, List.of("RESULT")));
        tracking.apply(acceptedEvent("asg-1", "unit-1", ISSUED_AT.plus(Duration.ofDays(1))));
        Instant earlier = dueAt.minus(Duration.ofDays(1));
        AssignmentDeadlineRecomputed recount = new AssignmentDeadlineRecomputed("asg-1", "case-asg-1", "unit-1",
                ISSUED_AT.plus(Duration.ofDays(21)), ISSUED_AT.plus(Duration.ofDays(21)), dueAt, earlier,
                ISSUED_AT.plus(Duration.ofDays(7)), ISSUED_AT.plus(Duration.ofDays(7)), false, List.of(), List.of(2027),
                clock.instant(), Actor.system("intake-service"));

        // when: applied, and delivered again
        tracking.apply(recount);
        tracking.apply(recount);

        // then
        assertThat(alert("asg-1").dueAt()).isEqualTo(earlier);
        assertThat(alert("asg-1").deadlineProvisional()).isFalse();
        assertThat(assignments.find("asg-1").orElseThrow().provisional()).isEmpty();
    }

    @Test
    void aSendBackSetsAnOfficialDeadline() {
        // given
        tracking.apply(issued("asg-1", ISSUED_AT.plus(Duration.ofDays(21)), ISSUED_AT.plus(Duration.ofDays(84)),
                List.of("RESULT")));
        tracking.apply(acceptedEvent("asg-1", "unit-1", ISSUED_AT.plus(Duration.ofDays(1))));
        tracking.apply(finalReportEvent("asg-1", "unit-1", "ASSIGN", ISSUED_AT.plus(Duration.ofDays(84)),
                ISSUED_AT.plus(Duration.ofDays(2))));

        // when
        tracking.apply(sentBackEvent("asg-1", "unit-1", ISSUED_AT.plus(Duration.ofDays(30)),
                ISSUED_AT.plus(Duration.ofDays(3))));

        // then
        assertThat(alert("asg-1").deadlineProvisional()).isFalse();
    }

    private Alert alert(String assignmentId) {
        return Alert.of(assignments.find(assignmentId).orElseThrow(), policy, clock.instant());
    }

    private static AssignmentIssued issued(String assignmentId, Instant acceptanceDueAt, Instant dueAt,
            List<String> provisional) {
        return new AssignmentIssued(assignmentId, "case-" + assignmentId, "unit-1", "ASSIGN", "REAL_ESTATE", false,
                ISSUED_AT, acceptanceDueAt, dueAt, DeadlineFixtures.supervisorActor(), !provisional.isEmpty(),
                provisional);
    }
}
