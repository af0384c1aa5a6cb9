package org.duban.intake.unit;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** A responsible unit (责任单位): who matters are assigned to, and whom to contact there. */
public record ResponsibleUnit(String id, String code, String name, UnitKind kind, List<Contact> contacts,
        Instant registeredAt) {

    public ResponsibleUnit {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(registeredAt, "registeredAt");
        contacts = List.copyOf(contacts);
    }

    /** 街道, 镇, 区级部门, 企事业单位, other. */
    public enum UnitKind { SUB_DISTRICT, TOWN, DEPARTMENT, ENTERPRISE, OTHER }

    /** A person to reach at the unit; phone and e-mail are optional. */
    public record Contact(String name, String role, String phone, String email) {
        public Contact {
            Objects.requireNonNull(name, "name");
        }
    }
}
