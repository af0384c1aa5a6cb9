package org.duban.contracts;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.duban.contracts.events.Actor;
import org.duban.contracts.events.AssignmentAccepted;
import org.duban.contracts.events.AssignmentIssued;
import org.duban.contracts.events.CaseRegistered;
import org.duban.contracts.events.DubanEvent;
import org.duban.contracts.events.NotificationAcknowledged;
import org.duban.contracts.events.UnitContact;
import org.duban.contracts.events.UnitRegistered;

/** One fully populated sample, and one with every optional field empty, per event type. */
final class EventSamples {

    static final Instant T = Instant.parse("2026-03-02T01:30:00Z");
    static final Actor SUPERVISOR = new Actor("zhang.wei", "SUPERVISOR", null);
    static final Actor UNIT = new Actor("li.na", "UNIT", "unit-1");

    static final Map<String, List<DubanEvent>> BY_TYPE = Map.of(
            UnitRegistered.TYPE, List.of(
                    new UnitRegistered("unit-1", "SPB-XY", "小龙坎街道办事处", "SUB_DISTRICT",
                            List.of(new UnitContact("王芳", "信访办主任", "023-6531 0000", "wf@example.org")), T, SUPERVISOR),
                    new UnitRegistered("unit-2", "SPB-ZJ", "区住房城乡建委", "DEPARTMENT",
                            List.of(new UnitContact("赵磊", null, null, null)), T, SUPERVISOR)),
            CaseRegistered.TYPE, List.of(
                    new CaseRegistered("case-1", "ONLINE", "CENTRAL_JOINT_OFFICE", "REAL_ESTATE", true, true,
                            List.of("unit-9"), false, T, SUPERVISOR),
                    new CaseRegistered("case-2", "LETTER", "SELF", "OTHER", false, false, List.of(), true, T, SUPERVISOR)),
            AssignmentIssued.TYPE, List.of(
                    new AssignmentIssued("asg-1", "case-1", "unit-1", "ASSIGN", "REAL_ESTATE", true,
                            T, T.plusSeconds(15 * 86_400), T.plusSeconds(60 * 86_400), SUPERVISOR)),
            AssignmentAccepted.TYPE, List.of(
                    new AssignmentAccepted("asg-1", "case-1", "unit-1", T, T.minusSeconds(3_600), true, UNIT)),
            NotificationAcknowledged.TYPE, List.of(
                    new NotificationAcknowledged("msg-1", "unit-1", "case-1", "evt-1", AssignmentIssued.TYPE, T, T, UNIT),
                    new NotificationAcknowledged("msg-2", "unit-1", null, "evt-2", UnitRegistered.TYPE, T, T, UNIT)));

    private EventSamples() {
    }
}
