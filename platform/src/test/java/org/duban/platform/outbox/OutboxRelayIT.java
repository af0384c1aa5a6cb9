package org.duban.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.duban.contracts.events.Actor;
import org.duban.contracts.events.AssignmentAccepted;
import org.duban.contracts.events.AssignmentIssued;
import org.duban.contracts.events.Topics;
import org.duban.platform.events.PendingEvent;
import org.duban.platform.events.PendingEvents;
import org.duban.platform.inbox.ProcessedEvents;
import org.duban.platform.kafka.CloudEventRecords;
import org.duban.platform.kafka.IncomingEvent;
import org.duban.platform.kafka.KafkaEventPublisher;
import org.duban.platform.testing.EmbeddedMongo;
import org.duban.platform.testing.MovableClock;
import org.duban.platform.testing.TopicReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.condition.EmbeddedKafkaCondition;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * The outbox against a real broker and the Mongo-wire store: what is stored is published, in order,
 * as CloudEvents keyed by the matter, whatever crashes in between — and never lost.
 */
@EmbeddedKafka(partitions = 1)
class OutboxRelayIT {

    private static MongoClient client;
    /** The claims the relays send (updates setting a claim's token), as the store receives them. */
    private static final List<Document> claims = new CopyOnWriteArrayList<>();
    /** The rounds' searches for documents with events (find commands on the outbox field). */
    private static final List<Document> searches = new CopyOnWriteArrayList<>();
    /** Every command the store receives. */
    private static final List<Document> commands = new CopyOnWriteArrayList<>();
    private static KafkaTemplate<String, byte[]> template;
    private static String bootstrap;

    private final Clock clock = Clock.systemUTC();
    private final PendingEvents pendingEvents = new PendingEvents(clock);
    private MongoDatabase database;
    private String topic;

