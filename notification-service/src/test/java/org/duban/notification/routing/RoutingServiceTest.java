package org.duban.notification.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.duban.contracts.events.Actor;
import org.duban.contracts.events.AssignmentAccepted;
import org.duban.contracts.events.AssignmentIssued;
import org.duban.contracts.events.UnitRegistered;
import org.duban.notification.inbox.InMemoryInboxMessages;
import org.duban.notification.inbox.InboxMessage;
import org.duban.notification.inbox.InboxService;
import org.duban.notification.template.AssignmentIssuedTemplate;
import org.duban.notification.template.MessageTemplates;
import org.duban.platform.domain.Caller;
import org.duban.platform.domain.PageRequest;
import org.duban.platform.testing.MovableClock;
import org.junit.jupiter.api.Test;

class RoutingServiceTest {

    private static final Instant T0 = Instant.parse("2026-03-02T01:30:00Z");
    private static final Actor SUPERVISOR = new Actor("zhang.wei", "SUPERVISOR", null);

    private final InboxService inbox = new InboxService(new InMemoryInboxMessages(), new MovableClock(T0));
    private final RoutingService routing = new RoutingService(new RoutingRules(),
            new MessageTemplates(List.of(new AssignmentIssuedTemplate(ZoneId.of("Asia/Shanghai")))), inbox);

    @Test
    void tellsTheUnitAnAssignmentWasIssuedToIt() {
        // given
        AssignmentIssued issued = new AssignmentIssued("asg-1", "case-1", "unit-1", "ASSIGN", "REAL_ESTATE", false,
                T0, T0.plusSeconds(15 * 86_400), T0.plusSeconds(60 * 86_400), SUPERVISOR);

        // when
        int told = routing.route("evt-1", issued);

        // then
        assertThat(told).isEqualTo(1);
        assertThat(inboxOf("unit-1")).singleElement().satisfies(message -> {
            assertThat(message.id()).isEqualTo(InboxMessage.idFor("evt-1", "unit-1"));
            assertThat(message.title()).isEqualTo("新交办事项：case-1");
            assertThat(message.sourceEventType()).isEqualTo(AssignmentIssued.TYPE);
            assertThat(message.caseId()).isEqualTo("case-1");
            assertThat(message.assignmentId()).isEqualTo("asg-1");
            assertThat(message.createdAt()).isEqualTo(T0);
        });
        assertThat(inboxOf("unit-2")).isEmpty();
    }

    @Test
    void tellsNobodyTwiceOfTheSameEvent() {
        // given
        AssignmentIssued issued = new AssignmentIssued("asg-1", "case-1", "unit-1", "TRANSFER", "OTHER", false,
                T0, T0.plusSeconds(15 * 86_400), T0.plusSeconds(60 * 86_400), SUPERVISOR);
        routing.route("evt-1", issued);

        // when
        int told = routing.route("evt-1", issued);

        // then
        assertThat(told).isZero();
        assertThat(inboxOf("unit-1")).hasSize(1);
    }

    @Test
    void ignoresEventsThatConcernNoInbox() {
        // when
        int told = routing.route("evt-2", new AssignmentAccepted("asg-1", "case-1", "unit-1", T0, T0, true,
                new Actor("li.na", "UNIT", "unit-1")));
        int toldOfUnit = routing.route("evt-3", new UnitRegistered("unit-1", "SPB-XY", "小龙坎街道办事处",
                "SUB_DISTRICT", List.of(), T0, SUPERVISOR));

        // then
        assertThat(told + toldOfUnit).isZero();
        assertThat(inboxOf("unit-1")).isEmpty();
    }

    private List<InboxMessage> inboxOf(String unitId) {
        return inbox.list(Caller.unit("someone", unitId), false, PageRequest.of(0, 20)).page().items();
    }
}
