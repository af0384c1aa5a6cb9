package org.duban.reporting.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.duban.contracts.events.Actor;
import org.duban.contracts.events.CaseQueryCodeReissued;
import org.duban.platform.domain.Caller;
import org.junit.jupiter.api.Test;

/** A query code issued anew for a lost receipt (查询码补发) is on the matter's timeline: who, when, no code. */
class QueryCodeReissueTimelineTest {

    private final TimelineService timelines = new TimelineService(new InMemoryTimelines());

    @Test
    void aReissuedQueryCodeIsRecordedOnTheTimelineByWhomAndWhenWithoutAnyCode() {
        // given
        Instant at = Instant.parse("2026-12-03T09:15:30Z");
        CaseQueryCodeReissued reissued = new CaseQueryCodeReissued("case-1", at,
                new Actor("zhang.wei", "SUPERVISOR", null));

        // when
        timelines.record("event-1", reissued);
        List<TimelineEntry> timeline = timelines.timeline(Caller.supervisor("li.si"), "case-1");

        // then
        assertThat(timeline).singleElement().satisfies(entry -> {
            assertThat(entry.type()).isEqualTo("duban.case.query-code-reissued.v1");
            assertThat(entry.at()).isEqualTo(at);
            assertThat(entry.what()).isEqualTo("补发查询码（原查询码作废）");
        });
        assertThat(timelines.verify(Caller.supervisor("li.si"), "case-1").firstBrokenSequence()).isNull();
    }
}
