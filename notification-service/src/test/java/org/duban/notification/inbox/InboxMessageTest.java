package org.duban.notification.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.duban.notification.inbox.InboxFixtures.T0;
import static org.duban.notification.inbox.InboxFixtures.UNIT_1;
import static org.duban.notification.inbox.InboxFixtures.assignmentNotice;
import static org.duban.notification.inbox.InboxFixtures.readMessage;
import static org.duban.notification.inbox.InboxFixtures.unreadMessage;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.duban.contracts.events.AssignmentIssued;
import org.duban.contracts.events.NotificationAcknowledged;
import org.duban.platform.domain.StateConflict;
import org.junit.jupiter.api.Test;

class InboxMessageTest {

    @Test
    void derivesTheSameIdFromTheSameEventAndUnit() {
        // when
        String first = InboxMessage.deliver(assignmentNotice("evt-1", "unit-1"), T0).id();
        String again = InboxMessage.deliver(assignmentNotice("evt-1", "unit-1"), T0.plusSeconds(60)).id();

        // then
        assertThat(again).isEqualTo(first).hasSizeLessThanOrEqualTo(64);
        assertThat(InboxMessage.idFor("evt-1", "unit-2")).isNotEqualTo(first);
        assertThat(InboxMessage.idFor("evt-2", "unit-1")).isNotEqualTo(first);
    }

    @Test
    void isDeliveredUnread() {
        // when
        InboxMessage message = InboxMessage.deliver(assignmentNotice("evt-1", "unit-1"), T0);

        // then
        assertThat(message.isAcknowledged()).isFalse();
        assertThat(message.createdAt()).isEqualTo(T0);
        assertThat(message.acknowledgedAt()).isNull();
        assertThat(message.sourceEventId()).isEqualTo("evt-1");
        assertThat(message.sourceEventType()).isEqualTo(AssignmentIssued.TYPE);
    }

    @Test
    void acknowledgingRecordsTheProofOfReceipt() {
        // given
        InboxMessage message = unreadMessage("evt-1", "unit-1", T0);
        Instant at = T0.plus(Duration.ofHours(2));

        // when
        message.acknowledge(UNIT_1.asActor(), at);

        // then
        assertThat(message.acknowledgedAt()).isEqualTo(at);
        assertThat(message.acknowledgedBy()).isEqualTo("li.na");
        assertThat(message.version()).isZero();
        assertThat(message.recordedEvents()).containsExactly(new NotificationAcknowledged(message.id(), "unit-1",
                "case-evt-1", "evt-1", AssignmentIssued.TYPE, T0, at, UNIT_1.asActor()));
    }

    @Test
    void refusesASecondAcknowledgement() {
        // given
        InboxMessage read = readMessage("evt-1", "unit-1", T0);

        // when / then
        assertThatThrownBy(() -> read.acknowledge(UNIT_1.asActor(), T0.plusSeconds(7200)))
                .isInstanceOf(StateConflict.class);
    }

    @Test
    void ordersUnreadFirstThenNewestFirst() {
        // given
        InboxMessage oldUnread = unreadMessage("evt-1", "unit-1", T0);
        InboxMessage newUnread = unreadMessage("evt-2", "unit-1", T0.plusSeconds(60));
        InboxMessage oldRead = readMessage("evt-3", "unit-1", T0.minusSeconds(60));
        InboxMessage newestRead = readMessage("evt-4", "unit-1", T0.plusSeconds(120));
        List<InboxMessage> messages = new ArrayList<>(List.of(oldRead, oldUnread, newestRead, newUnread));

        // when
        messages.sort(InboxMessage.UNREAD_FIRST_NEWEST_FIRST);

        // then
        assertThat(messages).containsExactly(newUnread, oldUnread, newestRead, oldRead);
    }
}
