package org.duban.reporting.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.duban.contracts.events.Actor;
import org.duban.contracts.events.AssignmentDeadlineRecomputed;
import org.duban.contracts.events.AssignmentIssued;
import org.duban.platform.domain.Caller;
import org.junit.jupiter.api.Test;

/** A provisional deadline and its recount on the matter's timeline. */
class ProvisionalDeadlineTimelineTest {

    private static final Instant ISSUED = Instant.parse("2026-11-20T02:00:00Z");
    private static final Instant DUE = Instant.parse("2027-02-25T16:00:00Z");

    private final TimelineService timelines = new TimelineService(new InMemoryTimelines());

    @Test
    void theTimelineSaysADeadlineWasProvisionalAndHowItsRecountMovedIt() {
        // given
        timelines.record("event-1", new AssignmentIssued("asg-1", "case-1", "unit-1", "ASSIGN", "REAL_ESTATE", false,
                ISSUED, Instant.parse("2026-12-11T16:00:00Z"), DUE, new Actor("zhang.wei", "SUPERVISOR", null), true,
                List.of("RESULT")));

        // when
        timelines.record("event-2", new AssignmentDeadlineRecomputed("asg-1", "case-1", "unit-1",
                Instant.parse("2026-12-11T16:00:00Z"), Instant.parse("2026-12-11T16:00:00Z"), DUE,
                DUE.plusSeconds(86_400), ISSUED, ISSUED, false, List.of(), List.of(2027), ISSUED.plusSeconds(60),
                Actor.system("intake-service")));

        // then
        List<TimelineEntry> entries = timelines.timeline(Caller.supervisor("zhang.wei"), "case-1");
        assertThat(entries).extracting(TimelineEntry::type)
                .containsExactly("duban.assignment.issued.v1", "duban.assignment.deadline-recomputed.v1");
        assertThat(entries.get(0).what()).endsWith("（期限暂定）");
        assertThat(entries.get(1).what()).contains("重新计算期限 asg-1", DUE + " → " + DUE.plusSeconds(86_400))
                .doesNotContain("仍为暂定");
        assertThat(entries.get(1).actorRole()).isEqualTo("SYSTEM");
    }
}
