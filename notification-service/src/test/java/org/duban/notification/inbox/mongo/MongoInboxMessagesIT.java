package org.duban.notification.inbox.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.notification.inbox.InboxFixtures.T0;
import static org.duban.notification.inbox.InboxFixtures.UNIT_1;
import static org.duban.notification.inbox.InboxFixtures.unreadMessage;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.Document;
import org.duban.contracts.events.NotificationAcknowledged;
import org.duban.contracts.events.Topics;
import org.duban.notification.inbox.InboxMessage;
import org.duban.platform.domain.Page;
import org.duban.platform.domain.PageRequest;
import org.duban.platform.events.PendingEvent;
import org.duban.platform.events.PendingEvents;
import org.duban.platform.outbox.AggregateWriter;
import org.duban.platform.outbox.OutboxProperties;
import org.duban.platform.outbox.OutboxRelay;
import org.duban.platform.testing.FreshDatabases;
import org.duban.platform.testing.MovableClock;
import org.duban.platform.testing.WriteConcernsSent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The inbox collection on the Mongo-wire store: keys, order, paging and the acknowledgement's single write. */
class MongoInboxMessagesIT {

    @RegisterExtension
    static final FreshDatabases mongo = new FreshDatabases("inbox");

    private final MovableClock clock = new MovableClock(T0);
    private final List<PendingEvent> published = new CopyOnWriteArrayList<>();
    private MongoDatabase database;
    private OutboxRelay relay;
    private MongoInboxMessages messages;

    @BeforeEach
    void freshDatabase() {
        database = mongo.fresh();
        relay = new OutboxRelay(database, published::add,
                new OutboxProperties(true, List.of(MongoInboxMessages.COLLECTION), Duration.ofMillis(100),
                        Duration.ofSeconds(30), 100, Duration.ZERO),
                clock, new SimpleMeterRegistry());
        messages = new MongoInboxMessages(database, new AggregateWriter(relay), new PendingEvents(clock));
    }

    @Test
    void readsBackTheMessageItStored() {
        // given
        InboxMessage message = unreadMessage("evt-1", "unit-1", T0);

        // when
        messages.addIfAbsent(message);

        // then
        assertThat(messages.byId(message.id()).orElseThrow().snapshot()).isEqualTo(message.snapshot());
        Document stored = database.getCollection(MongoInboxMessages.COLLECTION).find().first();
        assertThat(stored.getString("_id")).isEqualTo(message.id());
        assertThat(stored.getBoolean("read")).isFalse();
        assertThat(stored.containsKey("acknowledgedAt")).isTrue();
        assertThat(stored.get("acknowledgedAt")).isNull();
    }

    @Test
    void storesAPollsMessagesDurablyBeforeTheirDeliveriesAreWritten() {
        // given: the database as the services have it (majority writes)
        try (WriteConcernsSent sent = new WriteConcernsSent()) {
            MongoInboxMessages majority = new MongoInboxMessages(sent.database(database.getName()),
                    new AggregateWriter(relay), new PendingEvents(clock));

            // when
            majority.addAllIfAbsent(List.of(unreadMessage("evt-1", "unit-1", T0),
                    unreadMessage("evt-2", "unit-1", T0)));

            // then: not answered before they are durable — a store that restarted before the deliveries announcing
            // them were written would otherwise have lost them and kept the deliveries (StoreAndBrokerKillsIT saw it)
            assertThat(sent.to(MongoInboxMessages.COLLECTION))
                    .containsExactly(new BsonDocument("w", new BsonString("majority")));
        }
    }

    @Test
    void keepsOneMessagePerEventAndUnit() {
        // given
        assertThat(messages.addIfAbsent(unreadMessage("evt-1", "unit-1", T0))).isTrue();

        // when
        boolean again = messages.addIfAbsent(unreadMessage("evt-1", "unit-1", T0.plusSeconds(60)));

        // then
        assertThat(again).isFalse();
        assertThat(database.getCollection(MongoInboxMessages.COLLECTION).countDocuments()).isEqualTo(1);
        assertThat(messages.byId(InboxMessage.idFor("evt-1", "unit-1")).orElseThrow().createdAt()).isEqualTo(T0);
    }

