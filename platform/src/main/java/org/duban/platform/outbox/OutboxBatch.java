package org.duban.platform.outbox;

import static com.mongodb.client.model.Filters.all;
import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Filters.size;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.pullByFilter;
import static com.mongodb.client.model.Updates.set;
import static com.mongodb.client.model.Updates.unset;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.duban.platform.events.PendingEvent;
import org.duban.platform.mongo.MongoConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The relay's unit of work: documents of one collection claimed together, their events published, the published
 * events removed and the claims released. Four round trips however many documents: one write claims them all
 * (a lease and a token of this claim), one read fetches those it got, their events go to the broker in waves, and
 * one bulk write removes what was published and releases them. Documents a writer stored already claimed for the
 * relay, handing their events over in memory ({@link #publishHandedOver}), skip the claim and the read: one bulk
 * write after the broker's acknowledgements is all the store sees of them.
 *
 * <p>A wave sends the next event of every document still going without waiting between them, then waits for all
 * their acknowledgements: a document's event is sent only once its previous one is acknowledged, so a document
 * whose send fails stops there, with that event and every later one still in its outbox — no event of a document
 * is ever published after a later one of it was (the producer's own retries are idempotent, but a send that fails
 * for good is not guaranteed to take the sends behind it on its partition down with it). The other documents of
 * the batch go on. Most documents hold one event, so a batch costs one wait for the broker.
 */
final class OutboxBatch {

    private static final Logger log = LoggerFactory.getLogger(OutboxBatch.class);
    /** Longer than the producer's delivery timeout, which fails a send that the broker did not acknowledge. */
    private static final Duration ACKNOWLEDGEMENT_WAIT = Duration.ofSeconds(60);

    /**
     * What a batch did: the events it published, whether a publication failed, and whether documents were released
     * with events it did not get to send (its lease running out), which the next round takes.
     */
    record Outcome(int published, boolean failed, boolean unfinished) {

        static final Outcome NOTHING = new Outcome(0, false, false);
    }

    /**
     * A document this batch holds: its events in order, the token of the claim that holds it, the events
     * acknowledged so far, whether one failed.
     */
    static final class Claimed {
        final Object id;
        final List<PendingEvent> events;
        final String claim;
        final List<String> sent = new ArrayList<>();
        boolean failed;

        Claimed(Object id, List<PendingEvent> events, String claim) {
            this.id = id;
            this.events = List.copyOf(events);
            this.claim = claim;
        }

        Claimed(Document document, String claim) {
            this(document.get(AggregateWriter.ID), OutboxDocuments.eventsOf(document), claim);
        }
    }

    private final MongoCollection<Document> collection;
    private final EventPublisher publisher;
    private final OutboxProperties properties;
    private final Clock clock;

    OutboxBatch(MongoCollection<Document> collection, EventPublisher publisher, OutboxProperties properties,
            Clock clock) {
        this.collection = collection;
        this.publisher = publisher;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Documents with events that nobody holds, at {@code now}: a lease runs until the instant it names, so a
     * document whose lease ends at {@code now} is free (a failed document released with no retry delay is the next
     * round's, however soon it comes: the store keeps instants to the millisecond).
     */
    static Bson pending(Instant now) {
        return and(exists(OutboxDocuments.OUTBOX_SINCE), or(
                exists(OutboxDocuments.OUTBOX_LEASE, false),
                lte(OutboxDocuments.OUTBOX_LEASE, Date.from(now))));
    }

    /**
     * Claims those of the documents {@code ids} that have events nobody holds, publishes their events and
     * releases them. Documents taken meanwhile (by a writer's wake-up, another instance) are left alone.
     */
    Outcome publish(List<Object> ids) {
        String claim = UUID.randomUUID().toString();
        Instant claimedAt = clock.instant();
        List<Claimed> claimed = claim(ids, claim, claimedAt);
        if (claimed.isEmpty()) {
            return Outcome.NOTHING;
        }
        return send(claimed, claimedAt);
    }

    /**
     * Publishes the events of documents their writers stored already claimed (each with its own token, claimed at
     * {@code claimedAt} at the earliest) and handed over as stored, then releases them: no claim, no read.
     */
    Outcome publishHandedOver(List<Claimed> claimed, Instant claimedAt) {
        if (claimed.isEmpty()) {
            return Outcome.NOTHING;
        }
        return send(claimed, claimedAt);
    }

    private Outcome send(List<Claimed> claimed, Instant claimedAt) {
        // no wave starts once half the lease has gone: a wave ends within the producer's delivery timeout, before
        // the lease does and another instance may take the documents
        Instant lastWave = claimedAt.plus(properties.lease().dividedBy(2));
        int published = 0;
        boolean failed = false;
        boolean unfinished = false;
        try {
            for (int wave = 0; ; wave++) {
                if (wave > 0 && clock.instant().isAfter(lastWave)) {
                    int next = wave;
                    unfinished = claimed.stream()
                            .anyMatch(document -> !document.failed && next < document.events.size());
                    break;
                }
                if (!sendWave(claimed, wave)) {
                    break;
                }
            }
        } finally {
            release(claimed);
            for (Claimed document : claimed) {
                published += document.sent.size();
                failed |= document.failed;
            }
        }
        return new Outcome(published, failed, unfinished);
    }

    /** One write claims every document of {@code ids} nobody holds; one read brings those this claim got. */
    private List<Claimed> claim(List<Object> ids, String claim, Instant now) {
        long taken = collection.updateMany(and(in(AggregateWriter.ID, ids), pending(now)),
                combine(set(OutboxDocuments.OUTBOX_LEASE, Date.from(now.plus(properties.lease()))),
                        set(OutboxDocuments.OUTBOX_CLAIM, claim))).getModifiedCount();
        if (taken == 0) {
            return List.of();
        }
        Map<Object, Document> byId = new HashMap<>();
        collection.find(and(in(AggregateWriter.ID, ids), eq(OutboxDocuments.OUTBOX_CLAIM, claim)))
                .forEach(document -> byId.put(document.get(AggregateWriter.ID), document));
        List<Claimed> claimed = new ArrayList<>();
        for (Object id : ids) { // in the order asked for: the writes' order, or the oldest first
            Document document = byId.remove(id);
            if (document != null) {
                claimed.add(new Claimed(document, claim));
            }
        }
        return claimed;
    }

    /** Sends event number {@code wave} of every document still going; returns whether there was any. */
    private boolean sendWave(List<Claimed> claimed, int wave) {
        List<Claimed> sending = new ArrayList<>();
        List<CompletableFuture<?>> acknowledgements = new ArrayList<>();
        for (Claimed document : claimed) {
            if (!document.failed && wave < document.events.size()) {
                sending.add(document);
                acknowledgements.add(send(document.events.get(wave)));
            }
        }
        for (int i = 0; i < sending.size(); i++) {
            Claimed document = sending.get(i);
            PendingEvent event = document.events.get(wave);
            try {
                acknowledgements.get(i).get(ACKNOWLEDGEMENT_WAIT.toMillis(), TimeUnit.MILLISECONDS);
                document.sent.add(event.id());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failed(document, event, e);
            } catch (ExecutionException e) {
                failed(document, event, e.getCause());
            } catch (TimeoutException e) {
                failed(document, event, e);
            }
        }
        return !sending.isEmpty();
    }

    private CompletableFuture<?> send(PendingEvent event) {
        try {
            return publisher.send(event);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private void failed(Claimed document, PendingEvent event, Throwable cause) {
        document.failed = true;
        log.warn("publishing the outbox of {} {} failed at event {} ({} of {}); retrying in {}: {}",
                collection.getNamespace().getCollectionName(), document.id, event.id(), document.sent.size() + 1,
                document.events.size(), properties.retryDelay(), String.valueOf(cause));
    }

    /**
     * One bulk write: each document this claim still holds loses the events published and is released — a failed
     * one keeps a short lease, so that a broken broker is not hammered in a tight loop. A document whose outbox
     * holds exactly what was published (nothing appended meanwhile) is emptied and loses its {@code outboxSince} in
     * one update; otherwise the next update takes out the published events and the later ones wait (the writer that
     * appended them has named the document to the relay).
     */
    private void release(List<Claimed> claimed) {
        Date retryAt = Date.from(clock.instant().plus(properties.retryDelay()));
        List<WriteModel<Document>> writes = new ArrayList<>();
        for (Claimed document : claimed) {
            Bson held = and(eq(AggregateWriter.ID, document.id), eq(OutboxDocuments.OUTBOX_CLAIM, document.claim));
            if (!document.failed && document.sent.size() == document.events.size()) {
                Bson exactlyThose = document.sent.isEmpty() ? size(OutboxDocuments.OUTBOX, 0)
                        : and(size(OutboxDocuments.OUTBOX, document.sent.size()),
                                all(OutboxDocuments.OUTBOX + ".id", document.sent));
                writes.add(new UpdateOneModel<>(and(held, exactlyThose),
                        combine(set(OutboxDocuments.OUTBOX, List.of()), unset(OutboxDocuments.OUTBOX_SINCE),
                                unset(OutboxDocuments.OUTBOX_LEASE), unset(OutboxDocuments.OUTBOX_CLAIM))));
            }
            // what the update above did not take (it no longer carries the claim then, and this one does nothing)
            List<Bson> updates = new ArrayList<>();
            if (!document.sent.isEmpty()) {
                updates.add(pullByFilter(new Document(OutboxDocuments.OUTBOX,
                        new Document("id", new Document("$in", document.sent)))));
            }
            updates.add(document.failed ? set(OutboxDocuments.OUTBOX_LEASE, retryAt)
                    : unset(OutboxDocuments.OUTBOX_LEASE));
            updates.add(unset(OutboxDocuments.OUTBOX_CLAIM));
            writes.add(new UpdateOneModel<>(held, combine(updates)));
        }
        // a release lost in a crash has the events published again once the lease ran out: no journal to wait for
        collection.withWriteConcern(MongoConfiguration.UNJOURNALED)
                .bulkWrite(writes, new BulkWriteOptions().ordered(true));
    }
}
