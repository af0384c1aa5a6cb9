package org.duban.platform.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.duban.platform.domain.Caller;
import org.duban.platform.domain.Conflict;
import org.junit.jupiter.api.Test;

class IdempotentCreationsTest {

    private final Map<String, IdempotencyKeys.Reservation> reservations = new ConcurrentHashMap<>();
    private final IdempotentCreations creations = new IdempotentCreations((key, id, fingerprint) ->
            reservations.computeIfAbsent(key, k -> new IdempotencyKeys.Reservation(id, fingerprint)));
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
}
