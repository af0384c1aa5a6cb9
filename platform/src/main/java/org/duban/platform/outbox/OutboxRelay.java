package org.duban.platform.outbox;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.unset;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.duban.platform.events.PendingEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Publishes the events stored in aggregate documents, then removes them: at-least-once delivery
 * that survives any crash between store and publish (docs/adr/0003-events-outbox-idempotency.md).
 *
 * <p>The relay works in batches ({@link OutboxBatch}): one {@code updateMany} claims up to {@code batchSize}
 * documents of a collection, setting a lease and a token of that claim on each one nobody holds; the documents
 * that carry the token are read back, their events sent to the broker without waiting between documents, and one
 * bulk write removes what the broker acknowledged and releases the documents. What holds:
 * <ul>
 * <li>At least once: an event leaves its document only after the broker acknowledged it (acks=all); a crash
 * anywhere between store and removal leaves it there, and once the lease has expired it is published again.
 * Consumers drop the duplicates by event id.
 * <li>One holder per document: claiming is atomic per document, so two instances never hold (and publish) the
 * same document at once; a relay that dies leaves its leases to expire. That holds while a live relay finishes
 * sending within its lease ({@code lease}, 30 s): a batch starts no wave of sends once half of it has gone (the
 * rest waits for the next round), and a wave lasts as long as the broker takes to acknowledge, at most the
 * producer's delivery timeout. A broker slower than the lease lets another instance take the documents and send
 * their events again (duplicates, which consumers drop), as it did when documents were published one by one. A
 * relay changes only the documents that still carry its claim's token.
 * <li>Order per document: a document's events go out in their order, each sent only after the one before it was
 * acknowledged; when a send fails, that event and the later ones of its document stay for the retry, so no event
 * is ever published after a later event of its document. The other documents of the batch are not held back.
 * Across documents of one matter, the topic key keeps the order the relay sent them in (the producer is
 * idempotent, with at most 5 requests in flight: its retries keep the order of one partition).
 * </ul>
 *
 * <p>The writer of a document tells the relay which one it was ({@link #wakeUp(String, Object)}): the relay claims
 * the documents named so far by their ids, at once — a lone write goes out without waiting for others, and those
 * written while a batch was out go together in the next; claims and reads by {@code _id} are indexed on any store,
 * however many documents the collections hold. Rounds over whole collections (the oldest pending first) run every
 * {@code pollInterval} and whenever a named document could not be taken: they publish what no wake-up
 * named — events of an instance that died, of a publication that failed, or stored while the relay was
 * not running.
 *
 * <p>A new document is stored already claimed by the running relay ({@link #claimForNew}: the lease and a token of
 * its own, as a claim would set them, in the insert itself), and its writer hands the events it stored over in
 * memory ({@link #handOver}): the relay sends them with neither a claim nor a read, and releases the document as
 * after any claim (issue #14: the claim's write and read were two store round trips, one of them a synced commit,
 * between the write and the send of every new aggregate). What holds stays the same: the events are in the document
 * from the start; a relay that dies before sending leaves the document to its lease, which expires ({@code lease},
 * 30 s) before a round takes it; one stopped releases the documents handed over and not sent; a claim is given only
 * while the hand-over has room ({@link #WRITTEN_CAPACITY}), so that a handed-over document is never dropped for a
 * full queue — without room the document is stored unclaimed and named as before.
 */
public final class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);
    /** Documents named by wake-ups and not yet taken; beyond this, a round over the collections finds them. */
    static final int WRITTEN_CAPACITY = 10_000;

    /**
     * A document a writer just stored events in; when it stored it claimed for this relay ({@code claim} not null),
     * with the events it stored, which go out without a read.
     */
    private record Written(String collection, Object id, Claim claim, List<PendingEvent> events) {

        Written(String collection, Object id) {
            this(collection, id, null, List.of());
        }
    }

    /**
     * The claim a new document is stored with, for this relay: {@code token} in {@code outboxClaim}, {@code until} in
     * {@code outboxLease}; {@code at}, when it was given.
     */
    record Claim(String token, Instant at, Instant until) {
    }

    private final MongoDatabase database;
    private final EventPublisher publisher;
    private final OutboxProperties properties;
    private final Clock clock;
    private final Set<String> collections;
    private final Semaphore wakeUps = new Semaphore(0);
    /** Named documents, and room for as many handed over as {@link #handOvers} allows. */
    private final BlockingQueue<Written> written = new LinkedBlockingQueue<>(2 * WRITTEN_CAPACITY);
    /** Claims given to writers whose documents are not taken from {@link #written} yet. */
    private final Semaphore handOvers = new Semaphore(WRITTEN_CAPACITY);
    /** Guards {@link #acceptingHandOvers} against a stop between a writer's check and its hand-over. */
    private final Object handOverLock = new Object();
    private boolean acceptingHandOvers;
    private final AtomicLong published = new AtomicLong();
    private volatile boolean roundAsked = true;
    /**
     * Whether the last round stopped at a collection's batch size, so that more may wait. A round that found
     * fewer took everything that was there: documents written since are named by their writers' wake-ups, and
     * a round right away would only look through the collections again (on a store without indexes for the
     * claim, a read of every document) to find what the wake-ups already bring.
     */
    private volatile boolean lastRoundFull;
    private volatile boolean running;
    private volatile boolean stopping;
    private Thread thread;

    public OutboxRelay(MongoDatabase database, EventPublisher publisher, OutboxProperties properties, Clock clock,
            MeterRegistry meters) {
        this.database = database;
        this.publisher = publisher;
        this.properties = properties;
        this.clock = clock;
        this.collections = Set.copyOf(properties.collections());
        Gauge.builder("duban.outbox.backlog", this, OutboxRelay::backlog)
                .description("Documents holding events not yet published").register(meters);
        meters.more().counter("duban.outbox.published", List.of(), published);
    }

    /** Asks the relay for a round over every collection now rather than at its next poll. */
    public void wakeUp() {
        roundAsked = true;
        signal();
    }

    /**
     * Tells the relay that the document {@code id} of {@code collection} now holds events: it claims and
     * publishes that document at once, without looking through the collections.
     */
    public void wakeUp(String collection, Object id) {
        if (!properties.enabled() || !collections.contains(collection)) {
            return; // no relay on this instance, or not a collection it publishes from (its rounds never look there)
        }
        // named documents leave room in the queue for the claims given out, which are never refused
        if (written.remainingCapacity() <= WRITTEN_CAPACITY || !written.offer(new Written(collection, id))) {
            roundAsked = true; // too many waiting: the next round over the collections takes them
        }
        signal();
    }

    /**
     * A claim for this relay to store a new document of {@code collection} with (its lease and token, in the insert
     * that stores the document and its events); then {@link #handOver} once stored, or {@link #cancel} if not.
     *
     * @return null when the relay does not run, does not publish from {@code collection}, or has no room for another
     *         hand-over: the document is then stored unclaimed and named ({@link #wakeUp(String, Object)})
     */
    Claim claimForNew(String collection) {
        if (!running || stopping || !collections.contains(collection) || !handOvers.tryAcquire()) {
            return null;
        }
        Instant now = clock.instant();
        return new Claim(UUID.randomUUID().toString(), now, now.plus(properties.lease()));
    }

    /** The document was not stored: its claim is given back. */
    void cancel(Claim claim) {
        handOvers.release();
    }

    /**
     * The document {@code id} of {@code collection} was stored with {@code claim} and exactly {@code events} in its
     * outbox: the relay publishes them as they are. A relay stopped meanwhile releases the document for the rounds
     * (of the next start, or of another instance).
     */
    void handOver(Claim claim, String collection, Object id, List<PendingEvent> events) {
        Written document = new Written(collection, id, claim, List.copyOf(events));
        synchronized (handOverLock) {
            if (acceptingHandOvers && written.offer(document)) {
                signal();
                return;
            }
        }
        handOvers.release();
        giveBack(List.of(document));
    }

    /**
     * Releases documents handed over and not sent (the relay stops, or the broker failed): rounds take them at once
     * rather than once their lease expired. One write per collection.
     */
    private void giveBack(List<Written> documents) {
        Map<String, List<Written>> byCollection = new LinkedHashMap<>();
        documents.stream().filter(document -> document.claim() != null)
                .forEach(document -> byCollection.computeIfAbsent(document.collection(), name -> new ArrayList<>())
                        .add(document));
        for (Map.Entry<String, List<Written>> entry : byCollection.entrySet()) {
            try {
                database.getCollection(entry.getKey()).updateMany(
                        and(in(AggregateWriter.ID, entry.getValue().stream().map(Written::id).toList()),
                                in(OutboxDocuments.OUTBOX_CLAIM,
                                        entry.getValue().stream().map(document -> document.claim().token()).toList())),
                        combine(unset(OutboxDocuments.OUTBOX_LEASE), unset(OutboxDocuments.OUTBOX_CLAIM)));
            } catch (RuntimeException e) {
                log.warn("releasing {} documents of {} handed over to the outbox relay failed; their lease of {} "
                        + "expires: {}", entry.getValue().size(), entry.getKey(), properties.lease(), e.toString());
            }
        }
        roundAsked = true;
    }

    private void signal() {
        if (wakeUps.availablePermits() == 0) {
            wakeUps.release();
        }
    }

    /**
     * Publishes the documents named by wake-ups, in batches of what waits: one alone goes out at once, those
     * written while a batch was out go together in the next.
     *
     * @return the number of events published
     */
    int publishWritten() {
        int count = 0;
        List<Written> next = new ArrayList<>();
        while (!stopping && written.drainTo(next, properties.batchSize()) > 0) {
            Map<String, List<Written>> handedOverByCollection = new LinkedHashMap<>();
            Map<String, Set<Object>> idsByCollection = new LinkedHashMap<>();
            for (Written document : next) {
                if (document.claim() != null) {
                    handOvers.release();
                    handedOverByCollection.computeIfAbsent(document.collection(), name -> new ArrayList<>())
                            .add(document);
                } else {
                    idsByCollection.computeIfAbsent(document.collection(), name -> new LinkedHashSet<>())
                            .add(document.id());
                }
            }
            next.clear();
            List<Written> notSent = new ArrayList<>();
            handedOverByCollection.values().forEach(notSent::addAll);
            // the handed-over documents first: a document named after it was stored comes after its hand-over
            for (Map.Entry<String, List<Written>> documents : handedOverByCollection.entrySet()) {
                OutboxBatch.Outcome outcome = publishHandedOver(documents.getKey(), documents.getValue());
                notSent.removeAll(documents.getValue());
                count += outcome.published();
                if (outcome.failed()) {
                    failedWithWaiting(notSent);
                    return count;
                }
            }
            for (Map.Entry<String, Set<Object>> ids : idsByCollection.entrySet()) {
                OutboxBatch.Outcome outcome = publish(ids.getKey(), List.copyOf(ids.getValue()));
                count += outcome.published();
                if (outcome.failed()) {
                    failedWithWaiting(List.of());
                    return count;
                }
            }
        }
        return count;
    }

    /** The broker failed: what waits is left to the rounds, after the failed document's retry delay. */
    private void failedWithWaiting(List<Written> handedOverNotSent) {
        List<Written> waiting = new ArrayList<>(handedOverNotSent);
        written.drainTo(waiting);
        waiting.stream().filter(document -> document.claim() != null).forEach(document -> handOvers.release());
        giveBack(waiting);
    }

    /**
     * Publishes documents handed over by their writers; one whose lease ran out while it waited is left to the
     * rounds (another instance may hold it now).
     */
    private OutboxBatch.Outcome publishHandedOver(String collection, List<Written> documents) {
        Instant now = clock.instant();
        List<OutboxBatch.Claimed> claimed = new ArrayList<>();
        Instant claimedAt = null;
        for (Written document : documents) {
            if (document.claim().until().isAfter(now)) {
                claimed.add(new OutboxBatch.Claimed(document.id(), document.events(), document.claim().token()));
                if (claimedAt == null || document.claim().at().isBefore(claimedAt)) {
                    claimedAt = document.claim().at();
                }
            } else {
                roundAsked = true;
            }
        }
        OutboxBatch.Outcome outcome = new OutboxBatch(database.getCollection(collection), publisher, properties, clock)
                .publishHandedOver(claimed, claimedAt);
        published.addAndGet(outcome.published());
        if (outcome.unfinished()) {
            roundAsked = true;
        }
        return outcome;
    }

    /**
     * Runs one round over every collection: claims documents with pending events, the oldest first, and publishes
     * them — one batch per collection.
     *
     * @return the number of events published
     */
    public int publishPending() {
        int count = 0;
        boolean full = false;
        boolean failed = false;
        for (String name : properties.collections()) {
            if (stopping) {
                break;
            }
            MongoCollection<Document> collection = database.getCollection(name);
            List<Object> waiting = collection.find(OutboxBatch.pending(clock.instant()))
                    .sort(Sorts.ascending(OutboxDocuments.OUTBOX_SINCE)).limit(properties.batchSize())
                    .projection(Projections.include(AggregateWriter.ID))
                    .map(document -> document.get(AggregateWriter.ID)).into(new ArrayList<>());
            full |= waiting.size() == properties.batchSize();
            if (waiting.isEmpty()) {
                continue;
            }
            OutboxBatch.Outcome outcome = publish(name, waiting);
            count += outcome.published();
            if (outcome.failed()) {
                failed = true; // the broker failed: the rest waits for the next round, not an immediate one
                break;
            }
        }
        lastRoundFull = full && !failed;
        return count;
    }

    /** Publishes the documents {@code ids} of {@code collection} together. */
    private OutboxBatch.Outcome publish(String collection, List<Object> ids) {
        OutboxBatch.Outcome outcome = new OutboxBatch(database.getCollection(collection), publisher, properties, clock)
                .publish(ids);
        published.addAndGet(outcome.published());
        if (outcome.unfinished()) {
            roundAsked = true; // documents released with events left: the next round takes them
        }
        return outcome;
    }

    private double backlog() {
        long total = 0;
        for (String name : properties.collections()) {
            total += database.getCollection(name).countDocuments(exists(OutboxDocuments.OUTBOX_SINCE));
        }
        return total;
    }

    private void loop() {
        long nextRound = System.nanoTime();
        while (running) {
            try {
                publishWritten();
                // rounds look for what no wake-up named: while named documents wait, they come first (a round would
                // claim the same documents the slow way: on a store without the claim's index, a read of every one)
                if (written.isEmpty() && (roundAsked || System.nanoTime() - nextRound >= 0)) {
                    roundAsked = false;
                    nextRound = System.nanoTime() + properties.pollInterval().toNanos();
                    publishPending();
                    if (lastRoundFull) {
                        roundAsked = true; // a collection held more than one round's batch
                    }
                }
                if (!roundAsked && written.isEmpty()) {
                    long wait = Math.max(0, nextRound - System.nanoTime());
                    wakeUps.tryAcquire(wait, TimeUnit.NANOSECONDS);
                    wakeUps.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("outbox relay round failed; retrying after {}: {}", properties.pollInterval(), e.toString());
                sleepQuietly();
            }
        }
    }

    private void sleepQuietly() {
        try {
            wakeUps.tryAcquire(properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Creates the index the relay's work list runs on. */
    public void createIndexes() {
        for (String name : properties.collections()) {
            database.getCollection(name).createIndex(Indexes.ascending(OutboxDocuments.OUTBOX_SINCE),
                    new IndexOptions().sparse(true).name("outbox_since"));
        }
    }

    @Override
    public void start() {
        createIndexes();
        if (!properties.enabled()) {
            log.info("outbox relay disabled on this instance");
            return;
        }
        running = true;
        stopping = false;
        synchronized (handOverLock) {
            acceptingHandOvers = true;
        }
        thread = new Thread(this::loop, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
        log.info("outbox relay started for {}", properties.collections());
    }

    /**
     * Lets the batch being published finish and release its documents, then stops: interrupting a
     * publish would leave the documents claimed until their lease expires, holding back their events.
     * Only a batch that does not end in time is interrupted.
     */
    @Override
    public void stop() {
        running = false;
        stopping = true;
        if (thread == null) {
            return;
        }
        wakeUp();
        try {
            thread.join(STOP_WAIT.toMillis());
            if (thread.isAlive()) {
                log.warn("outbox relay did not finish its round in {}; interrupting it", STOP_WAIT);
                thread.interrupt();
                thread.join(1_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<Written> left = new ArrayList<>();
        synchronized (handOverLock) {
            acceptingHandOvers = false;
            written.drainTo(left);
        }
        left.stream().filter(document -> document.claim() != null).forEach(document -> handOvers.release());
        giveBack(left);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts after the Kafka producer is available and stops before it. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }
}
