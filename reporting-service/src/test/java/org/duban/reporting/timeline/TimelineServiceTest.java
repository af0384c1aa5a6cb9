package org.duban.reporting.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.duban.reporting.projection.ProjectionFixtures.assigned;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.duban.contracts.events.AssignmentIssued;
import org.duban.platform.domain.Caller;
import org.duban.platform.domain.Forbidden;
import org.duban.platform.domain.NotFound;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Who reads a matter's timeline and its verification: office staff, never a unit. */
class TimelineServiceTest {

    private static final Caller SUPERVISOR = Caller.supervisor("zhang.wei");
    private static final Caller LEADER = Caller.leader("wang.fang");

    private final TimelineService timelines = new TimelineService(new InMemoryTimelines());
    private String caseId;

    @BeforeEach
    void aMatterAssignedOnce() {
        AssignmentIssued issued = assigned("asg-1", "unit-1", Instant.parse("2026-05-04T01:00:00Z"));
        caseId = issued.caseId();
        timelines.record("event-1", issued);
    }

    @Test
    void aLeaderReadsTheTimelineAndItsVerificationLikeASupervisor() {
        // when
        List<TimelineEntry> byLeader = timelines.timeline(LEADER, caseId);
        TimelineVerification verifiedByLeader = timelines.verify(LEADER, caseId);

        // then
        assertThat(byLeader).isEqualTo(timelines.timeline(SUPERVISOR, caseId));
        assertThat(byLeader).extracting(TimelineEntry::type).containsExactly("duban.assignment.issued.v1");
        assertThat(verifiedByLeader).isEqualTo(timelines.verify(SUPERVISOR, caseId));
        assertThat(verifiedByLeader.firstBrokenSequence()).isNull();
    }

    @Test
    void aUnitOrACallerWithoutARoleIsRefusedEvenForItsOwnMatter() {
        // given
        Caller unit = Caller.unit("li.na", "unit-1");
        Caller nobody = new Caller("someone", Set.of(), null);

        // when / then
        assertThatThrownBy(() -> timelines.timeline(unit, caseId)).isInstanceOf(Forbidden.class);
        assertThatThrownBy(() -> timelines.verify(unit, caseId)).isInstanceOf(Forbidden.class);
        assertThatThrownBy(() -> timelines.timeline(nobody, caseId)).isInstanceOf(Forbidden.class);
    }

    @Test
    void aMatterWithoutEventsHasNoTimelineForALeaderEither() {
        // when / then
        assertThatThrownBy(() -> timelines.timeline(LEADER, "case-never-seen")).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> timelines.verify(LEADER, "case-never-seen")).isInstanceOf(NotFound.class);
    }
}
