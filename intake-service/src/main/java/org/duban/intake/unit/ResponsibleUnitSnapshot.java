package org.duban.intake.unit;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.duban.intake.unit.ResponsibleUnit.Contact;
import org.duban.intake.unit.ResponsibleUnit.UnitKind;

/** A unit's whole state, as it is stored and shown; {@code version} is the version it was stored at. */
public record ResponsibleUnitSnapshot(String id, String code, String name, UnitKind kind, List<Contact> contacts,
        Instant registeredAt, long version) {

    public ResponsibleUnitSnapshot {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(registeredAt, "registeredAt");
        contacts = List.copyOf(contacts);
    }
}
