package org.duban.notification.delivery;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.duban.notification.inbox.InboxMessage;
import org.duban.notification.routing.OutboundChannel;
import org.duban.notification.unit.Unit;
import org.duban.notification.unit.UnitDirectory;
import org.duban.notification.webhook.WebhookEndpoint;
import org.duban.notification.webhook.WebhookService;

/**
 * Turns a unit's new message into stored deliveries: one per active webhook endpoint that wants the
 * event type, and one e-mail to the unit's contacts when e-mail is on. Each new delivery is stored
 * through the dispatcher, which holds it for a free worker and attempts it at once; the store is what
 * counts, so nothing is lost in a restart. A message scheduled twice gets the same deliveries, stored
 * once (the dispatcher's rounds take any still due).
 */
public final class DeliveryScheduler implements OutboundChannel {

    private final Deliveries deliveries;
    private final WebhookService webhooks;
    private final UnitDirectory units;
    private final WebhookPayloads payloads;
    private final DeliverySettings settings;
    private final DeliveryHandOver dispatcher;
    private final DeliveryTraces traces;
    private final Clock clock;

    public DeliveryScheduler(Deliveries deliveries, WebhookService webhooks, UnitDirectory units,
            WebhookPayloads payloads, DeliverySettings settings, DeliveryHandOver dispatcher, Clock clock) {
        this(deliveries, webhooks, units, payloads, settings, dispatcher, DeliveryTraces.NONE, clock);
    }

    /** @param traces gives the trace context each new delivery stores (the consumed event's) */
    public DeliveryScheduler(Deliveries deliveries, WebhookService webhooks, UnitDirectory units,
            WebhookPayloads payloads, DeliverySettings settings, DeliveryHandOver dispatcher, DeliveryTraces traces,
            Clock clock) {
        this.traces = traces;
        this.deliveries = deliveries;
        this.webhooks = webhooks;
        this.units = units;
        this.payloads = payloads;
        this.settings = settings;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    /**
     * A unit's contacts are stored: the e-mails waiting for them go out now (to its addresses), or,
     * when it has none, fail now rather than at the end of the wait.
     */
    public void contactsKnown(Unit unit) {
        if (!settings.emailEnabled()) {
            return;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        if (deliveries.contactsArrived(unit.id(), unit.emailAddresses(), now) > 0) {
            dispatcher.wakeUp();
        }
    }

    @Override
    public void schedule(InboxMessage message) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String traceparent = traces.current();
        for (WebhookEndpoint endpoint : webhooks.receiversOf(message.unitId(), message.sourceEventType())) {
            String id = Delivery.idFor(message.id(), endpoint.id());
            add(Delivery.webhook(message, endpoint.id(), payloads.body(id, message, now), now,
                    settings.schedule().first(now)).tracedBy(traceparent));
        }
        if (settings.emailEnabled()) {
            Optional<Unit> unit = units.byId(message.unitId());
            if (unit.isPresent()) {
                List<String> addresses = unit.get().emailAddresses();
                if (!addresses.isEmpty()) {
                    add(Delivery.email(message, addresses, now, settings.schedule().first(now)).tracedBy(traceparent));
                }
            } else if (deliveries.addIfAbsent(Delivery.emailAwaitingContacts(message, now,
                    now.plus(settings.contactsWait())).tracedBy(traceparent))) {
                // the unit's UnitRegistered (another partition) may have been recorded meanwhile: look again
                units.byId(message.unitId()).ifPresent(this::contactsKnown);
            }
        }
    }

    private void add(Delivery delivery) {
        dispatcher.store(delivery);
    }
}
