package org.duban.intake.calendar.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.duban.intake.calendar.CalendarYearNotCovered;
import org.duban.intake.calendar.OfficeCalendar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CalendarYearFilesTest {

    @TempDir
    Path officeDir;

    @Test
    void withoutAnOfficeDirectoryTheBuiltInYearsAreUsed() {
        // when
        OfficeCalendar calendar = CalendarYearFiles.load("");

        // then
        assertThat(calendar.coveredYears()).containsExactly(2024, 2025, 2026);
        assertThat(CalendarYearFiles.load(null).coveredYears()).containsExactly(2024, 2025, 2026);
    }

    @Test
    void anOfficeFileReplacesTheBuiltInYearAndLeavesTheOthers() throws IOException {
        // given: the office adds a local day off on Wednesday 2025-12-31
        write("2025.yaml", """
                source: 国务院办公厅关于2025年部分节假日安排的通知，及本办 2025-12-31 放假通知
                holidays: [2025-01-01, 2025-01-28..2025-02-04, 2025-12-31]
                makeUpWorkingDays: [2025-01-26, 2025-02-08]
                """);

        // when
        OfficeCalendar calendar = CalendarYearFiles.load(officeDir.toString());

        // then
        assertThat(calendar.isWorkingDay(LocalDate.parse("2025-12-31"))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2025-10-08"))).as("the built-in 2025 is replaced").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-10-07"))).as("2026 stays built in").isFalse();
        assertThat(calendar.year(2025).orElseThrow().source()).contains("本办");
    }

    @Test
    void anOfficeFileAddsAYearByBeingDroppedIntoTheDirectory() throws IOException {
        // given: a made-up year, far enough ahead not to be mistaken for a real arrangement
        write("2030.yml", """
                source: test data, not a State Council notice
                holidays:
                  - 2030-01-01
                makeUpWorkingDays: []
                """);

        // when
        OfficeCalendar calendar = CalendarYearFiles.load(officeDir.toString());

        // then
        assertThat(calendar.coveredYears()).containsExactly(2024, 2025, 2026, 2030);
        assertThat(calendar.isWorkingDay(LocalDate.parse("2030-01-01"))).isFalse();
        assertThatThrownBy(() -> calendar.isWorkingDay(LocalDate.parse("2029-06-01")))
                .isInstanceOf(CalendarYearNotCovered.class);
    }

    @Test
    void filesOtherThanYamlAreIgnored() throws IOException {
        // given
        write("README.txt", "notes of the office");

        // when / then
        assertThat(CalendarYearFiles.load(officeDir.toString()).coveredYears()).containsExactly(2024, 2025, 2026);
    }

    @Test
    void aDateInTheWrongYearFileStopsStartUpNamingFileAndDate() throws IOException {
        // given
        Path file = write("2025.yaml", """
                source: a notice
                holidays: [2025-01-01, 2024-12-31]
                makeUpWorkingDays: []
                """);

        // when / then
        assertThatThrownBy(() -> CalendarYearFiles.load(officeDir.toString()))
                .isInstanceOf(InvalidCalendarFile.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("2024-12-31")
                .hasMessageContaining("does not lie in 2025");
    }

    @Test
    void aDayBothHolidayAndMakeUpWorkingDayStopsStartUpNamingFileAndDate() throws IOException {
        // given
        Path file = write("2025.yaml", """
                source: a notice
                holidays: [2025-10-01..2025-10-08]
                makeUpWorkingDays: [2025-10-04]
                """);

        // when / then
        assertThatThrownBy(() -> CalendarYearFiles.load(officeDir.toString()))
                .isInstanceOf(InvalidCalendarFile.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("2025-10-04 is listed both as a holiday and as a make-up working day");
    }

    @Test
    void aMakeUpWorkingDayOnAWeekdayStopsStartUpNamingFileAndDate() throws IOException {
        // given: 2025-09-29 is a Monday
        Path file = write("2025.yaml", """
                source: a notice
                holidays: []
                makeUpWorkingDays: [2025-09-29]
                """);

        // when / then
        assertThatThrownBy(() -> CalendarYearFiles.load(officeDir.toString()))
                .isInstanceOf(InvalidCalendarFile.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("2025-09-29 is a MONDAY");
    }

    @Test
    void aMisspelledKeyIsRefusedRatherThanSilentlyDroppingItsDays() throws IOException {
        // given
        write("2025.yaml", """
                source: a notice
                holidays: []
                makeUpWorkingDays: []
                makeupWorkingDays: [2025-09-28]
                """);

        // when / then
        assertThatThrownBy(() -> CalendarYearFiles.load(officeDir.toString()))
                .isInstanceOf(InvalidCalendarFile.class)
                .hasMessageContaining("unknown key 'makeupWorkingDays'");
    }

    @Test
    void aMissingListOrSourceIsRefused() throws IOException {
        // given
        write("2025.yaml", """
                source: a notice
                holidays: [2025-01-01]
                """);

        // when / then
        assertThatThrownBy(() -> CalendarYearFiles.load(officeDir.toString()))
                .isInstanceOf(InvalidCalendarFile.class)
                .hasMessageContaining("'makeUpWorkingDays' is missing");

        // given
        write("2025.yaml", """
                holidays: []
                makeUpWorkingDays: []
                """);

        // when / then
        assertThatThrownBy(() -> CalendarYearFiles.load(officeDir.toString()))
                .isInstanceOf(InvalidCalendarFile.class)
                .hasMessageContaining("'source'");
    }

    @Test
    void aMalformedDateOrReversedRangeIsRefusedNamingTheEntry() throws IOException {
        // given
        write("2025.yaml", """
                source: a notice
                holidays: [2025-10-1]
                makeUpWorkingDays: []
                """);

        // when / then
        assertThatThrownBy(() -> CalendarYearFiles.load(officeDir.toString()))
                .isInstanceOf(InvalidCalendarFile.class)
                .hasMessageContaining("'2025-10-1' under 'holidays' is not a date");

        // given
        write("2025.yaml", """
                source: a notice
                holidays: [2025-10-08..2025-10-01]
                makeUpWorkingDays: []
                """);

        // when / then
        assertThatThrownBy(() -> CalendarYearFiles.load(officeDir.toString()))
                .isInstanceOf(InvalidCalendarFile.class)
                .hasMessageContaining("ends before it starts");
    }

    @Test
    void aDateListedTwiceIsRefused() throws IOException {
        // given
        write("2025.yaml", """
                source: a notice
                holidays: [2025-10-01..2025-10-08, 2025-10-08]
                makeUpWorkingDays: []
                """);

        // when / then
        assertThatThrownBy(() -> CalendarYearFiles.load(officeDir.toString()))
                .isInstanceOf(InvalidCalendarFile.class)
                .hasMessageContaining("2025-10-08 is listed twice under 'holidays'");
    }

    @Test
    void aFileNotNamedForItsYearIsRefused() throws IOException {
        // given
        Path file = write("holidays-2027.yaml", "source: x\nholidays: []\nmakeUpWorkingDays: []\n");

        // when / then
        assertThatThrownBy(() -> CalendarYearFiles.load(officeDir.toString()))
                .isInstanceOf(InvalidCalendarFile.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("like 2027.yaml");
    }

    @Test
    void twoFilesForOneYearAreRefused() throws IOException {
        // given
        write("2025.yaml", "source: x\nholidays: []\nmakeUpWorkingDays: []\n");
        write("2025.yml", "source: y\nholidays: []\nmakeUpWorkingDays: []\n");

        // when / then
        assertThatThrownBy(() -> CalendarYearFiles.load(officeDir.toString()))
                .isInstanceOf(InvalidCalendarFile.class)
                .hasMessageContaining("a second file for 2025");
    }

    @Test
    void anOfficeDirectoryThatDoesNotExistStopsStartUp() {
        // given
        Path missing = officeDir.resolve("missing");

        // when / then
        assertThatThrownBy(() -> CalendarYearFiles.load(missing.toString()))
                .isInstanceOf(InvalidCalendarFile.class)
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("not a directory");
    }

    @Test
    void aFileThatIsNotYamlIsRefused() throws IOException {
        // given
        write("2025.yaml", "source: [unclosed\n");

        // when / then
        assertThatThrownBy(() -> CalendarYearFiles.load(officeDir.toString()))
                .isInstanceOf(InvalidCalendarFile.class)
                .hasMessageContaining("not readable YAML");
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(officeDir.resolve(name), text, StandardCharsets.UTF_8);
    }
}
