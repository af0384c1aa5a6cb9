package org.duban.notification.unit;

import java.util.Optional;
import java.util.function.Consumer;

import org.duban.contracts.events.UnitRegistered;

/**
 * Keeps the local copy of the units and their contacts from intake's events, and tells whoever waits
 * for a unit's contacts (the e-mails of messages that came first) once they are stored.
 */
public final class UnitDirectory {

    private final Units units;
    private final Consumer<Unit> recorded;

    public UnitDirectory(Units units) {
        this(units, unit -> { });
    }

    /** @param recorded told of each unit after it is stored */
    public UnitDirectory(Units units, Consumer<Unit> recorded) {
        this.units = units;
        this.recorded = recorded;
    }

    public void record(UnitRegistered registered) {
        Unit unit = new Unit(registered.unitId(), registered.code(), registered.name(),
                registered.contacts().stream()
                        .map(contact -> new Unit.Contact(contact.name(), contact.role(), contact.email()))
                        .toList());
        units.save(unit);
        recorded.accept(unit);
    }

    public Optional<Unit> byId(String unitId) {
        return units.byId(unitId);
    }
}
