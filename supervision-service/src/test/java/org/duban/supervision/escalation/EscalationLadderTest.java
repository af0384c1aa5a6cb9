package org.duban.supervision.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.duban.supervision.escalation.EscalationStep.INTERVIEW;
import static org.duban.supervision.escalation.EscalationStep.NOTICE;
import static org.duban.supervision.escalation.EscalationStep.REMINDER;
import static org.duban.supervision.escalation.EscalationStep.SUPERVISION_ORDER;
import static org.duban.supervision.escalation.EscalationStep.WRITTEN_SELF_REVIEW;

import java.util.List;

import org.junit.jupiter.api.Test;

class EscalationLadderTest {

    private final EscalationLadder ladder = new EscalationLadder(
            List.of(REMINDER, SUPERVISION_ORDER, NOTICE, WRITTEN_SELF_REVIEW, INTERVIEW));

    @Test
    void proposesTheStepAfterTheHighestTakenAndNothingPastTheTop() {
        assertThat(ladder.after(null)).isEqualTo(REMINDER);
        assertThat(ladder.after(ladder.highestOf(List.of(NOTICE, REMINDER)))).isEqualTo(WRITTEN_SELF_REVIEW);
        assertThat(ladder.after(INTERVIEW)).isNull();
    }

    @Test
    void stepsOffTheLadderDoNotCountAsReached() {
        assertThat(ladder.highestOf(List.of(EscalationStep.LISTED_SUPERVISION))).isNull();
    }

    @Test
    void refusesAnEmptyLadderOrOneWithAStepTwice() {
        assertThatThrownBy(() -> new EscalationLadder(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EscalationLadder(List.of(NOTICE, NOTICE)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
