package org.duban.intake.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.intake.assignment.AssignmentFixtures.OFFICE;
import static org.duban.intake.assignment.AssignmentFixtures.SUPERVISOR;
import static org.duban.intake.assignment.AssignmentFixtures.UNIT;
import static org.duban.intake.assignment.AssignmentFixtures.stored;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

import org.duban.contracts.events.AssignmentDeadlineRecomputed;
import org.duban.contracts.events.AssignmentIssued;
import org.duban.intake.calendar.CalendarFixtures;
import org.duban.intake.calendar.CalendarYear;
import org.duban.intake.calendar.DayCounting;
import org.duban.intake.calendar.OfficeCalendar;
import org.duban.intake.calendar.files.CalendarYearFiles;
import org.duban.intake.calendar.statutory.StatutoryHolidays;
import org.junit.jupiter.api.Test;

/**
 * A deadline counted through a provisional year is counted again once the year's official calendar is
 * there. The "official" 2027 here is made up for the test: the statutory holidays plus one weekday off
 * (2027-01-04) — no 2027 notice was shipped when this was written.
 */
class AssignmentDeadlineRecountTest {

    /** Friday 2026-11-20, 10:00 in the office. */
    private static final Instant ISSUED = Instant.parse("2026-11-20T02:00:00Z");
    private static final Instant A_WEEK_LATER = ISSUED.plus(Duration.ofDays(7));
    private static final DeadlinePolicy PROVISIONAL = policy(CalendarFixtures.shippedWithProvisionalYears());
    private static final DeadlinePolicy OFFICIAL_2027 = policy(withOfficial2027());

    @Test
    void issuingThroughAProvisionalYearMarksTheDeadlineAndSaysSoInTheEvent() {
        // when
        Assignment assignment = issued();

        // then
        assertThat(assignment.provisionalDeadlines()).containsExactly(DeadlineKind.RESULT);
        AssignmentIssued event = (AssignmentIssued) assignment.recordedEvents().get(0);
        assertThat(event.deadlineProvisional()).isTrue();
        assertThat(event.provisionalDeadlines()).containsExactly("RESULT");
    }

    @Test
    void theOfficialYearMovesAProvisionalDeadlineThatHasNotPassedAndRecordsTheChange() {
        // given
        Assignment assignment = stored(issued());
        Instant provisionalDueAt = assignment.dueAt();

        // when
        boolean changed = assignment.recountDeadlines(OFFICIAL_2027, List.of(2024, 2025, 2026, 2027), A_WEEK_LATER);

        // then: one more day off before the deadline, one working day later, no longer provisional
        assertThat(changed).isTrue();
        assertThat(assignment.dueAt()).isEqualTo(provisionalDueAt.plus(Duration.ofDays(1)));
        assertThat(assignment.provisionalDeadlines()).isEmpty();
        assertThat(assignment.recordedEvents()).singleElement().isInstanceOfSatisfying(
                AssignmentDeadlineRecomputed.class, event -> {
                    assertThat(event.previousDueAt()).isEqualTo(provisionalDueAt);
                    assertThat(event.dueAt()).isEqualTo(assignment.dueAt());
                    assertThat(event.previousAcceptanceDueAt()).isEqualTo(event.acceptanceDueAt());
                    assertThat(event.deadlineProvisional()).isFalse();
                    assertThat(event.provisionalDeadlines()).isEmpty();
                    assertThat(event.officialYears()).contains(2027);
                    assertThat(event.actor().role()).isEqualTo("SYSTEM");
                });
    }

    @Test
    void countingAgainOnAnUnchangedCalendarChangesNothingAndRecordsNothing() {
        // given
        Assignment assignment = stored(issued());
        Instant dueAt = assignment.dueAt();

        // when
        boolean changed = assignment.recountDeadlines(PROVISIONAL, List.of(2024, 2025, 2026), A_WEEK_LATER);

        // then
        assertThat(changed).isFalse();
        assertThat(assignment.dueAt()).isEqualTo(dueAt);
        assertThat(assignment.recordedEvents()).isEmpty();
        assertThat(assignment.provisionalDeadlines()).containsExactly(DeadlineKind.RESULT);
    }

