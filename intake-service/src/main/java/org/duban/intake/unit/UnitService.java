package org.duban.intake.unit;

import java.time.Clock;
import java.util.List;

import org.duban.platform.domain.Caller;
import org.duban.platform.domain.Conflict;
import org.duban.platform.domain.NotFound;
import org.duban.platform.domain.Page;
import org.duban.platform.domain.PageRequest;
import org.duban.platform.domain.Role;
import org.duban.platform.idempotency.IdempotentCreations;

/** Registering and listing responsible units. */
public final class UnitService {

    private final ResponsibleUnits units;
    private final IdempotentCreations creations;
    private final Clock clock;

    public UnitService(ResponsibleUnits units, IdempotentCreations creations, Clock clock) {
        this.units = units;
        this.creations = creations;
        this.clock = clock;
    }

    /** Registers a unit (supervisor); a repeated call with the same idempotency key answers the first unit. */
    public ResponsibleUnit register(Caller caller, RegisterUnit request, String idempotencyKey) {
        caller.require(Role.SUPERVISOR);
        return creations.create(caller, "register-unit", idempotencyKey, request,
                id -> store(caller, id, request), units::find);
    }

    private ResponsibleUnit store(Caller caller, String id, RegisterUnit request) {
        ResponsibleUnit unit = ResponsibleUnit.register(id, request, clock.instant(), caller.asActor());
        try {
            units.add(unit);
        } catch (ResponsibleUnits.UnitCodeTaken e) {
            throw new Conflict("a unit with code " + request.code() + " is already registered");
        }
        return unit;
    }

    /** Units by code (supervisor, leader). */
    public Page<ResponsibleUnit> list(Caller caller, PageRequest page) {
        caller.require(Role.SUPERVISOR, Role.LEADER);
        return units.list(page);
    }

    /**
     * One unit: office staff (supervisor, leader) read any; a unit reads only itself, and any other id
     * answers {@link NotFound} exactly like a missing unit.
     */
    public ResponsibleUnit get(Caller caller, String id) {
        caller.require(Role.SUPERVISOR, Role.LEADER, Role.UNIT);
        if (!caller.canSee(id)) {
            throw new NotFound("unit", id);
        }
        return get(id);
    }

    /** A registered unit, or {@link NotFound}. */
    public ResponsibleUnit get(String id) {
        return units.find(id).orElseThrow(() -> new NotFound("unit", id));
    }

    /** Which of the ids are not registered units. */
    public List<String> unknown(List<String> ids) {
        List<String> existing = units.existing(ids);
        return ids.stream().filter(id -> !existing.contains(id)).toList();
    }
}
