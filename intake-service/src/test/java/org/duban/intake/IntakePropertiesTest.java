package org.duban.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.duban.intake.calendar.DayCounting;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class IntakePropertiesTest {

    @Test
    void deadlinesCountCalendarDaysAndObjectionsFiveWorkingDaysUnlessTheOfficeSaysOtherwise() {
        // when
        IntakeProperties properties = bind(Map.of());

        // then
        assertThat(properties.dayCounting()).isEqualTo(DayCounting.CALENDAR_DAYS);
        assertThat(properties.objectionWorkingDays()).isEqualTo(5);
        assertThat(properties.calendarDir()).isNull();
        assertThat(properties.publicRateLimit().requests()).isEqualTo(10);
        assertThat(properties.publicRateLimit().window()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void theOfficeSetsThePublicRateLimit() {
        // when
        IntakeProperties properties = bind(Map.of("duban.intake.public-rate-limit.requests", "5",
                "duban.intake.public-rate-limit.window", "30s"));

        // then
        assertThat(properties.publicRateLimit().requests()).isEqualTo(5);
        assertThat(properties.publicRateLimit().window()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void theOfficeChoosesWorkingDaysItsObjectionWindowAndItsCalendarDirectory() {
        // when: written as an environment variable would be
        IntakeProperties properties = bind(Map.of("duban.intake.day-counting", "working_days",
                "duban.intake.objection-working-days", "7", "duban.intake.calendar-dir", "/etc/duban/calendar"));

        // then
        assertThat(properties.dayCounting()).isEqualTo(DayCounting.WORKING_DAYS);
        assertThat(properties.objectionWorkingDays()).isEqualTo(7);
        assertThat(properties.calendarDir()).isEqualTo("/etc/duban/calendar");
    }

    private static IntakeProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values))
                .bindOrCreate("duban.intake", IntakeProperties.class);
    }
}
