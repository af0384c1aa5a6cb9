package org.duban.platform.domain;

import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CallerTest {

    @Test
    void aCallerIsTheOfficeOrOneUnitNeverBoth() {
        assertThatThrownBy(() -> new Caller("mallory", Set.of(Role.UNIT, Role.LEADER), "unit-1"))
                .isInstanceOf(Forbidden.class).hasMessageContaining("may not mix");
        assertThatThrownBy(() -> new Caller("mallory", Set.of(Role.UNIT, Role.SUPERVISOR), "unit-1"))
                .isInstanceOf(Forbidden.class);
        assertThatThrownBy(() -> new Caller("clerk", Set.of(Role.UNIT), " ")).isInstanceOf(Forbidden.class);
    }

    @Test
    void officeStaffReadEveryUnitsObjectsButActAsNoUnit() {
        Caller leader = Caller.leader("wang.qiang");

        assertThat(leader.canSee("unit-1")).isTrue();
        assertThat(leader.isUnit("unit-1")).isFalse();
    }

    @Test
    void aUnitReadsAndActsOnItsOwnObjectsOnly() {
        Caller unit = Caller.unit("li.na", "unit-1");

        assertThat(unit.canSee("unit-1")).isTrue();
        assertThat(unit.isUnit("unit-1")).isTrue();
        assertThat(unit.canSee("unit-2")).isFalse();
        assertThat(unit.isUnit("unit-2")).isFalse();
    }
}
