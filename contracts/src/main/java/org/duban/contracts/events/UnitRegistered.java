package org.duban.contracts.events;

import java.time.Instant;
import java.util.List;

/** {@code duban.unit.registered.v1}: a responsible unit (责任单位) was added to the registry. */
public record UnitRegistered(
        String unitId,
        String code,
        String name,
        String kind,
        List<UnitContact> contacts,
        Instant registeredAt,
        Actor actor) implements DubanEvent {

    public static final String TYPE = "duban.unit.registered.v1";

    public UnitRegistered {
        contacts = List.copyOf(contacts);
    }

    @Override
    public String partitionKey() {
        return unitId;
    }
}
