package org.duban.intake.unit;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.duban.contracts.events.Actor;
import org.duban.contracts.events.DubanEvent;
import org.duban.contracts.events.UnitContact;
import org.duban.contracts.events.UnitRegistered;
import org.duban.platform.domain.AggregateRoot;

/**
 * A responsible unit (责任单位): who matters are assigned to, and whom to contact there. Registered once;
 * its registration records the event the other services learn it from, stored with it in one write.
 */
public final class ResponsibleUnit extends AggregateRoot<DubanEvent> {

    private final ResponsibleUnitSnapshot state;

    private ResponsibleUnit(ResponsibleUnitSnapshot state) {
        this.state = state;
    }

    /** Registers the unit the request describes, now, by {@code registrar}. */
    public static ResponsibleUnit register(String id, RegisterUnit request, Instant now, Actor registrar) {
        ResponsibleUnit unit = new ResponsibleUnit(new ResponsibleUnitSnapshot(id, request.code(), request.name(),
                request.kind(), request.contacts(), now, 0));
        unit.record(new UnitRegistered(id, request.code(), request.name(), request.kind().name(),
                request.contacts().stream()
                        .map(contact -> new UnitContact(contact.name(), contact.role(), contact.phone(), contact.email()))
                        .toList(),
                now, registrar));
        return unit;
    }

    /** Rebuilds a stored unit. */
    public static ResponsibleUnit restore(ResponsibleUnitSnapshot stored) {
        return new ResponsibleUnit(stored);
    }

    /** The unit as it is stored and shown. */
    public ResponsibleUnitSnapshot snapshot() {
        return state;
    }

    @Override
    public long version() {
        return state.version();
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
