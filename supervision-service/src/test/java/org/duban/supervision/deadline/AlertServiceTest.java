package org.duban.supervision.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.duban.supervision.deadline.DeadlineFixtures.ISSUED_AT;
import static org.duban.supervision.deadline.DeadlineFixtures.issueDueForAcceptanceAt;

import java.time.Duration;
import java.util.Set;

import org.duban.platform.domain.Caller;
import org.duban.platform.domain.Forbidden;
import org.duban.platform.domain.Page;
import org.duban.platform.domain.PageRequest;
import org.duban.platform.testing.MovableClock;
import org.duban.supervision.reminder.AlertColour;
import org.duban.supervision.reminder.AlertKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Who sees which lines of the board, in which order, filtered and paged. */
class AlertServiceTest {

    private static final PageRequest FIRST_PAGE = PageRequest.of(0, 20);

    private final MovableClock clock = DeadlineFixtures.clockAtIssue();
    private final InMemoryTrackedAssignments assignments = new InMemoryTrackedAssignments();
    private final AlertService board = new AlertService(assignments, DeadlineFixtures.policy(), clock);

    @BeforeEach
    void threeUnitsWithAssignmentsOfEveryColour() {
        // unit-a: red (a day late), yellow (a day left), green (ten days left); unit-b: yellow, green;
        // unit-c: an acceptance still waiting for its issue, which is not on the board
        track("a-green", "unit-a", days(10));
        track("a-red", "unit-a", days(-1));
        track("a-yellow", "unit-a", days(1));
        track("b-yellow", "unit-b", days(2));
        track("b-green", "unit-b", days(20));
        assignments.save(TrackedAssignment.acceptedBeforeIssue("c-waiting", "case-c", "unit-c", ISSUED_AT));
    }

    @Test
    void showsEveryOpenAssignmentMostUrgentFirstToASupervisor() {
        // when
        Page<Alert> page = board.list(Caller.supervisor("zhang.wei"), null, null, FIRST_PAGE);

        // then
        assertThat(page.items()).extracting(Alert::assignmentId)
                .containsExactly("a-red", "a-yellow", "b-yellow", "a-green", "b-green");
        assertThat(page.items()).extracting(Alert::colour).containsExactly(
                AlertColour.RED, AlertColour.YELLOW, AlertColour.YELLOW, AlertColour.GREEN, AlertColour.GREEN);
        assertThat(page.totalElements()).isEqualTo(5);
    }

    @Test
    void letsALeaderNarrowTheBoardToOneUnit() {
        // when
        Page<Alert> page = board.list(Caller.leader("wang.fang"), null, "unit-b", FIRST_PAGE);

        // then
        assertThat(page.items()).extracting(Alert::assignmentId).containsExactly("b-yellow", "b-green");
    }

    @Test
    void showsAUnitOnlyItsOwnAlerts() {
        // when
        Page<Alert> page = board.list(Caller.unit("li.na", "unit-a"), null, null, FIRST_PAGE);

        // then
        assertThat(page.items()).extracting(Alert::unitId).containsOnly("unit-a");
        assertThat(page.totalElements()).isEqualTo(3);
    }

    @Test
    void answersAUnitAskingForAnotherUnitsAlertsWithAnEmptyPage() {
        // when
        Page<Alert> page = board.list(Caller.unit("li.na", "unit-a"), AlertColour.YELLOW, "unit-b", FIRST_PAGE);

        // then
        assertThat(page.items()).isEmpty();
        assertThat(page.totalElements()).isZero();
    }

    @Test
    void filtersByColourBeforePagingSoEveryPageIsFull() {
        // given
        PageRequest pagesOfOne = PageRequest.of(1, 1);

        // when
        Page<Alert> second = board.list(Caller.supervisor("zhang.wei"), AlertColour.YELLOW, null, pagesOfOne);

        // then
        assertThat(second.items()).extracting(Alert::assignmentId).containsExactly("b-yellow");
        assertThat(second.totalElements()).isEqualTo(2);
        assertThat(second.totalPages()).isEqualTo(2);
    }

