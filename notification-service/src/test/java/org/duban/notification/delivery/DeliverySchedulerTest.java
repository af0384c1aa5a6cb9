package org.duban.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.duban.contracts.events.Actor;
import org.duban.contracts.events.UnitContact;
import org.duban.contracts.events.UnitRegistered;
import org.duban.notification.inbox.InboxFixtures;
import org.duban.notification.inbox.InboxMessage;
import org.duban.notification.unit.Unit;
import org.duban.notification.unit.UnitDirectory;
import org.duban.notification.unit.Units;
import org.duban.notification.webhook.InMemoryWebhookEndpoints;
import org.duban.notification.webhook.HostResolver;
import org.duban.notification.webhook.TargetGuard;
import org.duban.notification.webhook.WebhookService;
import org.duban.platform.domain.Caller;
import org.duban.platform.idempotency.IdempotencyKeys;
import org.duban.platform.idempotency.IdempotentCreations;
import org.duban.platform.testing.MovableClock;
import org.junit.jupiter.api.Test;

/** E-mails of messages that arrive before their unit's contacts. */
class DeliverySchedulerTest {

    private static final Instant T0 = Instant.parse("2026-03-02T01:30:00Z");
    private static final Duration WAIT = Duration.ofHours(1);

    private final MovableClock clock = new MovableClock(T0);
    private final InMemoryDeliveries deliveries = new InMemoryDeliveries();
    private final StoredUnits units = new StoredUnits();
    private final AtomicInteger wakeUps = new AtomicInteger();
    private final List<String> handedOver = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final DeliveryScheduler scheduler = scheduler(new UnitDirectory(units));
    /** Records units as the intake listener does: stored, then the scheduler told. */
    private final UnitDirectory directory = new UnitDirectory(units, unit -> scheduler.contactsKnown(unit));

