package org.duban.intake.unit;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.duban.platform.domain.Page;
import org.duban.platform.domain.PageRequest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UnitServiceTest {

    private final StoredUnits stored = new StoredUnits(Set.of("u-1", "u-2"));
    private final UnitService service = new UnitService(stored, null, Clock.systemUTC());

    @Test
    void asksTheStoreOnlyAboutUnitsItHasNotFoundRegisteredBefore() {
        // when
        List<String> first = service.unknown(List.of("u-1", "u-9"));
        List<String> again = service.unknown(List.of("u-1"));
        List<String> withAnother = service.unknown(List.of("u-9", "u-2", "u-1"));

        // then
        assertThat(first).containsExactly("u-9");
        assertThat(again).isEmpty();
        assertThat(withAnother).containsExactly("u-9");
        assertThat(stored.asked).containsExactly(List.of("u-1", "u-9"), List.of("u-9", "u-2"));
    }

    @Test
    void findsAUnitRegisteredAfterItWasAnsweredUnknown() {
        // given
        assertThat(service.unknown(List.of("u-3"))).containsExactly("u-3");

        // when
        stored.ids.add("u-3");

        // then
        assertThat(service.unknown(List.of("u-3"))).isEmpty();
        assertThat(stored.asked).containsExactly(List.of("u-3"), List.of("u-3"));
    }

    /** The store's units, and every question asked of it. */
    private static final class StoredUnits implements ResponsibleUnits {

        final Set<String> ids = ConcurrentHashMap.newKeySet();
        final List<List<String>> asked = new ArrayList<>();

        StoredUnits(Set<String> ids) {
            this.ids.addAll(ids);
        }

        @Override
        public List<String> existing(List<String> ids) {
            asked.add(ids);
            return ids.stream().filter(this.ids::contains).toList();
        }

        @Override
        public void add(ResponsibleUnit unit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<ResponsibleUnit> find(String id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Page<ResponsibleUnit> list(PageRequest page) {
            throw new UnsupportedOperationException();
        }
    }
}
