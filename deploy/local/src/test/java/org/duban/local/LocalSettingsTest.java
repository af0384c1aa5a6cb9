package org.duban.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

class LocalSettingsTest {

    @Test
    void givesTheBrokerAFourAndAHalfSecondSessionUnlessTheVariableSaysOtherwise() {
        // when
        LocalSettings defaults = LocalSettings.from(Map.of());
        LocalSettings longer = LocalSettings.from(Map.of("DUBAN_KAFKA_SESSION_TIMEOUT_MS", " 9000 "));

        // then
        assertThat(defaults.kafkaSessionTimeout()).isEqualTo(Duration.ofMillis(4500));
        assertThat(longer.kafkaSessionTimeout()).isEqualTo(Duration.ofSeconds(9));
    }

    @Test
    void refusesASessionTooShortToSurviveAStallOrNotANumberAndNamesTheVariable() {
        assertThatThrownBy(() -> LocalSettings.from(Map.of("DUBAN_KAFKA_SESSION_TIMEOUT_MS", "1000")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("DUBAN_KAFKA_SESSION_TIMEOUT_MS").hasMessageContaining("1500 or more");
        assertThatThrownBy(() -> LocalSettings.from(Map.of("DUBAN_KAFKA_SESSION_TIMEOUT_MS", "4.5s")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not '4.5s'");
    }
}
