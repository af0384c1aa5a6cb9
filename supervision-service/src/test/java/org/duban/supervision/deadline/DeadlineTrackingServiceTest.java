package org.duban.supervision.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.duban.supervision.deadline.DeadlineFixtures.ISSUED_AT;
import static org.duban.supervision.deadline.DeadlineFixtures.acceptedEvent;
import static org.duban.supervision.deadline.DeadlineFixtures.issuedEvent;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.duban.contracts.events.Actor;
import org.duban.contracts.events.CaseRegistered;
import org.junit.jupiter.api.Test;

/** Intake's facts turned into tracked deadlines, whatever their repetitions and order. */
class DeadlineTrackingServiceTest {

    private static final Instant ACCEPTED_AT = ISSUED_AT.plus(Duration.ofDays(1));

    private final InMemoryTrackedAssignments assignments = new InMemoryTrackedAssignments();
    private final DeadlineTrackingService tracking = new DeadlineTrackingService(assignments);

    @Test
    void startsTrackingAnIssuedAssignmentAtItsAcceptanceDeadline() {
        // when
        tracking.apply(issuedEvent("asg-1", "unit-1"));

        // then
        TrackedAssignment tracked = assignments.find("asg-1").orElseThrow();
        assertThat(tracked.status()).isEqualTo(TrackingStatus.ASSIGNED);
        assertThat(tracked.unitId()).isEqualTo("unit-1");
        assertThat(tracked.caseId()).isEqualTo("case-asg-1");
        assertThat(tracked.kind()).isEqualTo(AssignmentKind.ASSIGN);
        assertThat(tracked.applicableDeadline().orElseThrow().kind()).isEqualTo(DeadlineKind.ACCEPTANCE);
    }

    @Test
    void aRedeliveredIssueOrAcceptanceChangesNothing() {
        // given
        tracking.apply(issuedEvent("asg-1", "unit-1"));
        tracking.apply(acceptedEvent("asg-1", "unit-1", ACCEPTED_AT));
        TrackedAssignment before = assignments.find("asg-1").orElseThrow();

        // when
        tracking.apply(issuedEvent("asg-1", "unit-1"));
        tracking.apply(acceptedEvent("asg-1", "unit-1", ACCEPTED_AT));

        // then
        assertThat(assignments.find("asg-1")).contains(before);
        assertThat(assignments.saves).isEqualTo(2);
    }

    @Test
    void anAcceptanceBeforeItsIssueIsKeptAndTheIssueCompletesIt() {
        // given
        tracking.apply(acceptedEvent("asg-1", "unit-1", ACCEPTED_AT));

        // when
        tracking.apply(issuedEvent("asg-1", "unit-1"));

        // then
        TrackedAssignment tracked = assignments.find("asg-1").orElseThrow();
        assertThat(tracked.status()).isEqualTo(TrackingStatus.ACCEPTED);
        assertThat(tracked.acceptedAt()).isEqualTo(ACCEPTED_AT);
        assertThat(tracked.applicableDeadline().orElseThrow().kind()).isEqualTo(DeadlineKind.RESULT);
    }

    @Test
    void anIssueWithoutDeadlinesIsMalformedAndStoresNothing() {
        // when / then
        assertThatThrownBy(() -> tracking.apply(issuedEvent("asg-1", "unit-1", null, null)))
                .isInstanceOf(MalformedEvent.class)
                .hasMessageContaining("acceptanceDueAt");
        assertThat(assignments.find("asg-1")).isEmpty();
    }

    @Test
    void anIssueOfAnUnknownKindIsMalformed() {
        // given
        var event = issuedEvent("asg-1", "unit-1");
        var unknownKind = new org.duban.contracts.events.AssignmentIssued(event.assignmentId(), event.caseId(),
                event.unitId(), "DELEGATE", event.category(), false, event.issuedAt(), event.acceptanceDueAt(),
                event.dueAt(), event.actor());

        // when / then
        assertThatThrownBy(() -> tracking.apply(unknownKind)).isInstanceOf(MalformedEvent.class);
    }

    @Test
    void ignoresIntakeEventsThatDoNotConcernDeadlines() {
        // when
        tracking.apply(new CaseRegistered("case-1", "LETTER", "SELF", "REAL_ESTATE", false, false, List.of(), true,
                ISSUED_AT, new Actor("zhang.wei", "SUPERVISOR", null)));

        // then
        assertThat(assignments.saves).isZero();
    }
}
