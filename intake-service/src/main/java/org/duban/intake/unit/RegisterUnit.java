package org.duban.intake.unit;

import java.util.List;
import java.util.Objects;

import org.duban.intake.unit.ResponsibleUnit.Contact;
import org.duban.intake.unit.ResponsibleUnit.UnitKind;

/** What a supervisor gives to register a unit; shape and lengths are checked by the API schema. */
public record RegisterUnit(String code, String name, UnitKind kind, List<Contact> contacts) {

    public RegisterUnit {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
    }
}