    @Test
    void aMessageBeforeItsUnitsContactsGetsAnEmailThatWaitsForThemAndGoesOutWhenTheyArrive() {
        // given
        InboxMessage message = InboxFixtures.unreadMessage("evt-1", "unit-1", T0);

        // when
        scheduler.schedule(message);

        // then: waiting, due only at the end of the wait
        Delivery waiting = theEmail(message);
        assertThat(waiting.awaitsContacts()).isTrue();
        assertThat(waiting.nextAttemptAt()).isEqualTo(T0.plus(WAIT));
        assertThat(wakeUps.get()).as("nothing due now").isZero();

        // when: the contacts arrive
        clock.advance(Duration.ofMinutes(2));
        directory.record(registration("unit-1", "li.na@unit.example"));

        // then: addressed and due now, the dispatcher woken
        Delivery addressed = theEmail(message);
        assertThat(addressed.target().recipients()).containsExactly("li.na@unit.example");
        assertThat(addressed.nextAttemptAt()).isEqualTo(T0.plus(Duration.ofMinutes(2)));
        assertThat(addressed.status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(wakeUps.get()).isEqualTo(1);
    }

    @Test
    void contactsWithoutAnEmailAddressMakeTheWaitingEmailDueAtOnceStillWithoutRecipientsSoItFails() {
        // given
        InboxMessage message = InboxFixtures.unreadMessage("evt-2", "unit-2", T0);
        scheduler.schedule(message);

        // when
        directory.record(registration("unit-2", null));

        // then
        Delivery due = theEmail(message);
        assertThat(due.awaitsContacts()).isTrue();
        assertThat(due.nextAttemptAt()).isEqualTo(T0);
    }

    @Test
    void contactsStoredWhileTheMessageWasBeingScheduledAreNotMissed() {
        // given: the unit is stored between the scheduler's first look and its insert
        units.appearOnSecondLook(registered("unit-3", "wang.fang@unit.example"));
        InboxMessage message = InboxFixtures.unreadMessage("evt-3", "unit-3", T0);

        // when
        scheduler.schedule(message);

        // then
        assertThat(theEmail(message).target().recipients()).containsExactly("wang.fang@unit.example");
        assertThat(theEmail(message).nextAttemptAt()).isEqualTo(T0);
    }

    @Test
    void anEmailThatFailedForWantOfContactsIsAddressedWhenRedeliveredAfterTheyArrived() {
        // given: the wait ended without contacts
        InboxMessage message = InboxFixtures.unreadMessage("evt-5", "unit-5", T0);
        scheduler.schedule(message);
        clock.advance(WAIT);
        Delivery failed = theEmail(message);
        failed.record(AttemptOutcome.permanentFailure(null, 0, "no e-mail address"), clock.instant(),
                new RetrySchedule(List.of(Duration.ZERO), 0, () -> 0.5), Duration.ofDays(30));
        deliveries.storeRedelivery(failed, clock.instant());
        units.save(registered("unit-5", "zhou.min@unit.example"));
        DeliveryService service = new DeliveryService(deliveries, new DeliverySettings(
                new RetrySchedule(List.of(Duration.ZERO), 0, () -> 0.5), Duration.ofDays(30), true, WAIT),
                wakeUps::incrementAndGet, new UnitDirectory(units), clock);

        // when
        service.redeliver(Caller.unit("zhou.min", "unit-5"), failed.id());

        // then
        assertThat(theEmail(message).status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(theEmail(message).target().recipients()).containsExactly("zhou.min@unit.example");
    }

    @Test
    void aNewDeliveryIsStoredThroughTheDispatcherAndASecondSchedulingStoresNoneAgain() {
        // given
        units.save(registered("unit-6", "chen.jie@unit.example"));
        InboxMessage message = InboxFixtures.unreadMessage("evt-6", "unit-6", T0);

        // when: scheduled, then again (a crash came between the inbox and the channels)
        scheduler.schedule(message);
        scheduler.schedule(message);

        // then: stored once, through the dispatcher, due now; no search of the store asked for
        assertThat(handedOver).containsExactly(theEmail(message).id());
        assertThat(theEmail(message).nextAttemptAt()).isEqualTo(T0);
        assertThat(wakeUps.get()).isZero();
    }

    @Test
    void aKnownUnitWithoutAnEmailAddressGetsNoEmail() {
        units.save(new Unit("unit-4", "U4", "单位四", List.of(new Unit.Contact("值班室", "值班", null))));

        scheduler.schedule(InboxFixtures.unreadMessage("evt-4", "unit-4", T0));

        assertThat(deliveries.list(null, null, org.duban.platform.domain.PageRequest.of(0, 10)).items()).isEmpty();
    }

    private DeliveryScheduler scheduler(UnitDirectory directory) {
        IdempotencyKeys keys = (key, id, fingerprint) -> new IdempotencyKeys.Reservation(id, fingerprint);
        TargetGuard guard = new TargetGuard(new TargetGuard.Settings(true, true, false), HostResolver.SYSTEM);
        WebhookService webhooks = new WebhookService(new InMemoryWebhookEndpoints(), guard, Set.of(),
                Duration.ofHours(24), new IdempotentCreations(keys, clock), clock);
        DeliverySettings settings = new DeliverySettings(new RetrySchedule(List.of(Duration.ZERO), 0, () -> 0.5),
                Duration.ofDays(30), true, WAIT);
        return new DeliveryScheduler(deliveries, webhooks, directory, (id, message, at) -> "{}", settings,
                new DeliveryHandOver() {
                    @Override
                    public boolean store(Delivery delivery) {
                        boolean stored = deliveries.addIfAbsent(delivery);
                        if (stored) {
                            handedOver.add(delivery.id());
                        }
                        return stored;
                    }

                    @Override
                    public void wakeUp() {
                        wakeUps.incrementAndGet();
                    }
                }, clock);
    }

    private Delivery theEmail(InboxMessage message) {
        return deliveries.byId(Delivery.idFor(message.id(), "email")).orElseThrow();
    }

    private static UnitRegistered registration(String unitId, String email) {
        return new UnitRegistered(unitId, "U", "单位", "SUB_DISTRICT",
                List.of(new UnitContact("联络员", "联络员", "023-0000", email)), T0, Actor.system("intake-service"));
    }

    private static Unit registered(String unitId, String email) {
        return new Unit(unitId, "U", "单位", List.of(new Unit.Contact("联络员", "联络员", email)));
    }

    /** Units in a map; optionally one that shows up only on the second read. */
    private static final class StoredUnits implements Units {

        private final Map<String, Unit> units = new HashMap<>();
        private Unit late;
        private int reads;

        @Override
        public synchronized void save(Unit unit) {
            units.put(unit.id(), unit);
        }

        @Override
        public synchronized Optional<Unit> byId(String id) {
            if (late != null && late.id().equals(id) && ++reads == 2) {
                units.put(id, late);
            }
            return Optional.ofNullable(units.get(id));
        }

        void appearOnSecondLook(Unit unit) {
            this.late = unit;
        }
    }
}