    @BeforeAll
    static void connect() {
        EmbeddedKafkaBroker broker = EmbeddedKafkaCondition.getBroker();
        bootstrap = broker.getBrokersAsString();
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(EmbeddedMongo.uri()))
                .addCommandListener(new CommandListener() {
                    @Override
                    public void commandStarted(CommandStartedEvent event) {
                        commands.add(Document.parse(event.getCommand().toJson()).append("command$", event.getCommandName())
                                .append("thread$", Thread.currentThread().getName()));
                        if (event.getCommandName().equals("update") && isClaim(Document.parse(event.getCommand().toJson()))) {
                            claims.add(Document.parse(event.getCommand().toJson()));
                        }
                        if (event.getCommandName().equals("find")
                                && event.getCommand().toJson().contains(OutboxDocuments.OUTBOX_SINCE)) {
                            searches.add(Document.parse(event.getCommand().toJson()));
                        }
                    }
                })
                .build());
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        template = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config, new StringSerializer(), new ByteArraySerializer()));
    }

    @AfterAll
    static void disconnect() {
        client.close();
        template.destroy();
    }

    @BeforeEach
    void freshDatabaseAndTopic() {
        database = client.getDatabase("outbox_" + UUID.randomUUID().toString().replace("-", ""));
        topic = Topics.INTAKE;
    }

    @Test
    void publishesStoredEventsInOrderAsBinaryCloudEventsKeyedByTheMatter() {
        // given
        OutboxRelay relay = relay(publisher());
        AggregateWriter writer = new AggregateWriter(relay);
        List<PendingEvent> events = pendingEvents.of("asg-1", List.of(issued("case-1", "asg-1"), accepted("case-1", "asg-1")));
        writer.insert(collection(), new Document("_id", "asg-1").append("status", "ACCEPTED"), events);

        // when
        int published = relay.publishPending();

        // then
        assertThat(published).isEqualTo(2);
        List<ConsumerRecord<String, byte[]>> records = recordsWithIds(events);
        assertThat(records).extracting(ConsumerRecord::key).containsExactly("case-1", "case-1");
        assertThat(records).extracting(record -> header(record, "ce_type"))
                .containsExactly(AssignmentIssued.TYPE, AssignmentAccepted.TYPE);
        ConsumerRecord<String, byte[]> first = records.get(0);
        assertThat(header(first, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(first, "ce_source")).isEqualTo("/duban/intake-service");
        assertThat(header(first, "ce_subject")).isEqualTo("asg-1");
        assertThat(header(first, "ce_time")).isNotBlank();
        assertThat(header(first, "content-type")).isEqualTo("application/json");
        assertThat(new String(first.value(), StandardCharsets.UTF_8)).isEqualTo(events.get(0).data());
        IncomingEvent read = CloudEventRecords.read(first);
        assertThat(read.payload()).isEqualTo(issued("case-1", "asg-1"));
        Document stored = collection().find().first();
        assertThat(stored).doesNotContainKeys(OutboxDocuments.OUTBOX_SINCE, OutboxDocuments.OUTBOX_LEASE);
        assertThat(stored.getList(OutboxDocuments.OUTBOX, Document.class)).isEmpty();
    }

    @Test
    void eventsStoredBeforeACrashArePublishedByTheRelayOfTheNextStart() {
        // given: the state and its event were stored, then the process died before the relay ran
        AggregateWriter writerOfTheDeadProcess = new AggregateWriter(relay(publisher()));
        List<PendingEvent> events = pendingEvents.of("asg-2", List.of(issued("case-2", "asg-2")));
        writerOfTheDeadProcess.insert(collection(), new Document("_id", "asg-2"), events);

        // when: a new process starts its relay
        OutboxRelay relayAfterRestart = relay(publisher());
        relayAfterRestart.publishPending();

        // then
        assertThat(recordsWithIds(events)).hasSize(1);
        assertThat(relayAfterRestart.publishPending()).isZero();
    }

    @Test
    void aCrashBetweenPublishAndRemovalRepublishesAndTheConsumerHasOneEffect() {
        // given: the broker took the event, then the relay died before removing it from the outbox
        AtomicBoolean crashAfterPublish = new AtomicBoolean(true);
        EventPublisher real = publisher();
        EventPublisher crashing = event -> {
            real.publish(event);
            if (crashAfterPublish.getAndSet(false)) {
                throw new IllegalStateException("killed after publish");
            }
        };
        OutboxRelay relay = relay(crashing);
        List<PendingEvent> events = pendingEvents.of("asg-3", List.of(issued("case-3", "asg-3")));
        new AggregateWriter(relay).insert(collection(), new Document("_id", "asg-3"), events);
        relay.publishPending();

        // when: the next round publishes it again
        relay.publishPending();

        // then: two copies on the topic, one effect at the consumer
        List<ConsumerRecord<String, byte[]>> records = recordsWithIds(events);
        assertThat(records).hasSize(2);
        ProcessedEvents processed = new ProcessedEvents(database, clock, Duration.ofDays(90));
        AtomicInteger effects = new AtomicInteger();
        records.forEach(record -> processed.handleOnce("test-consumer", CloudEventRecords.read(record), effects::incrementAndGet));
        assertThat(effects).hasValue(1);
        assertThat(collection().find().first()).doesNotContainKey(OutboxDocuments.OUTBOX_SINCE);
    }

    @Test
    void aFailedPublishKeepsTheEventForTheNextRound() {
        // given
        EventPublisher down = event -> {
            throw new IllegalStateException("broker unreachable");
        };
        List<PendingEvent> events = pendingEvents.of("asg-4", List.of(issued("case-4", "asg-4")));
        new AggregateWriter(relay(down)).insert(collection(), new Document("_id", "asg-4"), events);
        // no retry delay, and a clock that stands still: the next round comes within the same millisecond
        Clock standing = new MovableClock(clock.instant());

        // when
        int whileDown = relay(down, standing).publishPending();
        int afterRecovery = relay(publisher(), standing).publishPending();

        // then
        assertThat(whileDown).isZero();
        assertThat(afterRecovery).isEqualTo(1);
        assertThat(recordsWithIds(events)).hasSize(1);
    }

    @Test
    void twoRelaysRunningTogetherPublishEveryEventExactlyOnce() throws Exception {
        // given
        OutboxRelay first = relay(publisher());
        OutboxRelay second = relay(publisher());
        AggregateWriter writer = new AggregateWriter(first);
        List<PendingEvent> all = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            List<PendingEvent> events = pendingEvents.of("asg-m" + i, List.of(issued("case-m" + i, "asg-m" + i)));
            writer.insert(collection(), new Document("_id", "asg-m" + i), events);
            all.addAll(events);
        }

        // when
        Thread a = new Thread(first::publishPending);
        Thread b = new Thread(second::publishPending);
        a.start();
        b.start();
        a.join();
        b.join();

        // then
        Map<String, Long> copies = recordsWithIds(all).stream()
                .collect(Collectors.groupingBy(record -> header(record, "ce_id"), Collectors.counting()));
        assertThat(copies).hasSize(60).allSatisfy((id, count) -> assertThat(count).isEqualTo(1L));
    }

    @Test
    void aRelayStoppedInTheMiddleOfAPublishFinishesItAndHoldsNoLeaseAfterwards() throws Exception {
        // given: a running relay whose publish is slow, holding a long lease
        CountDownLatch publishing = new CountDownLatch(1);
        EventPublisher real = publisher();
        EventPublisher slow = event -> {
            publishing.countDown();
            Thread.sleep(300);
            real.publish(event);
        };
        OutboxRelay relay = new OutboxRelay(database, slow,
                new OutboxProperties(true, List.of("assignments"), Duration.ofMillis(50), Duration.ofDays(3650), 100,
                        Duration.ZERO),
                clock, new SimpleMeterRegistry());
        List<PendingEvent> events = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            List<PendingEvent> one = pendingEvents.of("asg-s" + i, List.of(issued("case-s" + i, "asg-s" + i)));
            new AggregateWriter(relay).insert(collection(), new Document("_id", "asg-s" + i), one);
            events.addAll(one);
        }
        relay.start();
        assertThat(publishing.await(10, TimeUnit.SECONDS)).isTrue();

        // when: the instance shuts down while the first document is being published
        relay.stop();

        // then: nothing stays claimed, and the next instance publishes the rest at once
        assertThat(collection().countDocuments(new Document(OutboxDocuments.OUTBOX_LEASE, new Document("$exists", true))))
                .isZero();
        relay(publisher()).publishPending();
        assertThat(recordsWithIds(events)).hasSize(3);
    }

    @Test
    void anUpdateAppendsEventsAndRefusesAStaleVersion() {
        // given
        OutboxRelay relay = relay(publisher());
        AggregateWriter writer = new AggregateWriter(relay);
        writer.insert(collection(), new Document("_id", "asg-5").append("status", "ASSIGNED"),
                pendingEvents.of("asg-5", List.of(issued("case-5", "asg-5"))));
        relay.publishPending();

        // when
        List<PendingEvent> acceptance = pendingEvents.of("asg-5", List.of(accepted("case-5", "asg-5")));
        writer.update(collection(), "asg-5", 0, new Document("status", "ACCEPTED"), acceptance);

        // then
        Document stored = collection().find().first();
        assertThat(stored.getString("status")).isEqualTo("ACCEPTED");
        assertThat(stored.getLong("version")).isEqualTo(1L);
        assertThat(stored.getList(OutboxDocuments.OUTBOX, Document.class)).hasSize(1);
        assertThatThrownBy(() -> writer.update(collection(), "asg-5", 0, new Document("status", "CONCLUDED"), List.of()))
                .isInstanceOf(AggregateWriter.ConcurrentModification.class);
        assertThat(relay.publishPending()).isEqualTo(1);
        assertThat(recordsWithIds(acceptance)).hasSize(1);
    }

    @Test
    void theWriteThatStoresEventsHasThemPublishedAtOnceByAClaimOnThatDocumentNotBySearchingTheCollection()
            throws Exception {
        // given: a running relay whose rounds over the collection come only every hour, its first one done, and an
        // aggregate stored without events
        OutboxRelay relay = relayWithoutRounds(publisher());
        AggregateWriter writer = new AggregateWriter(relay);
        for (int i = 0; i < 20; i++) {
            collection().insertOne(new Document("_id", "asg-old" + i)); // documents without events
        }
        writer.insert(collection(), new Document("_id", "asg-6").append("status", "ASSIGNED"), List.of());
        relay.start();
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> !searchesOf(collection()).isEmpty());
            claims.clear();
            searches.clear();

            // when: an update stores its events
            List<PendingEvent> events = pendingEvents.of("asg-6", List.of(issued("case-6", "asg-6")));
            writer.update(collection(), "asg-6", 0, new Document("status", "ACCEPTED"), events);

            // then: published, the only claim being one on the written document's id
            await().atMost(Duration.ofSeconds(10)).until(() -> recordsWithIds(events).size() == 1);
            assertThat(claimsOf(collection())).singleElement()
                    .satisfies(claim -> assertThat(claimFilter(claim).toJson()).contains("\"_id\": {\"$in\": [\"asg-6\"]}"));
            assertThat(searchesOf(collection())).isEmpty();
        } finally {
            relay.stop();
        }
    }

    @Test
    void aNewAggregateIsStoredClaimedByTheRunningRelayWhichSendsItsEventsWithoutAClaimOrAReadAndThenReleasesIt()
            throws Exception {
        // given: a running relay whose rounds over the collection come only every hour, its first one done
        OutboxRelay relay = relayWithoutRounds(publisher());
        AggregateWriter writer = new AggregateWriter(relay);
        relay.start();
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> !searchesOf(collection()).isEmpty());
            commands.clear();

            // when
            List<PendingEvent> events = pendingEvents.of("asg-n", List.of(issued("case-n", "asg-n"), accepted("case-n", "asg-n")));
            writer.insert(collection(), new Document("_id", "asg-n").append("status", "ACCEPTED"), events);

            // then: both published in order; the store saw the insert (the document claimed in it) and one release
            await().atMost(Duration.ofSeconds(10)).until(() -> recordsWithIds(events).size() == 2);
            assertThat(recordsWithIds(events)).extracting(record -> header(record, "ce_id"))
                    .containsExactlyElementsOf(ids(events));
            await().atMost(Duration.ofSeconds(10)).until(() -> !collection().find().first().containsKey(OutboxDocuments.OUTBOX_SINCE));
            assertThat(relayCommandsOn(collection())).extracting(command -> command.getString("command$"))
                    .containsExactly("update");
            Document inserted = commandsOf(collection()).stream()
                    .filter(command -> command.getString("command$").equals("insert")).findFirst().orElseThrow()
                    .getList("documents", Document.class).get(0);
            assertThat(inserted).containsKeys(OutboxDocuments.OUTBOX_LEASE, OutboxDocuments.OUTBOX_CLAIM);
            Document stored = collection().find().first();
            assertThat(stored).doesNotContainKeys(OutboxDocuments.OUTBOX_SINCE, OutboxDocuments.OUTBOX_LEASE,
                    OutboxDocuments.OUTBOX_CLAIM);
            assertThat(stored.getList(OutboxDocuments.OUTBOX, Document.class)).isEmpty();
            // what a later publication of the stored events would send is what went out
            assertThat(recordsWithIds(events)).extracting(record -> header(record, "ce_time"))
                    .containsExactlyElementsOf(events.stream()
                            .map(event -> OutboxDocuments.fromDocument(OutboxDocuments.toDocument(event)))
                            .map(event -> new String(CloudEventRecords.toRecord(event, java.net.URI.create("/duban/intake-service"))
                                    .headers().lastHeader("ce_time").value(), StandardCharsets.UTF_8)).toList());
        } finally {
            relay.stop();
        }
    }

    @Test
    void aNewAggregateStoredClaimedByARelayThatDiedBeforeSendingIsPublishedOnceTheLeaseExpired() throws Exception {
        // given: a running relay took a new aggregate's events and hangs before the broker has them (its process
        // dying); a second new aggregate waits behind it, stored claimed as well
        CountDownLatch dead = new CountDownLatch(1);
        CountDownLatch hung = new CountDownLatch(1);
        EventPublisher dying = sendingWith(event -> {
            hung.countDown();
            awaitQuietly(dead);
            return CompletableFuture.failedFuture(new IllegalStateException("killed"));
        });
        OutboxRelay dyingRelay = relayWithoutRounds(dying);
        AggregateWriter writer = new AggregateWriter(dyingRelay);
        dyingRelay.start();
        try {
            List<PendingEvent> all = new ArrayList<>();
            for (String id : List.of("asg-x1", "asg-x2")) {
                List<PendingEvent> events = pendingEvents.of(id, List.of(issued("case-x", id)));
                writer.insert(collection(), new Document("_id", id), events);
                all.addAll(events);
                assertThat(hung.await(10, TimeUnit.SECONDS)).isTrue();
            }

            // when: another instance runs a round while the leases hold, then once they have expired
            int whileLeased = relay(publisher()).publishPending();
            int afterTheLease = new OutboxRelay(database, publisher(),
                    new OutboxProperties(true, List.of("assignments"), Duration.ofMillis(100), Duration.ofSeconds(30),
                            100, Duration.ZERO),
                    Clock.offset(clock, Duration.ofSeconds(31)), new SimpleMeterRegistry()).publishPending();

            // then: each published once, by the other instance, after the lease
            assertThat(whileLeased).isZero();
            assertThat(afterTheLease).isEqualTo(2);
            assertThat(recordsWithIds(all)).extracting(record -> header(record, "ce_id"))
                    .containsExactlyInAnyOrderElementsOf(ids(all));
            for (String id : List.of("asg-x1", "asg-x2")) {
                assertThat(outboxIds(id)).isEmpty();
            }
        } finally {
            dead.countDown();
            dyingRelay.stop();
        }
    }

    @Test
    void aRelayStoppingReleasesTheNewAggregatesHandedOverAndNotSentForTheNextStart() throws Exception {
        // given: a running relay holds a send while a second new aggregate is stored claimed and handed over
        FirstSendHeld held = new FirstSendHeld(publisher());
        OutboxRelay relay = relayWithoutRounds(held.publisher);
        AggregateWriter writer = new AggregateWriter(relay);
        relay.start();
        List<PendingEvent> sentFirst = pendingEvents.of("asg-s1", List.of(issued("case-s", "asg-s1")));
        writer.insert(collection(), new Document("_id", "asg-s1"), sentFirst);
        assertThat(held.holding.await(10, TimeUnit.SECONDS)).isTrue();
        List<PendingEvent> waiting = pendingEvents.of("asg-s2", List.of(issued("case-s", "asg-s2")));
        writer.insert(collection(), new Document("_id", "asg-s2"), waiting);
        assertThat(collection().find(new Document("_id", "asg-s2")).first()).containsKey(OutboxDocuments.OUTBOX_CLAIM);

        // when: the relay stops, its send finishing
        Thread stopping = new Thread(relay::stop);
        stopping.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> !relay.isRunning());
        held.release.countDown();
        stopping.join(20_000);

        // then: the first went out; the second is stored unclaimed, and the next start's round takes it at once
        assertThat(recordsWithIds(sentFirst)).hasSize(1);
        assertThat(collection().find(new Document("_id", "asg-s2")).first())
                .doesNotContainKeys(OutboxDocuments.OUTBOX_LEASE, OutboxDocuments.OUTBOX_CLAIM);
        assertThat(relay(publisher()).publishPending()).isEqualTo(1);
        assertThat(recordsWithIds(waiting)).hasSize(1);
    }

    @Test
    void aWriteWithoutEventsDoesNotWakeTheRelay() {
        // given
        OutboxRelay relay = relayWithoutRounds(publisher());
        AggregateWriter writer = new AggregateWriter(relay);
        relay.start();
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> !searchesOf(collection()).isEmpty());
            claims.clear();
            searches.clear();

            // when
            writer.insert(collection(), new Document("_id", "asg-7").append("status", "ASSIGNED"), List.of());
            writer.update(collection(), "asg-7", 0, new Document("status", "ACCEPTED"), List.of());

            // then: nobody looks for events (the next round is an hour away)
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2))
                    .until(() -> claimsOf(collection()).isEmpty() && searchesOf(collection()).isEmpty());
        } finally {
            relay.stop();
        }
    }

    @Test
    void anEventAppendedWhileTheRelayPublishesStaysInTheOutboxAndGoesOutNext() {
        // given: while the relay publishes the first event, the aggregate records another
        AtomicReference<AggregateWriter> writer = new AtomicReference<>();
        EventPublisher real = publisher();
        List<PendingEvent> later = pendingEvents.of("asg-8", List.of(accepted("case-8", "asg-8")));
        AtomicBoolean appended = new AtomicBoolean();
        EventPublisher appending = event -> {
            real.publish(event);
            if (!appended.getAndSet(true)) {
                writer.get().update(collection(), "asg-8", 0, new Document("status", "ACCEPTED"), later);
            }
        };
        OutboxRelay relay = relay(appending);
        writer.set(new AggregateWriter(relay));
        List<PendingEvent> first = pendingEvents.of("asg-8", List.of(issued("case-8", "asg-8")));
        writer.get().insert(collection(), new Document("_id", "asg-8").append("status", "ASSIGNED"), first);

        // when
        int inTheFirstRound = relay.publishPending();
        int inTheNextRound = relay.publishPending();

        // then
        assertThat(inTheFirstRound + inTheNextRound).isEqualTo(2);
        assertThat(recordsWithIds(first)).hasSize(1);
        assertThat(recordsWithIds(later)).hasSize(1);
        Document stored = collection().find().first();
        assertThat(stored).doesNotContainKeys(OutboxDocuments.OUTBOX_SINCE, OutboxDocuments.OUTBOX_LEASE);
        assertThat(stored.getList(OutboxDocuments.OUTBOX, Document.class)).isEmpty();
    }

    @Test
    void aSendFailingInABatchKeepsThatEventAndTheLaterOnesOfItsDocumentWhileTheOtherDocumentsGoOut() {
        // given: three documents of two events each, claimed in one batch; the broker refuses, once each, the first
        // event of the second document and the second event of the third
        OutboxRelay relay = relay(publisher());
        AggregateWriter writer = new AggregateWriter(relay);
        Map<String, List<PendingEvent>> byDocument = new HashMap<>();
        for (String id : List.of("asg-b1", "asg-b2", "asg-b3")) {
            List<PendingEvent> events = pendingEvents.of(id, List.of(issued("case-b", id), accepted("case-b", id)));
            writer.insert(collection(), new Document("_id", id), events);
            byDocument.put(id, events);
        }
        Set<String> refuseOnce = ConcurrentHashMap.newKeySet();
        refuseOnce.add(byDocument.get("asg-b2").get(0).id());
        refuseOnce.add(byDocument.get("asg-b3").get(1).id());
        OutboxRelay refusing = relay(refusingOnce(refuseOnce));

        // when
        int inTheFailedBatch = refusing.publishPending();

        // then: what the broker took is gone; the refused event and the later ones of its document stay, in order
        assertThat(inTheFailedBatch).isEqualTo(3);
        assertThat(outboxIds("asg-b1")).isEmpty();
        assertThat(outboxIds("asg-b2")).containsExactlyElementsOf(ids(byDocument.get("asg-b2")));
        assertThat(outboxIds("asg-b3")).containsExactly(byDocument.get("asg-b3").get(1).id());
        assertThat(recordsWithIds(byDocument.get("asg-b2"))).isEmpty();

        // when: the next round, after the retry delay
        int inTheNextRound = refusing.publishPending();

        // then: every event once, each document's in order, nothing left
        assertThat(inTheNextRound).isEqualTo(3);
        byDocument.values().forEach(events -> assertThat(recordsWithIds(events))
                .extracting(record -> header(record, "ce_id")).containsExactlyElementsOf(ids(events)));
        assertThat(collection().countDocuments(new Document(OutboxDocuments.OUTBOX_SINCE, new Document("$exists", true))))
                .isZero();
        assertThat(collection().countDocuments(new Document(OutboxDocuments.OUTBOX_LEASE, new Document("$exists", true))))
                .isZero();
    }

    @Test
    void twoRelaysTakingBatchesTogetherNeverPublishTheSameDocumentBothAndKeepEachDocumentsOrder() throws Exception {
        // given: 40 documents of three events each; two relays taking batches of 10, rounds one after the other
        Map<String, String> publisherOfEvent = new ConcurrentHashMap<>();
        AtomicInteger sends = new AtomicInteger();
        OutboxRelay first = relayWithBatches(recording("first", publisherOfEvent, sends), 10);
        OutboxRelay second = relayWithBatches(recording("second", publisherOfEvent, sends), 10);
        AggregateWriter writer = new AggregateWriter(relay(publisher()));
        Map<String, List<PendingEvent>> byDocument = new HashMap<>();
        for (int i = 0; i < 40; i++) {
            String id = "asg-t" + i;
            List<PendingEvent> events = pendingEvents.of(id,
                    List.of(issued("case-t" + i, id), accepted("case-t" + i, id), accepted("case-t" + i, id)));
            writer.insert(collection(), new Document("_id", id), events);
            byDocument.put(id, events);
        }

        // when
        Thread a = new Thread(() -> drain(first));
        Thread b = new Thread(() -> drain(second));
        a.start();
        b.start();
        a.join();
        b.join();

        // then: every event sent once, all events of a document by one relay, in the document's order
        assertThat(sends).hasValue(120);
        List<String> onTheTopic = TopicReader.readAll(bootstrap, topic).stream().map(record -> header(record, "ce_id"))
                .toList();
        byDocument.forEach((id, events) -> {
            assertThat(events.stream().map(event -> publisherOfEvent.get(event.id())).distinct()).hasSize(1);
            assertThat(onTheTopic.stream().filter(ids(events)::contains)).containsExactlyElementsOf(ids(events));
        });
    }

    @Test
    void aRelayThatDiesInTheMiddleOfABatchHasTheBatchPublishedAgainOnceItsLeaseExpiredAndLosesNothing()
            throws Exception {
        // given: a relay claimed three documents and sent the first one's event, then hung (its process dying)
        EventPublisher real = publisher();
        CountDownLatch dead = new CountDownLatch(1);
        CountDownLatch hung = new CountDownLatch(1);
        AtomicInteger sent = new AtomicInteger();
        EventPublisher dying = sendingWith(event -> {
            if (sent.getAndIncrement() == 0) {
                return real.send(event);
            }
            hung.countDown();
            awaitQuietly(dead);
            return CompletableFuture.failedFuture(new IllegalStateException("killed"));
        });
        OutboxRelay dyingRelay = relay(dying);
        List<PendingEvent> all = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            List<PendingEvent> events = pendingEvents.of("asg-d" + i, List.of(issued("case-d" + i, "asg-d" + i)));
            new AggregateWriter(dyingRelay).insert(collection(), new Document("_id", "asg-d" + i), events);
            all.addAll(events);
        }
        Thread dyingRound = new Thread(dyingRelay::publishPending);
        dyingRound.start();
        assertThat(hung.await(10, TimeUnit.SECONDS)).isTrue();

        // when: another instance runs a round while the lease still holds, then once it has expired
        int whileLeased = relay(publisher()).publishPending();
        int afterTheLease = new OutboxRelay(database, publisher(),
                new OutboxProperties(true, List.of("assignments"), Duration.ofMillis(100), Duration.ofSeconds(30), 100,
                        Duration.ZERO),
                Clock.offset(clock, Duration.ofSeconds(31)), new SimpleMeterRegistry()).publishPending();
        dead.countDown(); // the hung relay wakes up late: it holds nothing any more and changes nothing
        dyingRound.join(10_000);

        // then: nothing published twice by the second instance while leased; everything out, once per consumer
        assertThat(whileLeased).isZero();
        assertThat(afterTheLease).isEqualTo(3);
        List<ConsumerRecord<String, byte[]>> records = recordsWithIds(all);
        assertThat(records).hasSize(4); // the first document's event twice: before the death and after the lease
        ProcessedEvents processed = new ProcessedEvents(database, clock, Duration.ofDays(90));
        AtomicInteger effects = new AtomicInteger();
        records.forEach(record -> processed.handleOnce("test-consumer", CloudEventRecords.read(record), effects::incrementAndGet));
        assertThat(effects).hasValue(3);
        for (int i = 0; i < 3; i++) {
            Document stored = collection().find(new Document("_id", "asg-d" + i)).first();
            assertThat(stored).doesNotContainKeys(OutboxDocuments.OUTBOX_SINCE, OutboxDocuments.OUTBOX_LEASE,
                    OutboxDocuments.OUTBOX_CLAIM);
            assertThat(stored.getList(OutboxDocuments.OUTBOX, Document.class)).isEmpty();
        }
    }

    @Test
    void documentsWrittenWhileABatchIsOutGoTogetherInTheNextBatch() throws Exception {
        // given: a running relay whose first send is held back while 30 more documents are written: aggregates stored
        // before without events record one each
        FirstSendHeld held = new FirstSendHeld(publisher());
        OutboxRelay relay = relayWithoutRounds(held.publisher);
        AggregateWriter writer = new AggregateWriter(relay);
        for (int i = 0; i < 30; i++) {
            writer.insert(collection(), new Document("_id", "asg-w" + i), List.of());
        }
        relay.start();
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> !searchesOf(collection()).isEmpty());
            List<PendingEvent> all = new ArrayList<>(pendingEvents.of("asg-w", List.of(issued("case-w", "asg-w"))));
            writer.insert(collection(), new Document("_id", "asg-w"), all);
            assertThat(held.holding.await(10, TimeUnit.SECONDS)).isTrue();
            claims.clear();
            for (int i = 0; i < 30; i++) {
                List<PendingEvent> events = pendingEvents.of("asg-w" + i, List.of(issued("case-w" + i, "asg-w" + i)));
                writer.update(collection(), "asg-w" + i, 0, new Document("status", "ACCEPTED"), events);
                all.addAll(events);
            }

            // when
            held.release.countDown();

            // then: all published, the 30 claimed by one write
            await().atMost(Duration.ofSeconds(10)).until(() -> recordsWithIds(all).size() == 31);
            assertThat(claimsOf(collection())).singleElement();
        } finally {
            relay.stop();
        }
    }

    @Test
    void newAggregatesStoredWhileABatchIsOutGoTogetherInTheNextBatchReleasedByOneWrite() throws Exception {
        // given: a running relay whose first send is held back while 30 new aggregates are stored
        FirstSendHeld held = new FirstSendHeld(publisher());
        OutboxRelay relay = relayWithoutRounds(held.publisher);
        AggregateWriter writer = new AggregateWriter(relay);
        relay.start();
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> !searchesOf(collection()).isEmpty());
            List<PendingEvent> all = new ArrayList<>(pendingEvents.of("asg-v", List.of(issued("case-v", "asg-v"))));
            writer.insert(collection(), new Document("_id", "asg-v"), all);
            assertThat(held.holding.await(10, TimeUnit.SECONDS)).isTrue();
            for (int i = 0; i < 30; i++) {
                List<PendingEvent> events = pendingEvents.of("asg-v" + i, List.of(issued("case-v" + i, "asg-v" + i)));
                writer.insert(collection(), new Document("_id", "asg-v" + i), events);
                all.addAll(events);
            }
            commands.clear();

            // when
            held.release.countDown();

            // then: all published; the store saw two releases (the first document's, then the 30's), nothing else
            await().atMost(Duration.ofSeconds(10)).until(() -> recordsWithIds(all).size() == 31);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> collection().countDocuments(new Document(OutboxDocuments.OUTBOX_SINCE,
                            new Document("$exists", true))) == 0);
            assertThat(relayCommandsOn(collection())).extracting(command -> command.getString("command$"))
                    .containsExactly("update", "update");
        } finally {
            relay.stop();
        }
    }

    @Test
    void aBatchStartsNoSendOnceHalfItsLeaseHasGoneAndTheNextRoundSendsTheRestInOrder() {
        // given: a document of two events; the broker takes 20 s of the 30-s lease to acknowledge the first
        MovableClock relayClock = new MovableClock(clock.instant());
        EventPublisher real = publisher();
        EventPublisher slow = event -> {
            real.publish(event);
            relayClock.advance(Duration.ofSeconds(20));
        };
        OutboxRelay relay = new OutboxRelay(database, slow,
                new OutboxProperties(true, List.of("assignments"), Duration.ofMillis(100), Duration.ofSeconds(30), 100,
                        Duration.ZERO),
                relayClock, new SimpleMeterRegistry());
        List<PendingEvent> events = pendingEvents.of("asg-l", List.of(issued("case-l", "asg-l"), accepted("case-l", "asg-l")));
        new AggregateWriter(relay).insert(collection(), new Document("_id", "asg-l"), events);

        // when
        int inTheFirstBatch = relay.publishPending();

        // then: the second event was not sent that late in the lease; the document is released with it
        assertThat(inTheFirstBatch).isEqualTo(1);
        assertThat(outboxIds("asg-l")).containsExactly(events.get(1).id());
        assertThat(collection().find().first()).doesNotContainKeys(OutboxDocuments.OUTBOX_LEASE,
                OutboxDocuments.OUTBOX_CLAIM);
        assertThat(relay.publishPending()).isEqualTo(1);
        assertThat(recordsWithIds(events)).extracting(record -> header(record, "ce_id")).containsExactlyElementsOf(ids(events));
    }

    /** Runs rounds until no document holds events any more. */
    private void drain(OutboxRelay relay) {
        while (collection().countDocuments(new Document(OutboxDocuments.OUTBOX_SINCE, new Document("$exists", true))) > 0) {
            relay.publishPending();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A publisher whose {@code send} is the given one (and {@code publish} waits for it), for brokers that misbehave on cue. */
    private static EventPublisher sendingWith(Function<PendingEvent, CompletableFuture<?>> send) {
        return new EventPublisher() {
            @Override
            public void publish(PendingEvent event) throws Exception {
                send(event).get();
            }

            @Override
            public CompletableFuture<?> send(PendingEvent event) {
                return send.apply(event);
            }
        };
    }

    /** The broker as it is, except that it refuses each of {@code refuseOnce} the first time it is sent. */
    private EventPublisher refusingOnce(Set<String> refuseOnce) {
        EventPublisher real = publisher();
        return sendingWith(event -> {
            if (refuseOnce.remove(event.id())) {
                return CompletableFuture.failedFuture(new IllegalStateException("broker refused " + event.id()));
            }
            return real.send(event);
        });
    }

    /** The broker as it is, noting which relay sent each event and counting the sends. */
    private EventPublisher recording(String relay, Map<String, String> publisherOfEvent, AtomicInteger sends) {
        EventPublisher real = publisher();
        return sendingWith(event -> {
            sends.incrementAndGet();
            publisherOfEvent.merge(event.id(), relay, (one, other) -> one + "+" + other);
            return real.send(event);
        });
    }

    private OutboxRelay relayWithBatches(EventPublisher publisher, int batchSize) {
        return new OutboxRelay(database, publisher,
                new OutboxProperties(true, List.of("assignments"), Duration.ofMillis(100), Duration.ofSeconds(30),
                        batchSize, Duration.ZERO),
                clock, new SimpleMeterRegistry());
    }

    private List<String> outboxIds(String id) {
        return collection().find(new Document("_id", id)).first().getList(OutboxDocuments.OUTBOX, Document.class)
                .stream().map(event -> event.getString("id")).toList();
    }

    private static List<String> ids(List<PendingEvent> events) {
        return events.stream().map(PendingEvent::id).toList();
    }

    /** Whether an update command is a relay's claim: it sets the token of a claim. */
    private static boolean isClaim(Document update) {
        return update.getList("updates", Document.class, List.of()).stream()
                .anyMatch(each -> each.get("u") instanceof Document change && change.get("$set") instanceof Document set
                        && set.containsKey(OutboxDocuments.OUTBOX_CLAIM));
    }

    private static Document claimFilter(Document claim) {
        return claim.getList("updates", Document.class).get(0).get("q", Document.class);
    }

    /** The claims sent to {@code collection} of this test's database. */
    private List<Document> claimsOf(MongoCollection<Document> collection) {
        return commandsOn(claims, "update", collection);
    }

    /** Every command sent to {@code collection} of this test's database. */
    private List<Document> commandsOf(MongoCollection<Document> collection) {
        return commands.stream()
                .filter(command -> collection.getNamespace().getCollectionName().equals(
                        command.getString(command.getString("command$"))) && database.getName().equals(command.getString("$db")))
                .toList();
    }

    /** The commands the relay's thread sent to {@code collection} of this test's database. */
    private List<Document> relayCommandsOn(MongoCollection<Document> collection) {
        return commandsOf(collection).stream().filter(command -> "outbox-relay".equals(command.getString("thread$")))
                .toList();
    }

    /** The rounds' searches of {@code collection} of this test's database. */
    private List<Document> searchesOf(MongoCollection<Document> collection) {
        return commandsOn(searches, "find", collection);
    }

    private List<Document> commandsOn(List<Document> commands, String name, MongoCollection<Document> collection) {
        return commands.stream()
                .filter(command -> command.getString(name).equals(collection.getNamespace().getCollectionName())
                        && database.getName().equals(command.getString("$db")))
                .toList();
    }

    private OutboxRelay relay(EventPublisher publisher) {
        return relay(publisher, clock);
    }

    /** A relay whose rounds come once an hour: only wake-ups and hand-overs drive it during a test. */
    private OutboxRelay relayWithoutRounds(EventPublisher publisher) {
        return new OutboxRelay(database, publisher,
                new OutboxProperties(true, List.of("assignments"), Duration.ofHours(1), Duration.ofSeconds(30), 100,
                        Duration.ZERO),
                clock, new SimpleMeterRegistry());
    }

    /** A broker whose first send, once begun ({@code holding}), waits until the test lets it go ({@code release}). */
    private static final class FirstSendHeld {
        final CountDownLatch holding = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final EventPublisher publisher;

        FirstSendHeld(EventPublisher real) {
            AtomicBoolean first = new AtomicBoolean(true);
            this.publisher = sendingWith(event -> {
                if (first.getAndSet(false)) {
                    holding.countDown();
                    awaitQuietly(release);
                }
                return real.send(event);
            });
        }
    }

    private OutboxRelay relay(EventPublisher publisher, Clock relayClock) {
        return new OutboxRelay(database, publisher,
                new OutboxProperties(true, List.of("assignments"), Duration.ofMillis(100), Duration.ofSeconds(30), 100,
                        Duration.ZERO),
                relayClock, new SimpleMeterRegistry());
    }

    private EventPublisher publisher() {
        return new KafkaEventPublisher(template, "intake-service");
    }

    private MongoCollection<Document> collection() {
        return database.getCollection("assignments");
    }

    private List<ConsumerRecord<String, byte[]>> recordsWithIds(List<PendingEvent> events) {
        var ids = events.stream().map(PendingEvent::id).collect(Collectors.toSet());
        return TopicReader.readAll(bootstrap, topic).stream()
                .filter(record -> ids.contains(header(record, "ce_id")))
                .toList();
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static AssignmentIssued issued(String caseId, String assignmentId) {
        java.time.Instant at = java.time.Instant.parse("2026-03-02T01:30:00Z");
        return new AssignmentIssued(assignmentId, caseId, "unit-1", "ASSIGN", "REAL_ESTATE", false, at,
                at.plus(Duration.ofDays(15)), at.plus(Duration.ofDays(60)), new Actor("zhang.wei", "SUPERVISOR", null));
    }

    private static AssignmentAccepted accepted(String caseId, String assignmentId) {
        java.time.Instant at = java.time.Instant.parse("2026-03-03T01:30:00Z");
        return new AssignmentAccepted(assignmentId, caseId, "unit-1", at, at, true, new Actor("li.na", "UNIT", "unit-1"));
    }
}
