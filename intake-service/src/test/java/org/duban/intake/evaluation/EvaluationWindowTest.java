package org.duban.intake.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.duban.contracts.events.Actor;
import org.duban.contracts.events.EvaluationRecorded;
import org.duban.platform.domain.InvalidInput;
import org.junit.jupiter.api.Test;

/** 超期未评价: what a matter's evaluations become when the evaluation window closes. */
class EvaluationWindowTest {

    private static final Instant CONCLUDED = Instant.parse("2026-03-02T01:30:00Z");
    private static final EvaluationWindow WINDOW = new EvaluationWindow(Duration.ofDays(30));
    private static final Actor PLATFORM = OverdueUnratedSweep.PLATFORM;

    @Test
    void theWindowClosesThirtyDaysAfterTheFirstConclusion() {
        assertThat(WINDOW.closesAt(CONCLUDED)).isEqualTo(Instant.parse("2026-04-01T01:30:00Z"));
        assertThat(WINDOW.closedForConclusionsUpTo(Instant.parse("2026-04-01T01:30:00Z"))).isEqualTo(CONCLUDED);
        assertThatThrownBy(() -> new EvaluationWindow(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMatterStillUnratedWhenTheWindowClosesIsRecordedAsOverdueUnratedByThePlatform() {
        // given
        CaseEvaluations evaluations = CaseEvaluations.none("case-1");
        Instant closed = WINDOW.closesAt(CONCLUDED);

        // when
        boolean recorded = evaluations.closeWindowUnrated("eva-1", closed, PLATFORM);

        // then
        assertThat(recorded).isTrue();
        assertThat(evaluations.unrated()).isTrue();
        assertThat(evaluations.current()).hasValueSatisfying(current -> {
            assertThat(current.rating()).isEqualTo(Rating.OVERDUE_UNRATED);
            assertThat(current.channel()).isEqualTo(EvaluationChannel.SYSTEM);
            assertThat(current.recordedAt()).isEqualTo(closed);
            assertThat(current.recordedBy()).isEqualTo("intake-service/evaluation-window");
            assertThat(current.comment()).isNull();
        });
        assertThat(evaluations.recordedEvents()).containsExactly(
                new EvaluationRecorded("case-1", "eva-1", "OVERDUE_UNRATED", null, "SYSTEM", closed, PLATFORM));
        assertThat(evaluations.recordedEvents().get(0).actor().role()).isEqualTo(Actor.SYSTEM);
    }

    @Test
    void aMatterRatedBeforeTheWindowClosesIsLeftAsItIs() {
        // given
        CaseEvaluations evaluations = CaseEvaluations.none("case-1");
        evaluations.record("eva-1", new RecordEvaluation("case-1", Rating.BASICALLY_SATISFIED, null),
                EvaluationChannel.PUBLIC, Actor.petitioner(), true, CONCLUDED.plus(Duration.ofDays(3)));
        CaseEvaluations stored = CaseEvaluations.restore(new CaseEvaluationsSnapshot("case-1", evaluations.oldestFirst(), 0));

        // when
        boolean recorded = stored.closeWindowUnrated("eva-2", WINDOW.closesAt(CONCLUDED), PLATFORM);

        // then
        assertThat(recorded).isFalse();
        assertThat(stored.unrated()).isFalse();
        assertThat(stored.oldestFirst()).extracting(Evaluation::id).containsExactly("eva-1");
        assertThat(stored.recordedEvents()).isEmpty();
    }

    @Test
    void aMatterAlreadyRecordedAsUnratedIsNotRecordedTwice() {
        // given
        CaseEvaluations evaluations = CaseEvaluations.none("case-1");
        evaluations.closeWindowUnrated("eva-1", WINDOW.closesAt(CONCLUDED), PLATFORM);

        // when
        boolean again = evaluations.closeWindowUnrated("eva-2", WINDOW.closesAt(CONCLUDED), PLATFORM);

        // then
        assertThat(again).isFalse();
        assertThat(evaluations.oldestFirst()).hasSize(1);
        assertThat(evaluations.recordedEvents()).hasSize(1);
    }

    @Test
    void aLaterRatingByThePetitionerReplacesTheUnratedRecord() {
        // given
        CaseEvaluations unrated = CaseEvaluations.none("case-1");
        unrated.closeWindowUnrated("eva-1", WINDOW.closesAt(CONCLUDED), PLATFORM);
        CaseEvaluations stored = CaseEvaluations.restore(new CaseEvaluationsSnapshot("case-1", unrated.oldestFirst(), 0));
        Instant late = WINDOW.closesAt(CONCLUDED).plus(Duration.ofDays(5));

        // when
        Evaluation rating = stored.record("eva-2", new RecordEvaluation("case-1", Rating.SATISFIED, null),
                EvaluationChannel.PUBLIC, Actor.petitioner(), true, late);

        // then
        assertThat(rating.replacesEvaluationId()).isEqualTo("eva-1");
        assertThat(stored.unrated()).isFalse();
        assertThat(stored.current()).contains(rating);
        assertThat(stored.newestFirst()).extracting(Evaluation::rating)
                .containsExactly(Rating.SATISFIED, Rating.OVERDUE_UNRATED);
        assertThat(stored.recordedEvents()).containsExactly(
                new EvaluationRecorded("case-1", "eva-2", "SATISFIED", "eva-1", "PUBLIC", late, Actor.petitioner()));
    }

    @Test
    void nobodyMayEnterOverdueUnratedThemselves() {
        assertThatThrownBy(() -> new RecordEvaluation("case-1", Rating.OVERDUE_UNRATED, null))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("recorded by the platform only");
        assertThatThrownBy(() -> new PublicEvaluation("ABCD2345EFGH", Rating.OVERDUE_UNRATED, null))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("recorded by the platform only");
    }
}
