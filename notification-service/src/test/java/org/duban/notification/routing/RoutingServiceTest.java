package org.duban.notification.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.duban.contracts.events.Actor;
import org.duban.contracts.events.AssignmentAccepted;
import org.duban.contracts.events.AssignmentIssued;
import org.duban.contracts.events.AssignmentObjected;
import org.duban.contracts.events.RecommendationIssued;
import org.duban.contracts.events.ReminderIssued;
import org.duban.contracts.events.UnitRegistered;
import org.duban.notification.inbox.InMemoryInboxMessages;
import org.duban.notification.inbox.InboxMessage;
import org.duban.notification.inbox.InboxService;
import org.duban.notification.template.TemplateSource;
import org.duban.notification.template.MessageTemplates;
import org.duban.platform.domain.Caller;
import org.duban.platform.domain.PageRequest;
import org.duban.platform.testing.MovableClock;
import org.junit.jupiter.api.Test;

class RoutingServiceTest {

    private static final Instant T0 = Instant.parse("2026-03-02T01:30:00Z");
    private static final Actor SUPERVISOR = new Actor("zhang.wei", "SUPERVISOR", null);

    private final InboxService inbox = new InboxService(new InMemoryInboxMessages(), new MovableClock(T0));
    private final List<InboxMessage> scheduled = new ArrayList<>();
    private final RoutingService routing = new RoutingService(new RoutingRules(),
            new MessageTemplates(new TemplateSource(null), ZoneId.of("Asia/Shanghai")), inbox, List.of(scheduled::add));

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

    @Test
    void handsAUnitsMessageToTheOutboundChannelsEvenWhenTheInboxHadItAlready() {
        // given: a crash after the inbox stored the message and before its channels were scheduled
        AssignmentIssued issued = new AssignmentIssued("asg-1", "case-1", "unit-1", "ASSIGN", "OTHER", false,
                T0, T0.plusSeconds(15 * 86_400), T0.plusSeconds(60 * 86_400), SUPERVISOR);
        routing.route("evt-1", issued);

        // when
        routing.route("evt-1", issued);

        // then
        assertThat(scheduled).hasSize(2).extracting(InboxMessage::id).containsOnly(InboxMessage.idFor("evt-1", "unit-1"));
    }

    @Test
    void tellsTheOfficeOfAUnitsObjectionAndSendsItToNoUnitChannel() {
        // when
        int told = routing.route("evt-4", new AssignmentObjected("asg-1", "case-1", "unit-1", T0,
                new Actor("li.na", "UNIT", "unit-1")));

        // then
        assertThat(told).isEqualTo(1);
        List<InboxMessage> office = inbox.list(Caller.supervisor("zhang.wei"), false, PageRequest.of(0, 20)).page().items();
        assertThat(office).singleElement().satisfies(message -> {
            assertThat(message.unitId()).isEqualTo(InboxMessage.OFFICE);
            assertThat(message.title()).isEqualTo("责任单位提出异议：asg-1");
        });
        assertThat(inboxOf("unit-1")).isEmpty();
        assertThat(scheduled).isEmpty();
    }

    @Test
    void remindsTheUnitOfAnOverdueDeadlineInTheOfficesWords() {
        // when
        routing.route("evt-5", new ReminderIssued("rem-1", "ASSIGNMENT", "asg-1", "RESULT", "RED",
                T0, "case-1", "asg-1", "unit-1", T0, Actor.system("supervision-service")));

        // then
        assertThat(inboxOf("unit-1")).singleElement().satisfies(message -> {
            assertThat(message.title()).isEqualTo("催办（红色预警）：交办事项 asg-1");
            assertThat(message.body()).contains("办结期限为 2026-03-02 09:30").contains("已经逾期");
        });
    }

    @Test
    void aRecommendationToAnOutsideAddresseeTellsNoUnit() {
        // when
        int told = routing.route("evt-6", new RecommendationIssued("rec-1", "IMPROVE_POLICY", null, "区政府",
                null, null, T0, T0, SUPERVISOR));

        // then
        assertThat(told).isZero();
    }

    @Test
    void webhooksMaySubscribeToWhatReachesUnitsButNotToWhatOnlyTheOfficeReads() {
        // when
        RoutingRules rules = new RoutingRules();

        // then
        assertThat(rules.unitEventTypes()).hasSize(12).contains(AssignmentIssued.TYPE, ReminderIssued.TYPE)
                .doesNotContain(AssignmentObjected.TYPE);
        assertThat(rules.routedEventTypes()).hasSize(19).containsAll(rules.unitEventTypes())
                .contains(AssignmentObjected.TYPE).doesNotContain(UnitRegistered.TYPE);
    }

    private List<InboxMessage> inboxOf(String unitId) {
        return inbox.list(Caller.unit("someone", unitId), false, PageRequest.of(0, 20)).page().items();
    }
}
