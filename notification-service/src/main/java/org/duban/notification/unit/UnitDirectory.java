package org.duban.notification.unit;

import java.util.Optional;

import org.duban.contracts.events.UnitRegistered;

/** Keeps the local copy of the units and their contacts from intake's events. */
public final class UnitDirectory {

    private final Units units;

    public UnitDirectory(Units units) {
        this.units = units;
    }

    public void record(UnitRegistered registered) {
        units.save(new Unit(registered.unitId(), registered.code(), registered.name(),
                registered.contacts().stream()
                        .map(contact -> new Unit.Contact(contact.name(), contact.role(), contact.email()))
                        .toList()));
    }

    public Optional<Unit> byId(String unitId) {
        return units.byId(unitId);
    }
}
