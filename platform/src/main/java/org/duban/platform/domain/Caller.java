package org.duban.platform.domain;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

import org.duban.contracts.events.Actor;

/**
 * Who is calling, as the validated token says: user id, roles and, for a unit, its unit id. A caller is
 * either office staff (SUPERVISOR, LEADER) or one unit, never both. Reading asks {@link #canSee}; what a
 * unit does to its own objects asks {@link #isUnit}.
 */
public record Caller(String subject, Set<Role> roles, String unitId) {

    public Caller {
        Objects.requireNonNull(subject, "subject");
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        if (roles.contains(Role.UNIT) && (unitId == null || unitId.isBlank())) {
            throw new Forbidden("a unit token must name its unit");
        }
        if (roles.contains(Role.UNIT) && roles.size() > 1) {
            throw new Forbidden("a token may not mix the UNIT role with an office role");
        }
    }

    public static Caller supervisor(String subject) {
        return new Caller(subject, Set.of(Role.SUPERVISOR), null);
    }

    public static Caller unit(String subject, String unitId) {
        return new Caller(subject, Set.of(Role.UNIT), unitId);
    }

    public static Caller leader(String subject) {
        return new Caller(subject, Set.of(Role.LEADER), null);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean isSupervisor() {
        return has(Role.SUPERVISOR);
    }

    /** Office staff see every unit's objects; a unit sees only its own. */
    public boolean seesAllUnits() {
        return has(Role.SUPERVISOR) || has(Role.LEADER);
    }

    /** True when the caller may read objects of {@code ownerUnitId} (never enough to act as that unit). */
    public boolean canSee(String ownerUnitId) {
        return seesAllUnits() || (has(Role.UNIT) && unitId.equals(ownerUnitId));
    }

    /** True when the caller is the unit {@code ownerUnitId} itself. */
    public boolean isUnit(String ownerUnitId) {
        return has(Role.UNIT) && unitId.equals(ownerUnitId);
    }

    /** Refuses with {@link Forbidden} unless the caller holds one of {@code allowed}. */
    public Caller require(Role... allowed) {
        if (Arrays.stream(allowed).noneMatch(roles::contains)) {
            throw new Forbidden("requires role " + Arrays.toString(allowed));
        }
        return this;
    }

    /** The caller as it appears in events: the role it acted in, most powerful first. */
    public Actor asActor() {
        Role acting = has(Role.SUPERVISOR) ? Role.SUPERVISOR : has(Role.UNIT) ? Role.UNIT : Role.LEADER;
        return new Actor(subject, acting.name(), acting == Role.UNIT ? unitId : null);
    }
}
