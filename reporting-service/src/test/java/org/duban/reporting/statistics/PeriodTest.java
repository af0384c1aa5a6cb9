package org.duban.reporting.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.duban.platform.domain.InvalidInput;
import org.junit.jupiter.api.Test;

class PeriodTest {

    private static final LocalDate NEW_YEAR_2024 = LocalDate.of(2024, 1, 1);

    @Test
    void coversAWholeLeapYear() {
        // when
        Period year = new Period(NEW_YEAR_2024, NEW_YEAR_2024.plusYears(1));

        // then
        assertThat(year.days()).isEqualTo(366);
    }

    @Test
    void coversASingleDay() {
        assertThat(new Period(NEW_YEAR_2024, NEW_YEAR_2024.plusDays(1)).days()).isEqualTo(1);
    }

    @Test
    void refusesMoreThan366Days() {
        assertThatThrownBy(() -> new Period(NEW_YEAR_2024, NEW_YEAR_2024.plusDays(367)))
                .isInstanceOfSatisfying(InvalidInput.class,
                        e -> assertThat(e.problems()).extracting(InvalidInput.FieldProblem::field).containsExactly("to"));
    }

    @Test
    void refusesAPeriodThatDoesNotEndAfterItStarts() {
        assertThatThrownBy(() -> new Period(NEW_YEAR_2024, NEW_YEAR_2024)).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> new Period(NEW_YEAR_2024, NEW_YEAR_2024.minusDays(1)))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("to: must be after from");
    }

    @Test
    void refusesAMissingBound() {
        assertThatThrownBy(() -> new Period(null, NEW_YEAR_2024)).hasMessageContaining("from: is required");
        assertThatThrownBy(() -> new Period(NEW_YEAR_2024, null)).hasMessageContaining("to: is required");
    }
}
