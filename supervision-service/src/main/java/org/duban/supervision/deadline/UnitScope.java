package org.duban.supervision.deadline;

import java.util.List;
import java.util.function.Function;

import org.duban.platform.domain.Caller;
import org.duban.platform.domain.Page;
import org.duban.platform.domain.PageRequest;

/**
 * Which units a caller's list covers: for those who see every unit, the unit asked for (every unit's
 * when null); for a unit, only its own, and nothing at all when it asks for another unit's (it then
 * gets an empty page, exactly as if that unit had none).
 *
 * @param unitId  the unit to list, or null for every unit's
 * @param forUnit the caller is that unit: only what the unit itself may see
 * @param nothing a unit asked for another unit's: the answer is empty
 */
public record UnitScope(String unitId, boolean forUnit, boolean nothing) {

    /** The page {@code query} gives for this scope; an empty one when the caller may see nothing of it. */
    public <T> Page<T> list(PageRequest page, Function<UnitScope, Page<T>> query) {
        return nothing ? new Page<>(List.of(), page, 0) : query.apply(this);
    }

    public static UnitScope of(Caller caller, String unitId) {
        if (caller.seesAllUnits()) {
            return new UnitScope(unitId, false, false);
        }
        if (unitId != null && !caller.isUnit(unitId)) {
            return new UnitScope(null, true, true);
        }
        return new UnitScope(caller.unitId(), true, false);
    }
}