    @Test
    void colourIsThatOfTheMomentOfTheRequest() {
        // given
        clock.advance(Duration.ofDays(2).plusMillis(1));

        // when
        Page<Alert> red = board.list(Caller.supervisor("zhang.wei"), AlertColour.RED, null, FIRST_PAGE);

        // then
        assertThat(red.items()).extracting(Alert::assignmentId).containsExactly("a-red", "a-yellow", "b-yellow");
        assertThat(red.items()).allSatisfy(alert -> {
            assertThat(alert.overdue()).isTrue();
            assertThat(alert.daysLeft()).isNegative();
        });
    }

    @Test
    void countsTheOverdueAssignmentsOfEveryUnitForTheOpsGauge() {
        // given: one red now; two more turn red two days later
        long now = board.overdueAssignments();
        clock.advance(Duration.ofDays(2).plusMillis(1));

        // when
        long later = board.overdueAssignments();

        // then
        assertThat(now).isEqualTo(1);
        assertThat(later).isEqualTo(3);
    }

    @Test
    void countsEveryColourOfTheBoardWhateverColourThePageShows() {
        // when
        AlertBoard yellow = board.board(Caller.supervisor("zhang.wei"), AlertColour.YELLOW, null, AlertKind.ASSIGNMENT,
                FIRST_PAGE);
        AlertBoard all = board.board(Caller.leader("wang.fang"), null, null, null, FIRST_PAGE);

        // then
        assertThat(yellow.page().items()).extracting(Alert::assignmentId).containsExactly("a-yellow", "b-yellow");
        assertThat(yellow.counts()).isEqualTo(new ColourCounts(2, 2, 1));
        assertThat(all.counts()).isEqualTo(new ColourCounts(2, 2, 1));
        assertThat(all.counts().total()).isEqualTo(all.page().totalElements());
    }

    @Test
    void countsOnlyTheUnitsOwnLinesForAUnitOrForAUnitTheOfficeNarrowsTo() {
        // when
        AlertBoard own = board.board(Caller.unit("li.na", "unit-a"), AlertColour.RED, null, null, FIRST_PAGE);
        AlertBoard another = board.board(Caller.unit("li.na", "unit-a"), null, "unit-b", null, FIRST_PAGE);
        AlertBoard narrowed = board.board(Caller.leader("wang.fang"), AlertColour.GREEN, "unit-b", null, FIRST_PAGE);

        // then
        assertThat(own.counts()).isEqualTo(new ColourCounts(1, 1, 1));
        assertThat(another.counts()).isEqualTo(ColourCounts.NONE);
        assertThat(another.page().items()).isEmpty();
        assertThat(narrowed.counts()).isEqualTo(new ColourCounts(1, 1, 0));
    }

    @Test
    void countsTheColoursOfTheMomentOfTheRequestWithCountQueriesNotByLoadingTheLines() {
        // given: two days and a moment later both yellow ones are overdue
        clock.advance(Duration.ofDays(2).plusMillis(1));
        int before = assignments.countQueries;

        // when
        AlertBoard red = board.board(Caller.supervisor("zhang.wei"), AlertColour.RED, null, null, PageRequest.of(0, 1));

        // then
        assertThat(red.counts()).isEqualTo(new ColourCounts(2, 0, 3));
        assertThat(red.page().totalElements()).isEqualTo(3);
        assertThat(assignments.countQueries - before).as("the page's own colour takes its total").isEqualTo(2);
    }

    @Test
    void countsNothingForAKindWithoutWatchedSubjects() {
        // when
        AlertBoard measures = board.board(Caller.supervisor("zhang.wei"), null, null, AlertKind.MEASURE, FIRST_PAGE);

        // then
        assertThat(measures.page().items()).isEmpty();
        assertThat(measures.counts()).isEqualTo(ColourCounts.NONE);
    }

    @Test
    void refusesACallerWithoutARole() {
        // given
        Caller nobody = new Caller("someone", Set.of(), null);

        // when / then
        assertThatThrownBy(() -> board.list(nobody, null, null, FIRST_PAGE)).isInstanceOf(Forbidden.class);
        assertThatThrownBy(() -> board.board(nobody, null, null, null, FIRST_PAGE)).isInstanceOf(Forbidden.class);
    }

    private void track(String assignmentId, String unitId, Duration acceptanceDueIn) {
        assignments.save(TrackedAssignment.issued(issueDueForAcceptanceAt(assignmentId, unitId,
                clock.instant().plus(acceptanceDueIn))));
    }

    private static Duration days(int days) {
        return Duration.ofDays(days);
    }
}
