package org.duban.reporting.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.duban.reporting.projection.CounterTotals;
import org.duban.reporting.projection.LawyerTotals;
import org.duban.reporting.statistics.Figures;
import org.duban.reporting.statistics.MeasureCounts;
import org.duban.reporting.statistics.Period;
import org.duban.reporting.statistics.Rate;
import org.duban.reporting.statistics.Rates;
import org.duban.reporting.statistics.RecommendationCounts;
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

    @Test
    void lawyersPartIsSaidInTheOfficesPhrasingWhenThereIsAny() {
        // when
        List<String> paragraphs = Narrative.paragraphs(2026, figures(3, new LawyerTotals(12, 40, 3, 2)));

        // then
        assertThat(paragraphs).last()
                .isEqualTo("强化律师参与信访工作，全年律师坐班接访12次，接待群众40人次，参与化解矛盾3件，出具法律意见2件。");
        assertThat(Narrative.lawyers(new LawyerTotals(0, 0, 3, 0)))
                .contains("强化律师参与信访工作，全年律师参与化解矛盾3件。");
    }

    @Test
    void noLawyerSentenceWhenNoLawyerTookPartAndUnratedMattersBesideTheParticipationRate() {
        // when
        List<String> none = Narrative.paragraphs(2026, figures(0, LawyerTotals.none()));
        List<String> unrated = Narrative.paragraphs(2026, figures(3, LawyerTotals.none()));

        // then
        assertThat(none).hasSize(4).noneMatch(paragraph -> paragraph.contains("律师"));
        assertThat(none.get(3)).doesNotContain("超期未评价");
        assertThat(unrated.get(3)).contains("群众参评率50.00%（超期未评价3件）");
    }

    private static Figures figures(long unrated, LawyerTotals lawyers) {
        Rates rates = new Rates(Rate.none(), Rate.none(), new Rate(3, 6), new Rate(3, 3), Rate.none(), Rate.none());
        return new Figures(new Period(LocalDate.of(2026, 1, 1), LocalDate.of(2027, 1, 1)), null, 0, 0, 0,
                RecommendationCounts.none(), MeasureCounts.none(), rates, CounterTotals.none(), unrated, lawyers);
    }
}
