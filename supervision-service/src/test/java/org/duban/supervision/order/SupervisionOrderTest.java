package org.duban.supervision.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.duban.supervision.deadline.DeadlineFixtures.ISSUED_AT;

import java.time.Duration;
import java.time.Instant;

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
                ISSUED_AT, DeadlineFixtures.supervisorActor()).order();
    }

    @Test
    void anOpenedOrderOwesAResponseByItsDeadlineAndSaysSoInItsEvent() {
        SupervisionOrder.Change change = SupervisionOrder.open("ord-1", assignment, OrderTrigger.SHIRKING,
                OrderForm.ON_SITE, null, due, false, ISSUED_AT, DeadlineFixtures.supervisorActor());

        assertThat(change.order().status()).isEqualTo(OrderStatus.OPEN);
        assertThat(change.order().applicableDeadline().orElseThrow().kind()).isEqualTo(DeadlineKind.RESPONSE);
        assertThat(change.event()).isInstanceOfSatisfying(SupervisionOrderOpened.class, event -> {
            assertThat(event.caseId()).isEqualTo("case-asg-1");
            assertThat(event.responseDueAt()).isEqualTo(due);
            assertThat(event.automatic()).isFalse();
        });
    }

    @Test
    void aLateResponseIsMarkedLateAndARejectedOneReopensWithANewDeadlineAndFreshReminders() {
        SupervisionOrder reminded = opened().remind(AlertColour.RED);

        SupervisionOrder.Change responded = reminded.respond("done", due.plusSeconds(1), DeadlineFixtures.unitActor("unit-1"));
        Instant newDue = due.plus(Duration.ofDays(5));
        SupervisionOrder.Change reopened = responded.order().reopen("not enough", newDue, due.plusSeconds(2),
                DeadlineFixtures.supervisorActor());

        assertThat(((SupervisionOrderResponded) responded.event()).late()).isTrue();
        assertThat(responded.order().applicableDeadline()).isEmpty();
        assertThat(reopened.order().status()).isEqualTo(OrderStatus.OPEN);
        assertThat(((SupervisionOrderReopened) reopened.event()).reopenCount()).isEqualTo(1);
        assertThat(DeadlineFixtures.policy().reminderDue(reopened.order().applicableDeadline().orElseThrow(),
                reopened.order().reminded(), newDue.minus(Duration.ofDays(1)))).contains(AlertColour.YELLOW);
    }

    @Test
    void refusesWhatItsStateForbidsNamingTheState() {
        SupervisionOrder closed = opened().close("ok", ISSUED_AT.plusSeconds(5), DeadlineFixtures.supervisorActor()).order();

        assertThatThrownBy(() -> opened().reopen("r", due, ISSUED_AT, DeadlineFixtures.supervisorActor()))
                .isInstanceOf(StateConflict.class).hasMessageContaining("OPEN");
        assertThatThrownBy(() -> closed.respond("late", ISSUED_AT, DeadlineFixtures.unitActor("unit-1")))
                .isInstanceOf(StateConflict.class).hasMessageContaining("CLOSED");
        assertThatThrownBy(() -> closed.close("again", ISSUED_AT, DeadlineFixtures.supervisorActor()))
                .isInstanceOf(StateConflict.class);
        assertThatThrownBy(() -> opened().dismiss("n", ISSUED_AT, DeadlineFixtures.supervisorActor()))
                .isInstanceOf(StateConflict.class).hasMessageContaining("OPEN");
        assertThat(opened().close("ok", ISSUED_AT, DeadlineFixtures.supervisorActor()).event())
                .isInstanceOf(SupervisionOrderClosed.class);
    }

    @Test
    void aProposalIsNotTheUnitsToSeeUntilConfirmedWithTheSameId() {
        SupervisionOrder proposal = SupervisionOrder.propose("ord-2", assignment, ISSUED_AT,
                DeadlineFixtures.supervisorActor()).order();

        SupervisionOrder confirmed = proposal.confirm(OrderForm.LETTER, null, due, ISSUED_AT,
                DeadlineFixtures.supervisorActor()).order();

        assertThat(proposal.visibleToUnit()).isFalse();
        assertThat(proposal.applicableDeadline()).isEmpty();
        assertThat(confirmed.id()).isEqualTo("ord-2");
        assertThat(confirmed.visibleToUnit()).isTrue();
        assertThat(confirmed.automatic()).isTrue();
    }
}
