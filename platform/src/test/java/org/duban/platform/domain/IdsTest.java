package org.duban.platform.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class IdsTest {

    private static final Instant T0 = Instant.parse("2026-12-05T00:30:00.123Z");

    static Stream<Arguments> makers() {
        return Stream.of(Arguments.of(Named.of("an object's", (Function<Instant, String>) Ids::newId)),
                Arguments.of(Named.of("an event's", (Function<Instant, String>) Ids::timeOrdered)));
    }

    @ParameterizedTest(name = "{0} id")
    @MethodSource("makers")
    void anIdIsAVersion7UuidCarryingTheMillisecondItWasMadeAt(Function<Instant, String> maker) {
        // when
        UUID id = UUID.fromString(maker.apply(T0));

        // then
        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(T0.toEpochMilli());
    }

    @Test
    void timeOrderedIdsSortAsStringsInTheOrderOfTheirMilliseconds() {
        // given: ids made over three years, the last ones within one millisecond
        List<String> made = new ArrayList<>();
        for (int day = 0; day < 1_100; day++) {
            made.add(Ids.timeOrdered(T0.plusSeconds(86_400L * day)));
        }
        String last = made.get(made.size() - 1);

        // then
        assertThat(made).isSorted();
        assertThat(Ids.timeOrdered(T0.plusSeconds(86_400L * 1_100))).isGreaterThan(last);
    }

    @Test
    void timeOrderedIdsMadeInTheSameMillisecondDoNotCollide() {
        HashSet<String> ids = new HashSet<>();
        for (int i = 0; i < 200_000; i++) {
            ids.add(Ids.timeOrdered(T0));
        }
        assertThat(ids).hasSize(200_000);
    }

    @Test
    void objectIdsSortAsStringsInTheOrderOfTheirMilliseconds() {
        // given: a matter a day over three years, then four made a millisecond apart
        List<String> made = new ArrayList<>();
        for (int day = 0; day < 1_100; day++) {
            made.add(Ids.newId(T0.plusSeconds(86_400L * day)));
        }
        Instant last = T0.plusSeconds(86_400L * 1_100);
        for (int ms = 0; ms < 4; ms++) {
            made.add(Ids.newId(last.plusMillis(ms)));
        }

        // then
        assertThat(made).isSorted();
    }

    @Test
    void objectIdsMadeInTheSameMillisecondDoNotCollideAndShareNothingButTheirTime() {
        // given
        String millisecond = Ids.timeOrdered(T0).substring(0, 14);
        HashSet<String> ids = new HashSet<>();
        HashSet<Long> randomHighBits = new HashSet<>();

        // when
        for (int i = 0; i < 100_000; i++) {
            String id = Ids.newId(T0);
            ids.add(id);
            randomHighBits.add(UUID.fromString(id).getMostSignificantBits() & 0x0FFFL);
        }

        // then: all different, and the 12 random bits beside the millisecond take (nearly) all their 4,096 values
        assertThat(ids).hasSize(100_000);
        assertThat(ids).allSatisfy(id -> assertThat(id).startsWith(millisecond));
        assertThat(randomHighBits).hasSizeGreaterThan(4_000);
    }
}
