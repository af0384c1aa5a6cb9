package org.duban.notification.delivery;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.duban.notification.unit.Unit;
import org.duban.notification.unit.UnitDirectory;
import org.duban.platform.domain.Caller;
import org.duban.platform.domain.Conflict;
import org.duban.platform.domain.NotFound;
import org.duban.platform.domain.Page;
import org.duban.platform.domain.PageRequest;
import org.duban.platform.domain.Role;

/** The record of deliveries: list them (a unit its own, the office all), redeliver one. */
public final class DeliveryService {

    private final Deliveries deliveries;
    private final DeliverySettings settings;
    private final Runnable wakeDispatcher;
    private final UnitDirectory units;
    private final Clock clock;

    /** @param units addresses an e-mail redelivered after it failed for want of its unit's contacts */
    public DeliveryService(Deliveries deliveries, DeliverySettings settings, Runnable wakeDispatcher,
            UnitDirectory units, Clock clock) {
        this.deliveries = deliveries;
        this.units = units;
        this.settings = settings;
        this.wakeDispatcher = wakeDispatcher;
        this.clock = clock;
    }

    public Page<Delivery> list(Caller caller, DeliveryStatus status, PageRequest page) {
        caller.require(Role.UNIT, Role.SUPERVISOR, Role.LEADER);
        return deliveries.list(caller.seesAllUnits() ? null : caller.unitId(), status, page);
    }

    /**
     * Schedules the delivery again from the start, same id.
     *
     * @throws NotFound      if it does not exist or is another unit's
     * @throws org.duban.platform.domain.StateConflict while it is still pending
     */
    public Delivery redeliver(Caller caller, String id) {
        caller.require(Role.UNIT, Role.SUPERVISOR);
        Delivery delivery = deliveries.byId(id).filter(found -> caller.canSee(found.unitId()))
                .orElseThrow(() -> new NotFound("delivery", id));
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        delivery.redeliver(now, settings.schedule());
        if (delivery.awaitsContacts()) {
            units.byId(delivery.unitId()).map(Unit::emailAddresses).filter(addresses -> !addresses.isEmpty())
                    .ifPresent(delivery::addressTo);
        }
        if (!deliveries.storeRedelivery(delivery, now)) {
            throw new Conflict("delivery " + id + " changed meanwhile; read it again");
        }
        wakeDispatcher.run();
        return delivery;
    }
}
