package org.duban.reporting.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.duban.reporting.statistics.Rate;
import org.junit.jupiter.api.Test;

/** How the report says a rate, in the office's phrasing. */
class NarrativeTest {

    @Test
    void aCountedRateIsSaidWithItsPercentage() {
        assertThat(Narrative.reached("信访事项群众满意率", "达", new Rate(113, 116))).isEqualTo("信访事项群众满意率达97.41%");
        assertThat(Narrative.reached("突出信访矛盾年化解率", "达到", new Rate(57, 62)))
                .isEqualTo("突出信访矛盾年化解率达到91.94%");
    }

    @Test
    void aRateWithNothingCountedIsSaidToBeNotYetAvailableNeverZeroOrDaWu() {
        assertThat(Narrative.reached("信访事项群众满意率", "达", Rate.none())).isEqualTo("信访事项群众满意率暂无");
        assertThat(Narrative.reached("按期办结率", "", new Rate(0, 0))).isEqualTo("按期办结率暂无");
    }
}
