package org.duban.notification.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.duban.notification.inbox.InboxFixtures.LEADER;
import static org.duban.notification.inbox.InboxFixtures.SUPERVISOR;
import static org.duban.notification.inbox.InboxFixtures.T0;
import static org.duban.notification.inbox.InboxFixtures.UNIT_1;
import static org.duban.notification.inbox.InboxFixtures.UNIT_2;
import static org.duban.notification.inbox.InboxFixtures.assignmentNotice;

import java.time.Duration;
import java.time.Instant;

import org.duban.platform.domain.Forbidden;
import org.duban.platform.domain.InvalidInput;
import org.duban.platform.domain.NotFound;
import org.duban.platform.domain.PageRequest;
import org.duban.platform.testing.MovableClock;
import org.junit.jupiter.api.Test;

class InboxServiceTest {

    private final MovableClock clock = InboxFixtures.clockAtT0();
    private final InMemoryInboxMessages messages = new InMemoryInboxMessages();
    private final InboxService inbox = new InboxService(messages, clock);

    @Test
    void deliversAnEventToAUnitOnlyOnce() {
        // given
        assertThat(inbox.deliver(assignmentNotice("evt-1", "unit-1")).first()).isTrue();
        clock.advance(Duration.ofMinutes(5));

        // when
        InboxService.Told again = inbox.deliver(assignmentNotice("evt-1", "unit-1"));

        // then
        assertThat(again.first()).isFalse();
        assertThat(again.message().createdAt()).isEqualTo(T0);
        assertThat(messages.size()).isEqualTo(1);
        assertThat(inbox.list(UNIT_1, false, PageRequest.of(0, 20)).page().items())
                .singleElement().satisfies(message -> assertThat(message.createdAt()).isEqualTo(T0));
    }

    @Test
    void listsTheUnitsOwnMessagesUnreadFirstThenNewestFirst() {
        // given
        String first = deliverAt("evt-1", "unit-1", T0);
        String second = deliverAt("evt-2", "unit-1", T0.plusSeconds(60));
        String third = deliverAt("evt-3", "unit-1", T0.plusSeconds(120));
        deliverAt("evt-4", "unit-2", T0.plusSeconds(180));
        inbox.acknowledge(UNIT_1, third);

        // when
        InboxListing listing = inbox.list(UNIT_1, false, PageRequest.of(0, 20));

        // then
        assertThat(listing.page().items()).extracting(InboxMessage::id).containsExactly(second, first, third);
        assertThat(listing.page().totalElements()).isEqualTo(3);
        assertThat(listing.unread()).isEqualTo(2);
    }

    @Test
    void listsOnlyUnreadMessagesWhenAsked() {
        // given
        String first = deliverAt("evt-1", "unit-1", T0);
        String second = deliverAt("evt-2", "unit-1", T0.plusSeconds(60));
        inbox.acknowledge(UNIT_1, second);

        // when
        InboxListing listing = inbox.list(UNIT_1, true, PageRequest.of(0, 20));

        // then
        assertThat(listing.page().items()).extracting(InboxMessage::id).containsExactly(first);
        assertThat(listing.unread()).isEqualTo(1);
    }

    @Test
    void pagesThroughTheInbox() {
        // given
        for (int i = 0; i < 5; i++) {
            deliverAt("evt-" + i, "unit-1", T0.plusSeconds(i));
        }

        // when
        InboxListing second = inbox.list(UNIT_1, false, PageRequest.of(1, 2));

        // then
        assertThat(second.page().items()).extracting(InboxMessage::sourceEventId).containsExactly("evt-2", "evt-1");
        assertThat(second.page().totalPages()).isEqualTo(3);
    }

    @Test
    void refusesLeadersTheInbox() {
        // when / then
        assertThatThrownBy(() -> inbox.list(LEADER, false, PageRequest.of(0, 20))).isInstanceOf(Forbidden.class);
        assertThatThrownBy(() -> inbox.acknowledge(LEADER, "any")).isInstanceOf(Forbidden.class);
    }

