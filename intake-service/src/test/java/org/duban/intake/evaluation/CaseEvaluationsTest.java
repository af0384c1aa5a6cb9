package org.duban.intake.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.duban.contracts.events.Actor;
import org.duban.contracts.events.EvaluationRecorded;
import org.duban.platform.domain.Conflict;
import org.duban.platform.domain.InvalidInput;
import org.junit.jupiter.api.Test;

class CaseEvaluationsTest {

    private static final Instant T = Instant.parse("2026-03-02T01:30:00Z");
    private static final Actor SUPERVISOR = new Actor("zhang.wei", "SUPERVISOR", null);

    @Test
    void aLaterEvaluationReplacesTheCurrentOneAndBothStayInTheHistory() {
        // given
        CaseEvaluations evaluations = CaseEvaluations.none("case-1");
        evaluations.record("eva-1", new RecordEvaluation("case-1", Rating.DISSATISFIED, "答复不清楚"),
                EvaluationChannel.SUPERVISOR, SUPERVISOR, true, T);

        // when
        Evaluation later = evaluations.record("eva-2", new RecordEvaluation("case-1", Rating.SATISFIED, null),
                EvaluationChannel.PUBLIC, Actor.petitioner(), true, T.plusSeconds(60));

        // then
        assertThat(later.replacesEvaluationId()).isEqualTo("eva-1");
        assertThat(evaluations.current()).contains(later);
        assertThat(evaluations.isCurrent("eva-1")).isFalse();
        assertThat(evaluations.newestFirst()).extracting(Evaluation::id).containsExactly("eva-2", "eva-1");
        assertThat(evaluations.recordedEvents()).containsExactly(
                new EvaluationRecorded("case-1", "eva-1", "DISSATISFIED", null, "SUPERVISOR", T, SUPERVISOR),
                new EvaluationRecorded("case-1", "eva-2", "SATISFIED", "eva-1", "PUBLIC", T.plusSeconds(60),
                        Actor.petitioner()));
    }

    @Test
    void aMatterWithoutAConcludedAssignmentIsNotEvaluatedAndNothingIsRecorded() {
        // given
        CaseEvaluations evaluations = CaseEvaluations.none("case-1");

        // when / then
        assertThatThrownBy(() -> evaluations.record("eva-1", new RecordEvaluation("case-1", Rating.SATISFIED, null),
                EvaluationChannel.SUPERVISOR, SUPERVISOR, false, T))
                .isInstanceOf(Conflict.class).hasMessageContaining("no concluded assignment");
        assertThat(evaluations.oldestFirst()).isEmpty();
        assertThat(evaluations.recordedEvents()).isEmpty();
    }

    @Test
    void aCommentOfMoreThanFiveHundredCharactersIsRefused() {
        assertThatThrownBy(() -> new RecordEvaluation("case-1", Rating.SATISFIED, "评".repeat(501)))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("comment");
        assertThat(new RecordEvaluation("case-1", Rating.SATISFIED, "评".repeat(500)).comment()).hasSize(500);
    }

    @Test
    void theQueryCodeNeverAppearsInThePublicRequestsText() {
        assertThat(new PublicEvaluation("ABCD2345EFGH", Rating.SATISFIED, null).toString())
                .doesNotContain("ABCD2345EFGH");
    }
}
