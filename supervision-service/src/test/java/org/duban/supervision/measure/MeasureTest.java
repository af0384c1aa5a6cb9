package org.duban.supervision.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.duban.supervision.deadline.DeadlineFixtures.ISSUED_AT;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.duban.contracts.events.DubanEvent;
import org.duban.contracts.events.MeasureRecorded;
import org.duban.contracts.events.MeasureSubmitted;
import org.duban.platform.domain.StateConflict;
import org.duban.supervision.deadline.DeadlineFixtures;
import org.duban.supervision.measure.MeasureSnapshot.Concerns;
import org.duban.supervision.reminder.DeadlineKind;
import org.junit.jupiter.api.Test;

class MeasureTest {

    private final Instant due = ISSUED_AT.plus(Duration.ofDays(10));

    private Measure issued(MeasureKind kind, Instant dueAt, Instant scheduledAt) {
        return Measure.issue("m-1", kind, new Concerns("unit-1", null, null, null), "reason", dueAt, scheduledAt,
                ISSUED_AT, DeadlineFixtures.supervisorActor());
    }

    private static DubanEvent lastEvent(Measure measure) {
        List<DubanEvent> recorded = measure.recordedEvents();
        return recorded.get(recorded.size() - 1);
    }

    @Test
    void aWrittenSelfReviewAwaitsItsSubmissionByTheDueDateAndIsLateAfterIt() {
        Measure review = issued(MeasureKind.WRITTEN_SELF_REVIEW, due, null);

        assertThat(review.status()).isEqualTo(MeasureStatus.AWAITING_SUBMISSION);
        assertThat(review.applicableDeadline().orElseThrow().kind()).isEqualTo(DeadlineKind.SUBMISSION);
        assertThat(review.overdue(due.plusSeconds(1))).isTrue();

        review.submit("检查", due.plusSeconds(1), DeadlineFixtures.unitActor("unit-1"));

        assertThat(review.status()).isEqualTo(MeasureStatus.SUBMITTED);
        assertThat(((MeasureSubmitted) lastEvent(review)).late()).isTrue();
        assertThat(review.applicableDeadline()).isEmpty();
    }

    @Test
    void anInterviewIsScheduledThenRecordedAsHeldAndCannotBeSubmitted() {
        Measure interview = issued(MeasureKind.INTERVIEW, null, due);

        assertThat(interview.status()).isEqualTo(MeasureStatus.SCHEDULED);
        assertThat(interview.applicableDeadline()).isEmpty();
        assertThatThrownBy(() -> interview.submit("x", due, DeadlineFixtures.unitActor("unit-1")))
                .isInstanceOf(StateConflict.class).hasMessageContaining("SCHEDULED");

        interview.record(due, "纪要", due.plusSeconds(60), DeadlineFixtures.supervisorActor());

        assertThat(interview.status()).isEqualTo(MeasureStatus.HELD);
        assertThat(((MeasureRecorded) lastEvent(interview)).heldAt()).isEqualTo(due);
        assertThatThrownBy(() -> interview.record(due, "again", due, DeadlineFixtures.supervisorActor()))
                .isInstanceOf(StateConflict.class).hasMessageContaining("HELD");
    }

    @Test
    void aNoticeAsksNothingMore() {
        Measure notice = issued(MeasureKind.NOTICE, null, null);

        assertThat(notice.status()).isEqualTo(MeasureStatus.ISSUED);
        assertThat(notice.applicableDeadline()).isEmpty();
        assertThatThrownBy(() -> notice.submit("x", ISSUED_AT, DeadlineFixtures.unitActor("unit-1")))
                .isInstanceOf(StateConflict.class).hasMessageContaining("ISSUED");
    }
}