    @Test
    void aProvisionalDeadlineThatHasPassedKeepsItsDateAndItsMark() {
        // given
        Assignment assignment = stored(issued());
        Instant after = assignment.dueAt().plusSeconds(1);

        // when
        boolean changed = assignment.recountDeadlines(OFFICIAL_2027, List.of(2027), after);

        // then
        assertThat(changed).isFalse();
        assertThat(assignment.provisionalDeadlines()).containsExactly(DeadlineKind.RESULT);
    }

    @Test
    void anApprovedExtensionKeepsItsDaysOnTheRecountedDeadline() {
        // given: accepted, 10 days' extension approved
        Assignment assignment = issued();
        assignment.accept(UNIT, A_WEEK_LATER, A_WEEK_LATER);
        assignment.requestExtension(UNIT, "ext-1", 10, "需协调多部门", A_WEEK_LATER);
        assignment.decideExtension(SUPERVISOR, "ext-1", true, null, A_WEEK_LATER);
        Assignment extended = stored(assignment);
        Instant extendedDueAt = extended.dueAt();

        // when
        extended.recountDeadlines(OFFICIAL_2027, List.of(2027), A_WEEK_LATER);

        // then
        assertThat(extended.dueAt()).isEqualTo(extendedDueAt.plus(Duration.ofDays(1)));
    }

    @Test
    void aSendBackSetsTheSupervisorsOwnDeadlineWhichIsNotProvisional() {
        // given
        Assignment assignment = issued();
        assignment.accept(UNIT, A_WEEK_LATER, A_WEEK_LATER);
        assignment.submitFinalReport(UNIT, FinalReport.Outcome.SOLVED, true, "已办结", A_WEEK_LATER, A_WEEK_LATER);

        // when
        assignment.review(SUPERVISOR, ReviewDecision.SEND_BACK, "材料不全", A_WEEK_LATER.plus(Duration.ofDays(10)),
                A_WEEK_LATER);

        // then
        assertThat(assignment.provisionalDeadlines()).isEmpty();
    }

    @Test
    void aReportedAssignmentIsNotCountedAgain() {
        // given
        Assignment assignment = issued();
        assignment.accept(UNIT, A_WEEK_LATER, A_WEEK_LATER);
        assignment.submitFinalReport(UNIT, FinalReport.Outcome.SOLVED, true, "已办结", A_WEEK_LATER, A_WEEK_LATER);
        Assignment reported = stored(assignment);

        // when / then
        assertThat(reported.recountDeadlines(OFFICIAL_2027, List.of(2027), A_WEEK_LATER)).isFalse();
    }

    private static Assignment issued() {
        return Assignment.issue("asg-1", new Assignment.IssuedMatter("case-1", "REAL_ESTATE", false), "unit-1",
                AssignmentKind.ASSIGN, PROVISIONAL.deadlinesFor(AssignmentKind.ASSIGN, ISSUED, null), null, SUPERVISOR);
    }

    private static DeadlinePolicy policy(OfficeCalendar calendar) {
        return new DeadlinePolicy(15, 60, 60, OFFICE, DayCounting.WORKING_DAYS, 5, calendar);
    }

    private static OfficeCalendar withOfficial2027() {
        OfficeCalendar shipped = CalendarYearFiles.load(null);
        List<CalendarYear> years = new ArrayList<>(shipped.coveredYears().stream()
                .map(year -> shipped.year(year).orElseThrow()).toList());
        SortedSet<LocalDate> holidays = new TreeSet<>(StatutoryHolidays.of(2027));
        holidays.add(LocalDate.of(2027, 1, 4));
        years.add(new CalendarYear(2027, holidays, new TreeSet<>(), "test: an office's 2027 file"));
        return new OfficeCalendar(years, StatutoryHolidays::provisionalYear);
    }
}
