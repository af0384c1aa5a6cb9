package org.duban.supervision.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.duban.supervision.deadline.DeadlineFixtures.ISSUED_AT;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.duban.contracts.events.DubanEvent;
import org.duban.contracts.events.SupervisionOrderClosed;
import org.duban.contracts.events.SupervisionOrderOpened;
import org.duban.contracts.events.SupervisionOrderReopened;
import org.duban.contracts.events.SupervisionOrderResponded;
import org.duban.platform.domain.StateConflict;
import org.duban.supervision.deadline.DeadlineFixtures;
import org.duban.supervision.deadline.TrackedAssignment;
import org.duban.supervision.reminder.AlertColour;
import org.duban.supervision.reminder.DeadlineKind;
import org.junit.jupiter.api.Test;

class SupervisionOrderTest {

    private final TrackedAssignment assignment = TrackedAssignment.issued(DeadlineFixtures.issue("asg-1", "unit-1"));
    private final Instant due = ISSUED_AT.plus(Duration.ofDays(7));

    private SupervisionOrder opened() {
        return SupervisionOrder.open("ord-1", assignment, OrderTrigger.SHIRKING, OrderForm.ON_SITE, "note", due, false,
                ISSUED_AT, DeadlineFixtures.supervisorActor());
    }

    private static DubanEvent lastEvent(SupervisionOrder order) {
        List<DubanEvent> recorded = order.recordedEvents();
        return recorded.get(recorded.size() - 1);
    }

    @Test
    void anOpenedOrderOwesAResponseByItsDeadlineAndSaysSoInItsEvent() {
        SupervisionOrder order = SupervisionOrder.open("ord-1", assignment, OrderTrigger.SHIRKING,
                OrderForm.ON_SITE, null, due, false, ISSUED_AT, DeadlineFixtures.supervisorActor());

        assertThat(order.status()).isEqualTo(OrderStatus.OPEN);
        assertThat(order.applicableDeadline().orElseThrow().kind()).isEqualTo(DeadlineKind.RESPONSE);
        assertThat(order.recordedEvents()).singleElement().isInstanceOfSatisfying(SupervisionOrderOpened.class, event -> {
            assertThat(event.caseId()).isEqualTo("case-asg-1");
            assertThat(event.responseDueAt()).isEqualTo(due);
            assertThat(event.automatic()).isFalse();
        });
    }

    @Test
    void aLateResponseIsMarkedLateAndARejectedOneReopensWithANewDeadlineAndFreshReminders() {
        SupervisionOrder order = opened();
        order.remind(AlertColour.RED, due.plusSeconds(1));

        order.respond("done", due.plusSeconds(1), DeadlineFixtures.unitActor("unit-1"));
        SupervisionOrderResponded responded = (SupervisionOrderResponded) lastEvent(order);
        assertThat(order.applicableDeadline()).isEmpty();
        Instant newDue = due.plus(Duration.ofDays(5));
        order.reopen("not enough", newDue, due.plusSeconds(2), DeadlineFixtures.supervisorActor());

        assertThat(responded.late()).isTrue();
        assertThat(order.status()).isEqualTo(OrderStatus.OPEN);
        assertThat(((SupervisionOrderReopened) lastEvent(order)).reopenCount()).isEqualTo(1);
        assertThat(DeadlineFixtures.policy().reminderDue(order.applicableDeadline().orElseThrow(),
                order.reminded(), newDue.minus(Duration.ofDays(1)))).contains(AlertColour.YELLOW);
    }

    @Test
    void refusesWhatItsStateForbidsNamingTheState() {
        SupervisionOrder closed = opened();
        closed.close("ok", ISSUED_AT.plusSeconds(5), DeadlineFixtures.supervisorActor());

        assertThatThrownBy(() -> opened().reopen("r", due, ISSUED_AT, DeadlineFixtures.supervisorActor()))
                .isInstanceOf(StateConflict.class).hasMessageContaining("OPEN");
        assertThatThrownBy(() -> closed.respond("late", ISSUED_AT, DeadlineFixtures.unitActor("unit-1")))
                .isInstanceOf(StateConflict.class).hasMessageContaining("CLOSED");
        assertThatThrownBy(() -> closed.close("again", ISSUED_AT, DeadlineFixtures.supervisorActor()))
                .isInstanceOf(StateConflict.class);
        assertThatThrownBy(() -> opened().dismiss("n", ISSUED_AT, DeadlineFixtures.supervisorActor()))
                .isInstanceOf(StateConflict.class).hasMessageContaining("OPEN");
        assertThat(lastEvent(closed)).isInstanceOf(SupervisionOrderClosed.class);
    }

    @Test
    void aProposalIsNotTheUnitsToSeeUntilConfirmedWithTheSameId() {
        SupervisionOrder order = SupervisionOrder.propose("ord-2", assignment, ISSUED_AT,
                DeadlineFixtures.supervisorActor());

        assertThat(order.visibleToUnit()).isFalse();
        assertThat(order.applicableDeadline()).isEmpty();

        order.confirm(OrderForm.LETTER, null, due, ISSUED_AT, DeadlineFixtures.supervisorActor());

        assertThat(order.id()).isEqualTo("ord-2");
        assertThat(order.visibleToUnit()).isTrue();
        assertThat(order.snapshot().origin().automatic()).isTrue();
    }
}
