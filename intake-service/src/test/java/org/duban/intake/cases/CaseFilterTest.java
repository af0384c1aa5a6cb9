package org.duban.intake.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.duban.intake.cases.CaseFixtures.FEBRUARY_LAST_LATE;
import static org.duban.intake.cases.CaseFixtures.MARCH_FIRST_EARLY;
import static org.duban.intake.cases.CaseFixtures.OFFICE;
import static org.duban.intake.cases.CaseFixtures.matter;
import static org.duban.intake.cases.CaseFixtures.text;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

import org.duban.platform.domain.InvalidInput;
import org.junit.jupiter.api.Test;

/** What the filters of the matters' list mean, and which filters are refused (naming the field). */
class CaseFilterTest {

    @Test
    void findsTheTextInTheTitleIgnoringCaseAndLiterallyOrAWholeMatterId() {
        // given
        PetitionCase lift = matter("case-1", "Lift (Phase 1) 加装电梯纠纷", MARCH_FIRST_EARLY);
        String title = lift.details().title();

        // when / then
        assertThat(text("lift").textMatches(lift.id(), title)).isTrue();
        assertThat(text("(phase 1)").textMatches(lift.id(), title)).isTrue();
        assertThat(text("电梯").textMatches(lift.id(), title)).isTrue();
        assertThat(text("case-1").textMatches(lift.id(), title)).isTrue();
        assertThat(text("Lift.*纠纷").textMatches(lift.id(), title)).as("no pattern syntax").isFalse();
        assertThat(text("case").textMatches(lift.id(), title)).as("only a whole id").isFalse();
    }

    @Test
    void turnsTheRegistrationDaysIntoTheOfficesMidnightsFromInclusiveToExclusive() {
        // given
        CaseFilter marchFirst = new CaseFilter(null, null, null, null, null, null, LocalDate.of(2024, 3, 1),
                LocalDate.of(2024, 3, 2));

        // when
        CaseQuery query = CaseQuery.of(marchFirst, OFFICE);

        // then
        assertThat(query.registeredFrom()).isEqualTo(Instant.parse("2024-02-29T16:00:00Z"));
        assertThat(query.registeredTo()).isEqualTo(Instant.parse("2024-03-01T16:00:00Z"));
        assertThat(query.matches(matter("early", "t", MARCH_FIRST_EARLY))).isTrue();
        assertThat(query.matches(matter("late", "t", FEBRUARY_LAST_LATE))).as("the office's 29 February").isFalse();
        assertThat(query.matches(matter("next", "t", Instant.parse("2024-03-01T16:00:00Z")))).isFalse();
    }

    @Test
    void refusesMoreThanAHundredMattersAtOnceNamingIds() {
        // given
        List<String> ids = IntStream.rangeClosed(1, 101).mapToObj(i -> "case-" + i).toList();

        // when
        InvalidInput refused = catchThrowableOfType(InvalidInput.class,
                () -> new CaseFilter(null, ids, null, null, null, null, null, null));

        // then
        assertThat(refused.problems()).extracting(InvalidInput.FieldProblem::field).containsExactly("ids");
    }

    @Test
    void countsRepeatedAndBlankIdsOnce() {
        // when
        CaseFilter filter = new CaseFilter(null, List.of("a", " a ", "", "b"), null, null, null, null, null, null);

        // then
        assertThat(filter.ids()).containsExactly("a", "b");
    }

    @Test
    void refusesARegisteredToThatIsNotAfterRegisteredFrom() {
        // when
        InvalidInput refused = catchThrowableOfType(InvalidInput.class, () -> new CaseFilter(null, null, null, null,
                null, null, LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 1)));

        // then
        assertThat(refused.problems()).extracting(InvalidInput.FieldProblem::field).containsExactly("registeredTo");
    }

    @Test
    void refusesABlankText() {
        // when
        InvalidInput refused = catchThrowableOfType(InvalidInput.class, () -> text("   "));

        // then
        assertThat(refused.problems()).extracting(InvalidInput.FieldProblem::field).containsExactly("q");
    }
}
