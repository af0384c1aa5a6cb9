package org.duban.platform.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

/** Times units report, judged with the clock-skew tolerance and at the precision they were given in. */
class ReportedTimesTest {

    private static final ZoneId OFFICE = ZoneId.of("Asia/Shanghai");
    private static final String ISSUED = "the assignment was issued";
    /** 2026-12-03 17:15:30.456 in the office. */
    private static final Instant ISSUED_AT = Instant.parse("2026-12-03T09:15:30.456Z");
    private static final Instant NOW = ISSUED_AT.plusMillis(300);

    private final ReportedTimes strict = new ReportedTimes(new ClockSkewTolerance(Duration.ZERO), OFFICE);
    private final ReportedTimes tolerant = new ReportedTimes(ClockSkewTolerance.DEFAULT, OFFICE);

    @Test
    void aTimeGivenToTheSecondIsNotBeforeAnEventWithinThatSecond() {
        // given: the issue's reproduction, `date -u +%Y-%m-%dT%H:%M:%SZ` right after the issue
        Instant currentSecond = Instant.parse("2026-12-03T09:15:30Z");

        // when / then
        assertThat(strict.require("noticeSentAt", currentSecond, ISSUED, ISSUED_AT, NOW)).isEqualTo(currentSecond);
    }

    @Test
    void aTimeGivenToTheMinuteOrTheDayIsNotBeforeAnEventInThatMinuteOrOnThatDay() {
        // given
        Instant sameMinute = Instant.parse("2026-12-03T09:15:00Z");
        Instant sameDayInTheOffice = Instant.parse("2026-12-02T16:00:00Z"); // 2026-12-03 00:00 in the office

        // when / then
        assertThat(strict.require("noticeSentAt", sameMinute, ISSUED, ISSUED_AT, NOW)).isEqualTo(sameMinute);
        assertThat(strict.require("noticeSentAt", sameDayInTheOffice, ISSUED, ISSUED_AT, NOW.plusSeconds(3600)))
                .isEqualTo(sameDayInTheOffice);
    }

    @Test
    void anExactTimeJustBeforeTheEventIsBeforeItWithoutToleranceButWithinIt() {
        // given
        Instant oneMilliBefore = ISSUED_AT.minusMillis(1);

        // when / then
        assertThatThrownBy(() -> strict.require("noticeSentAt", oneMilliBefore, ISSUED, ISSUED_AT, NOW))
                .isInstanceOf(InvalidInput.class);
        assertThat(tolerant.require("noticeSentAt", oneMilliBefore, ISSUED, ISSUED_AT, NOW)).isEqualTo(oneMilliBefore);
        assertThat(strict.require("noticeSentAt", ISSUED_AT, ISSUED, ISSUED_AT, NOW)).isEqualTo(ISSUED_AT);
    }

    @Test
    void aClockFourMinutesBehindIsForgivenAnHourIsNotAndTheRefusalNamesTheBound() {
        // given
        Instant fourMinutesBefore = ISSUED_AT.minus(Duration.ofMinutes(4));
        Instant anHourBefore = ISSUED_AT.minus(Duration.ofHours(1));

        // when / then
        assertThat(tolerant.require("noticeSentAt", fourMinutesBefore, ISSUED, ISSUED_AT, NOW)).isEqualTo(fourMinutesBefore);
        assertThatThrownBy(() -> tolerant.require("noticeSentAt", anHourBefore, ISSUED, ISSUED_AT, NOW))
                .isInstanceOfSatisfying(InvalidInput.class, refused -> assertThat(refused.problems())
                        .containsExactly(new InvalidInput.FieldProblem("noticeSentAt",
                                "must not be before the assignment was issued (2026-12-03T09:15:30Z)")));
    }

    @Test
    void aTimeInTheFutureIsTakenWithinTheToleranceAndRefusedBeyondItSayingBy() {
        // given
        Instant fourMinutesAhead = NOW.plus(Duration.ofMinutes(4));
        Instant tenMinutesAhead = NOW.plus(Duration.ofMinutes(10));

        // when / then
        assertThat(tolerant.require("repliedAt", fourMinutesAhead, ISSUED, ISSUED_AT, NOW)).isEqualTo(fourMinutesAhead);
        assertThatThrownBy(() -> tolerant.require("repliedAt", tenMinutesAhead, ISSUED, ISSUED_AT, NOW))
                .isInstanceOfSatisfying(InvalidInput.class, refused -> assertThat(refused.problems())
                        .containsExactly(new InvalidInput.FieldProblem("repliedAt",
                                "must not be more than 5 minutes in the future")));
        assertThatThrownBy(() -> strict.require("repliedAt", NOW.plusMillis(1), ISSUED, ISSUED_AT, NOW))
                .hasMessageContaining("must not be more than 0 seconds in the future");
    }

    @Test
    void aMissingTimeIsRequired() {
        assertThatThrownBy(() -> tolerant.require("heldAt", null, ISSUED, ISSUED_AT, NOW))
                .isInstanceOf(InvalidInput.class).hasMessage("heldAt: is required");
    }

    @Test
    void theToleranceIsBetweenNothingAndADayAndSaysItselfInWords() {
        assertThat(ClockSkewTolerance.DEFAULT.inWords()).isEqualTo("5 minutes");
        assertThat(new ClockSkewTolerance(Duration.ofHours(1)).inWords()).isEqualTo("1 hour");
        assertThat(new ClockSkewTolerance(Duration.ofSeconds(90)).inWords()).isEqualTo("90 seconds");
        assertThatThrownBy(() -> new ClockSkewTolerance(Duration.ofMinutes(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ClockSkewTolerance(Duration.ofDays(2)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
