package org.duban.notification.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.mongodb.MongoException;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.bson.Document;
import org.duban.contracts.events.Actor;
import org.duban.contracts.events.AssignmentIssued;
import org.duban.contracts.events.AssignmentObjected;
import org.duban.contracts.events.DubanEvent;
import org.duban.contracts.events.ReminderIssued;
import org.duban.contracts.events.UnitContact;
import org.duban.contracts.events.UnitRegistered;
import org.duban.notification.delivery.Delivery;
import org.duban.notification.delivery.DeliveryHandOver;
import org.duban.notification.delivery.DeliveryScheduler;
import org.duban.notification.delivery.DeliverySettings;
import org.duban.notification.delivery.RetrySchedule;
import org.duban.notification.delivery.mongo.MongoDeliveries;
import org.duban.notification.delivery.webhook.JsonWebhookPayloads;
import org.duban.notification.inbox.InboxService;
import org.duban.notification.inbox.mongo.MongoInboxMessages;
import org.duban.notification.routing.BatchRouting.EventToRoute;
import org.duban.notification.template.MessageTemplates;
import org.duban.notification.template.TemplateSource;
import org.duban.notification.unit.UnitDirectory;
import org.duban.notification.unit.mongo.MongoUnits;
import org.duban.notification.webhook.HostResolver;
import org.duban.notification.webhook.InMemoryWebhookEndpoints;
import org.duban.notification.webhook.TargetGuard;
import org.duban.notification.webhook.WebhookEndpoint;
import org.duban.notification.webhook.WebhookSecret;
import org.duban.notification.webhook.WebhookService;
import org.duban.platform.events.PendingEvents;
import org.duban.platform.idempotency.IdempotencyKeys;
import org.duban.platform.idempotency.IdempotentCreations;
import org.duban.platform.domain.EventNotHandled;
import org.duban.platform.outbox.AggregateWriter;
import org.duban.platform.outbox.OutboxProperties;
import org.duban.platform.outbox.OutboxRelay;
import org.duban.platform.testing.FreshDatabases;
import org.duban.platform.testing.FailingBulkWrites;
import org.duban.platform.testing.MovableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Routing a batch at a time ({@link BatchRouting}) against the Mongo-wire store, through the real driver: the inbox
 * messages, the deliveries (a unit's webhook, e-mails, some waiting for their unit's contacts) and the units a batch
 * stores are those the events one at a time ({@link RoutingService#route}, as the listeners did) store, however the
 * events are cut into batches, handed over again, or interrupted by a failed write. The consumer's record of handled
 * event ids is left out on purpose: the effects must count each event once on their own.
 */
class BatchRoutingIT {

    private static final Instant T0 = Instant.parse("2026-03-02T01:30:00Z");
    private static final Actor SUPERVISOR = new Actor("zhang.wei", "SUPERVISOR", null);
    private static final List<String> COLLECTIONS = List.of("inbox_messages", "deliveries", "units");

    @RegisterExtension
    static final FreshDatabases mongo = new FreshDatabases("routing_batch");

    @Test
    void batchesStoreWhatTheEventsOneAtATimeStore() {
        // given
        MongoDatabase oneAtATime = mongo.fresh();
        Routing routing = new Routing(oneAtATime);
        events().forEach(event -> {
            if (event.event() instanceof UnitRegistered registered) {
                routing.units.record(registered);
            }
            if (event.event() != null) {
                routing.oneAtATime.route(event.eventId(), event.event());
            }
        });
        MongoDatabase batched = mongo.fresh();

        // when
        inBatches(batched, events(), 5);

        // then
        assertThat(stored(batched)).isEqualTo(stored(oneAtATime));
        assertThat(stored(batched).get("deliveries")).as("webhook and e-mail deliveries").hasSizeGreaterThan(8);
    }

    @Test
    void batchesHandedOverAgainChangeNothing() {
        // given
        MongoDatabase database = mongo.fresh();
        inBatches(database, events(), 5);
        Map<String, List<Document>> once = withoutVersions(stored(database));

        // when: the same batches again, then the events cut into other batches
        inBatches(database, events(), 5);
        inBatches(database, events(), 3);

        // then: the same documents; only versions move (a unit's registration handled again touches the e-mails
        // still waiting for its contacts, as one at a time; the record of handled event ids keeps a consumer from it)
        assertThat(withoutVersions(stored(database))).isEqualTo(once);
    }

    @Test
    void aBatchWhoseInboxWriteFailedHalfWayAndIsHandedOverAgainEndsAsACleanRun() {
        // given
        MongoDatabase clean = mongo.fresh();
        inBatches(clean, events(), 6);
        MongoDatabase database = mongo.fresh();
        inBatches(database, events().subList(0, 6), 6);

        // when: the second batch's inbox write stores half its messages, then fails; the batch comes again
        assertThatThrownBy(() -> inBatches(FailingBulkWrites.failingHalfWay(database), events().subList(6, 12), 6))
                .isInstanceOf(MongoException.class);
        inBatches(database, events().subList(6, events().size()), 6);

        // then
        assertThat(stored(database)).isEqualTo(stored(clean));
    }

    @Test
    void anEventThatCannotBeRoutedLeavesTheMessagesOfTheEventsBeforeItDeliveredAndScheduled() {
        // given: an issued assignment that names no unit, second in its batch
        MongoDatabase database = mongo.fresh();
        Routing routing = new Routing(database);

        // when
        assertThatThrownBy(() -> routing.batches.routeAll(List.of(
                new EventToRoute("e1", issued("asg-1", "unit-1"), null),
                new EventToRoute("e2", issued("asg-x", null), null),
                new EventToRoute("e3", issued("asg-3", "unit-3"), null))))
                .isInstanceOfSatisfying(EventNotHandled.class, e -> assertThat(e.index()).isEqualTo(1));

        // then
        assertThat(stored(database).get("inbox_messages")).extracting(document -> document.getString("sourceEventId"))
                .containsExactly("e1");
        assertThat(stored(database).get("deliveries")).extracting(document -> document.getString("sourceEventId"))
                .containsOnly("e1").isNotEmpty();
    }

    /** Units 1–4 told of assignments and reminders, the office of objections; unit 2 and 3 registered on the way. */
    private static List<EventToRoute> events() {
        List<EventToRoute> events = new ArrayList<>();
        for (int i = 1; i <= 16; i++) {
            String unit = "unit-" + (1 + i % 4);
            String assignment = "asg-" + i;
            DubanEvent event = switch (i % 4) {
                case 0 -> new AssignmentObjected(assignment, "case-" + i, unit, T0, new Actor("li.na", "UNIT", unit));
                case 1 -> new ReminderIssued("rem-" + i, "ASSIGNMENT", assignment, "RESULT", "RED", T0, "case-" + i,
                        assignment, unit, T0, Actor.system("supervision-service"));
                default -> issued(assignment, unit);
            };
            events.add(new EventToRoute("evt-" + i, event, null));
            if (i == 5) {
                events.add(new EventToRoute("reg-2", registration("unit-2", "wang.fang@unit.example"), null));
            }
            if (i == 9) {
                events.add(new EventToRoute("unknown-" + i, null, null));
                events.add(new EventToRoute("reg-3", registration("unit-3", null), null));
            }
        }
        events.add(0, new EventToRoute("reg-1", registration("unit-1", "li.na@unit.example"), null));
        return events;
    }

    private static void inBatches(MongoDatabase database, List<EventToRoute> events, int size) {
        Routing routing = new Routing(database);
        for (int from = 0; from < events.size(); from += size) {
            routing.batches.routeAll(events.subList(from, Math.min(events.size(), from + size)));
        }
    }

    /** The service's routing over the database, as the application wires it (webhooks of unit 1, e-mail on). */
    private static final class Routing {

        final UnitDirectory units;
        final RoutingService oneAtATime;
        final BatchRouting batches;

        Routing(MongoDatabase database) {
            MovableClock clock = new MovableClock(T0);
            OutboxRelay relay = new OutboxRelay(database, event -> { },
                    new OutboxProperties(false, List.of("inbox_messages", "deliveries"), Duration.ofSeconds(1),
                            Duration.ofSeconds(30), 100, Duration.ZERO),
                    clock, new SimpleMeterRegistry());
            AggregateWriter writer = new AggregateWriter(relay);
            PendingEvents pending = new PendingEvents(clock);
            MongoDeliveries deliveries = new MongoDeliveries(database, writer, pending, relay);
            InMemoryWebhookEndpoints endpoints = new InMemoryWebhookEndpoints();
            endpoints.insertIfAbsent(new WebhookEndpoint("hook-1", "unit-1", URI.create("https://unit-1.example/hook"),
                    Set.of(AssignmentIssued.TYPE, ReminderIssued.TYPE), List.of(WebhookSecret.generate(T0)),
                    WebhookEndpoint.Status.ACTIVE, null, T0, 0L));
            IdempotencyKeys keys = (key, id, fingerprint) -> new IdempotencyKeys.Reservation(id, fingerprint);
            WebhookService webhooks = new WebhookService(endpoints,
                    new TargetGuard(new TargetGuard.Settings(true, true, false), HostResolver.SYSTEM), Set.of(),
                    Duration.ofHours(24), new IdempotentCreations(keys, clock), clock);
            DeliverySettings settings = new DeliverySettings(new RetrySchedule(List.of(Duration.ZERO), 0, () -> 0.5),
                    Duration.ofDays(30), true, Duration.ofHours(1));
            DeliveryScheduler[] scheduler = new DeliveryScheduler[1];
            units = new UnitDirectory(new MongoUnits(database), unit -> scheduler[0].contactsKnown(unit));
            scheduler[0] = new DeliveryScheduler(deliveries, webhooks, units, new JsonWebhookPayloads(), settings,
                    new DeliveryHandOver() {
                        @Override
                        public boolean store(Delivery delivery) {
                            return deliveries.addIfAbsent(delivery);
                        }

                        @Override
                        public void wakeUp() {
                        }
                    }, clock);
            InboxService inbox = new InboxService(new MongoInboxMessages(database, writer, pending), clock);
            oneAtATime = new RoutingService(new RoutingRules(),
                    new MessageTemplates(new TemplateSource(null), ZoneId.of("Asia/Shanghai")), inbox,
                    List.of(scheduler[0]));
            batches = new BatchRouting(oneAtATime, inbox, units, BatchRouting.EventTraces.NONE);
        }
    }

    private static AssignmentIssued issued(String assignmentId, String unitId) {
        return new AssignmentIssued(assignmentId, "case-" + assignmentId, unitId, "ASSIGN", "REAL_ESTATE", false, T0,
                T0.plusSeconds(15 * 86_400), T0.plusSeconds(60 * 86_400), SUPERVISOR);
    }

    private static UnitRegistered registration(String unitId, String email) {
        return new UnitRegistered(unitId, "U", "单位", "SUB_DISTRICT",
                email == null ? List.of() : List.of(new UnitContact("联络员", "联络员", "023-0000", email)), T0,
                Actor.system("intake-service"));
    }

    private static Map<String, List<Document>> stored(MongoDatabase database) {
        Map<String, List<Document>> stored = new TreeMap<>();
        for (String collection : COLLECTIONS) {
            stored.put(collection, database.getCollection(collection).find().sort(Sorts.ascending("_id"))
                    .into(new ArrayList<>()));
        }
        return stored;
    }

    private static Map<String, List<Document>> withoutVersions(Map<String, List<Document>> stored) {
        stored.values().forEach(documents -> documents.forEach(document -> document.remove("version")));
        return stored;
    }
}