    @Test
    void aSupervisorReadsAndAcknowledgesTheOfficeInboxButNoUnits() {
        // given
        inbox.deliver(assignmentNotice("evt-1", InboxMessage.OFFICE));
        inbox.deliver(assignmentNotice("evt-2", "unit-1"));
        String unitMessage = InboxMessage.idFor("evt-2", "unit-1");

        // when
        InboxListing office = inbox.list(SUPERVISOR, false, PageRequest.of(0, 20));
        InboxMessage acknowledged = inbox.acknowledge(SUPERVISOR, InboxMessage.idFor("evt-1", InboxMessage.OFFICE));

        // then
        assertThat(office.page().items()).extracting(InboxMessage::sourceEventId).containsExactly("evt-1");
        assertThat(acknowledged.acknowledgedBy()).isEqualTo(SUPERVISOR.subject());
        assertThatThrownBy(() -> inbox.acknowledge(SUPERVISOR, unitMessage)).isInstanceOf(NotFound.class);
    }

    @Test
    void refusesAPageSizeOutOfRange() {
        // when / then
        assertThatThrownBy(() -> inbox.list(UNIT_1, false, PageRequest.of(0, 0))).isInstanceOf(InvalidInput.class);
    }

    @Test
    void acknowledgingRecordsTheFirstAcknowledgementOnce() {
        // given
        String id = deliverAt("evt-1", "unit-1", T0);
        clock.advance(Duration.ofHours(1));

        // when
        InboxMessage first = inbox.acknowledge(UNIT_1, id);
        clock.advance(Duration.ofHours(1));
        InboxMessage second = inbox.acknowledge(UNIT_1, id);

        // then
        assertThat(first.acknowledgedAt()).isEqualTo(T0.plus(Duration.ofHours(1)));
        assertThat(second.acknowledgedAt()).isEqualTo(first.acknowledgedAt());
        assertThat(messages.published()).singleElement().satisfies(event -> {
            assertThat(event.messageId()).isEqualTo(id);
            assertThat(event.deliveredAt()).isEqualTo(T0);
            assertThat(event.acknowledgedAt()).isEqualTo(T0.plus(Duration.ofHours(1)));
            assertThat(event.actor()).isEqualTo(UNIT_1.asActor());
        });
    }

    @Test
    void answersTheWinnersAcknowledgementWhenAConcurrentOneWasStoredFirst() {
        // given
        String id = deliverAt("evt-1", "unit-1", T0);
        messages.beforeNextStore(() -> inbox.acknowledge(UNIT_1, id));

        // when
        InboxMessage answered = inbox.acknowledge(UNIT_1, id);

        // then
        assertThat(answered.isAcknowledged()).isTrue();
        assertThat(messages.published()).hasSize(1);
    }

    @Test
    void hidesAnotherUnitsMessageLikeAMissingOne() {
        // given
        String id = deliverAt("evt-1", "unit-1", T0);

        // when / then
        assertThatThrownBy(() -> inbox.acknowledge(UNIT_2, id))
                .isInstanceOf(NotFound.class).hasMessage("inbox message " + id + " was not found");
        assertThatThrownBy(() -> inbox.acknowledge(UNIT_2, "no-such-message"))
                .isInstanceOf(NotFound.class).hasMessage("inbox message no-such-message was not found");
        assertThat(messages.published()).isEmpty();
        assertThat(inbox.list(UNIT_2, false, PageRequest.of(0, 20)).page().items()).isEmpty();
    }

    private String deliverAt(String eventId, String unitId, Instant at) {
        MovableClock deliveryClock = new MovableClock(at);
        new InboxService(messages, deliveryClock).deliver(assignmentNotice(eventId, unitId));
        return InboxMessage.idFor(eventId, unitId);
    }
}
