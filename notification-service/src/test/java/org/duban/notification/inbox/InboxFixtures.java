package org.duban.notification.inbox;

import java.time.Duration;
import java.time.Instant;

import org.duban.contracts.events.AssignmentIssued;
import org.duban.platform.domain.Caller;
import org.duban.platform.testing.MovableClock;

/** Inbox messages, deliveries and callers for tests, at a fixed point in time. */
public final class InboxFixtures {

    public static final Instant T0 = Instant.parse("2026-03-02T01:30:00Z");
    public static final Caller UNIT_1 = Caller.unit("li.na", "unit-1");
    public static final Caller UNIT_2 = Caller.unit("wang.fang", "unit-2");
    public static final Caller SUPERVISOR = Caller.supervisor("zhang.wei");
    public static final Caller LEADER = Caller.leader("chen.jie");

    private InboxFixtures() {
    }

    public static MovableClock clockAtT0() {
        return new MovableClock(T0);
    }

    public static NewMessage assignmentNotice(String eventId, String unitId) {
        return new NewMessage(eventId, AssignmentIssued.TYPE, unitId, "case-" + eventId, "asg-" + eventId,
                "新交办事项：case-" + eventId, "区信访办向你单位交办信访事项 case-" + eventId + "。");
    }

    public static InboxMessage unreadMessage(String eventId, String unitId, Instant deliveredAt) {
        return InboxMessage.deliver(assignmentNotice(eventId, unitId), deliveredAt);
    }

    public static InboxMessage readMessage(String eventId, String unitId, Instant deliveredAt) {
        InboxMessage message = unreadMessage(eventId, unitId, deliveredAt);
        message.acknowledge(UNIT_1.asActor(), deliveredAt.plus(Duration.ofHours(1)));
        return message;
    }
}
