package org.duban.platform.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.duban.platform.domain.Caller;
import org.duban.platform.domain.Conflict;
import org.junit.jupiter.api.Test;

class IdempotentCreationsTest {

    private static final Instant NOW = Instant.parse("2026-12-05T02:40:00.321Z");

    private final Map<String, IdempotencyKeys.Reservation> reservations = new ConcurrentHashMap<>();
    private final IdempotentCreations creations = new IdempotentCreations((key, id, fingerprint) ->
            reservations.computeIfAbsent(key, k -> new IdempotencyKeys.Reservation(id, fingerprint)),
            Clock.fixed(NOW, ZoneOffset.UTC));
    private final List<String> created = new ArrayList<>();

    @Test
    void aRetryOfTheSameCallerWithTheSameKeyFindsTheFirstObject() {
        // given
        Caller clerk = Caller.unit("clerk", "unit-1");
        String first = create(clerk, "k-1", new Note("已约谈"));

        // when
        String retried = create(clerk, "k-1", new Note("已约谈"));

        // then
        assertThat(retried).isEqualTo(first);
        assertThat(created).containsExactly(first);
    }

    @Test
    void theSameSubjectSpeakingForAnotherUnitHasKeysOfItsOwn() {
        // given: one subject (the identity provider's user id) in two units' tokens
        String ofUnit1 = create(Caller.unit("clerk", "unit-1"), "k-1", new Note("已约谈"));

        // when
        String ofUnit2 = create(Caller.unit("clerk", "unit-2"), "k-1", new Note("已约谈"));

        // then: unit 2's call created its own object rather than answering unit 1's
        assertThat(ofUnit2).isNotEqualTo(ofUnit1);
        assertThat(created).containsExactly(ofUnit1, ofUnit2);
    }

    @Test
    void theSameSubjectSpeakingForTheOfficeAndForAUnitHasKeysOfItsOwn() {
        // given
        String ofOffice = create(Caller.supervisor("zhang.wei"), "k-1", new Note("已约谈"));

        // when
        String ofUnit = create(Caller.unit("zhang.wei", "unit-1"), "k-1", new Note("已约谈"));

        // then
        assertThat(ofUnit).isNotEqualTo(ofOffice);
    }

    @Test
    void theFirstCallUnderAKeyCreatesWithoutLookingForAnObjectThatCannotExistYet() {
        // given
        List<String> lookedUp = new ArrayList<>();

        // when
        String first = creations.create(Caller.supervisor("zhang.wei"), "issue-assignment", "k-2", new Note("交办"),
                id -> id, id -> {
                    lookedUp.add(id);
                    return Optional.of(id);
                });
        String retried = creations.create(Caller.supervisor("zhang.wei"), "issue-assignment", "k-2",
                new Note("交办"), id -> "created again", id -> {
                    lookedUp.add(id);
                    return Optional.of(id);
                });

        // then: only the retry looks the object up (and finds the first one)
        assertThat(retried).isEqualTo(first);
        assertThat(lookedUp).containsExactly(first);
    }

    @Test
    void aNewObjectsIdIsTimeOrderedAtTheClocksInstantWithOrWithoutAKey() {
        // when
        String keyed = create(Caller.supervisor("zhang.wei"), "k-3", new Note("交办"));
        String unkeyed = create(Caller.supervisor("zhang.wei"), null, new Note("交办"));

        // then: version 7, carrying the clock's millisecond
        for (String id : List.of(keyed, unkeyed)) {
            UUID uuid = UUID.fromString(id);
            assertThat(uuid.version()).isEqualTo(7);
            assertThat(uuid.getMostSignificantBits() >>> 16).isEqualTo(NOW.toEpochMilli());
        }
        assertThat(keyed).isNotEqualTo(unkeyed);
    }

    @Test
    void aKeyReusedForAnotherRequestIsAConflict() {
        // given
        Caller clerk = Caller.unit("clerk", "unit-1");
        create(clerk, "k-1", new Note("已约谈"));

        // when / then
        assertThatThrownBy(() -> create(clerk, "k-1", new Note("已协调")))
                .isInstanceOf(Conflict.class).hasMessageContaining("different request");
    }

    private String create(Caller caller, String key, Note note) {
        return creations.create(caller, "report-progress", key, note, id -> {
            created.add(id);
            return id;
        }, id -> created.contains(id) ? Optional.of(id) : Optional.empty());
    }

    private record Note(String text) {
    }

    private record Person(String name, String phone) {
        @Override
        public String toString() {
            return "Person[name=" + name.charAt(0) + "*, phone=***]";
        }
    }

    private record Registration(String title, Person person, List<String> tags) {
    }

    private record Plain(String title, List<Integer> numbers, Map<String, Integer> counts) {
    }

    @Test
    void twoRequestsThatDifferOnlyInWhatARecordMasksInItsToStringHaveDifferentFingerprints() {
        // given
        Registration first = new Registration("噪声", new Person("张三", "13800001111"), List.of("a"));
        Registration second = new Registration("噪声", new Person("张四", "13800002222"), List.of("a"));

        // when / then
        assertThat(first.toString()).isEqualTo(second.toString());
        assertThat(IdempotentCreations.fingerprint(first)).isNotEqualTo(IdempotentCreations.fingerprint(second));
    }

    @Test
    void aRequestMaskingNothingIsFingerprintedExactlyAsItsToStringSoKeysReservedBeforeStillMatch() {
        // given
        Plain plain = new Plain("噪声", List.of(1, 2), Map.of("x", 3));
        Registration masked = new Registration("噪声", new Person("张三", "13800001111"), List.of("a", "b"));

        // when / then
        assertThat(IdempotentCreations.canonical(plain)).isEqualTo(plain.toString());
        assertThat(IdempotentCreations.canonical(masked))
                .isEqualTo("Registration[title=噪声, person=Person[name=张三, phone=13800001111], tags=[a, b]]");
    }
}
