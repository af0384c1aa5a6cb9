package org.duban.intake.unit;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.duban.platform.domain.Caller;
import org.duban.platform.domain.Conflict;
import org.duban.platform.domain.NotFound;
import org.duban.platform.domain.Page;
import org.duban.platform.domain.PageRequest;
import org.duban.platform.domain.Role;
import org.duban.platform.idempotency.IdempotentCreations;

/** Registering and listing responsible units. */
public final class UnitService {

    /** How many registered unit ids are remembered at most: a district's units, many times over. */
    static final int REMEMBERED_UNITS = 10_000;

    private final ResponsibleUnits units;
    /** Ids found registered (never removed, so never stale). */
    private final Set<String> registered = ConcurrentHashMap.newKeySet();
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

    /**
     * Which of the ids are not registered units. A unit is never removed, so one found registered stays known
     * here (up to {@link #REMEMBERED_UNITS}) and the check that comes with every assignment asks the store only
     * about units not seen yet: one read less on the way of an assignment (issue #14).
     */
    public List<String> unknown(List<String> ids) {
        List<String> notSeen = ids.stream().filter(id -> !registered.contains(id)).toList();
        if (notSeen.isEmpty()) {
            return List.of();
        }
        List<String> existing = units.existing(notSeen);
        if (registered.size() < REMEMBERED_UNITS) {
            registered.addAll(existing);
        }
        return notSeen.stream().filter(id -> !existing.contains(id)).toList();
    }
}