    @Test
    void listsAUnitsMessagesUnreadFirstThenNewestFirstAndPagesThem() {
        // given
        InboxMessage old = unreadMessage("evt-1", "unit-1", T0);
        InboxMessage newer = unreadMessage("evt-2", "unit-1", T0.plusSeconds(60));
        InboxMessage newest = unreadMessage("evt-3", "unit-1", T0.plusSeconds(120));
        InboxMessage othersUnit = unreadMessage("evt-4", "unit-2", T0.plusSeconds(180));
        List.of(old, newer, newest, othersUnit).forEach(messages::addIfAbsent);
        newest.acknowledge(UNIT_1.asActor(), T0.plusSeconds(300));
        messages.update(newest);

        // when
        Page<InboxMessage> all = messages.ofUnit("unit-1", false, PageRequest.of(0, 20));
        Page<InboxMessage> unread = messages.ofUnit("unit-1", true, PageRequest.of(0, 20));
        Page<InboxMessage> secondPage = messages.ofUnit("unit-1", false, PageRequest.of(1, 2));

        // then
        assertThat(all.items()).extracting(InboxMessage::id).containsExactly(newer.id(), old.id(), newest.id());
        assertThat(all.totalElements()).isEqualTo(3);
        assertThat(unread.items()).extracting(InboxMessage::id).containsExactly(newer.id(), old.id());
        assertThat(unread.totalElements()).isEqualTo(2);
        assertThat(secondPage.items()).extracting(InboxMessage::id).containsExactly(newest.id());
        assertThat(messages.countUnread("unit-1")).isEqualTo(2);
        assertThat(messages.countUnread("unit-2")).isEqualTo(1);
    }

    @Test
    void storesTheAcknowledgementAndItsEventInOneWrite() {
        // given
        InboxMessage message = unreadMessage("evt-1", "unit-1", T0);
        messages.addIfAbsent(message);
        message.acknowledge(UNIT_1.asActor(), T0.plusSeconds(3600));

        // when
        boolean stored = messages.update(message);

        // then
        assertThat(stored).isTrue();
        InboxMessage read = messages.byId(message.id()).orElseThrow();
        assertThat(read.snapshot()).usingRecursiveComparison().ignoringFields("version").isEqualTo(message.snapshot());
        assertThat(read.version()).isEqualTo(message.version() + 1);
        assertThat(relay.publishPending()).isEqualTo(1);
        assertThat(published).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo(NotificationAcknowledged.TYPE);
            assertThat(event.topic()).isEqualTo(Topics.NOTIFICATION);
            assertThat(event.key()).isEqualTo("case-evt-1");
            assertThat(event.subject()).isEqualTo(message.id());
            assertThat(event.data()).contains("\"messageId\":\"" + message.id() + "\"");
        });
    }

    @Test
    void refusesAnAcknowledgementOfAVersionThatChanged() {
        // given
        InboxMessage message = unreadMessage("evt-1", "unit-1", T0);
        messages.addIfAbsent(message);
        InboxMessage first = messages.byId(message.id()).orElseThrow();
        InboxMessage second = messages.byId(message.id()).orElseThrow();
        first.acknowledge(UNIT_1.asActor(), T0.plusSeconds(3600));
        messages.update(first);

        // when
        second.acknowledge(UNIT_1.asActor(), T0.plusSeconds(7200));
        boolean stale = messages.update(second);

        // then
        assertThat(stale).isFalse();
        assertThat(messages.byId(message.id()).orElseThrow().acknowledgedAt()).isEqualTo(T0.plusSeconds(3600));
        assertThat(relay.publishPending()).isEqualTo(1);
    }
}
