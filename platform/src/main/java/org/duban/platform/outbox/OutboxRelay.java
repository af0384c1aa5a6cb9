package org.duban.platform.outbox;

import static com.mongodb.client.model.Filters.all;
import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
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
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.duban.platform.events.PendingEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Publishes the events stored in aggregate documents, then removes them: at-least-once delivery
 * that survives any crash between store and publish (docs/adr/0003-events-outbox-idempotency.md).
 *
 * <p>Each document is claimed with an atomic {@code findOneAndUpdate} that sets a lease, so several
 * instances share the work without publishing the same document concurrently; a relay that dies
 * leaves its lease to expire. Events of one document go out in order. A crash after publishing and
 * before removal publishes those events again on the next round; consumers drop the duplicates by
 * event id.
 *
 * <p>The writer of a document tells the relay which one it was ({@link #wakeUp(String, Object)}): the
 * relay claims exactly that document by its id, at once — one indexed read on any store, however many
 * documents the collections hold. Rounds over whole collections (the oldest pending first) run every
 * {@code pollInterval} and whenever a named document could not be taken: they publish what no wake-up
 * named — events of an instance that died, of a publication that failed, or stored while the relay was
 * not running.
 */
public final class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);
    /** Documents named by wake-ups and not yet taken; beyond this, a round over the collections finds them. */
    static final int WRITTEN_CAPACITY = 10_000;

    /** A document a writer just stored events in. */
    private record Written(String collection, Object id) {
    }

    private final MongoDatabase database;
    private final EventPublisher publisher;
    private final OutboxProperties properties;
    private final Clock clock;
    private final Set<String> collections;
    private final Semaphore wakeUps = new Semaphore(0);
    private final BlockingQueue<Written> written = new LinkedBlockingQueue<>(WRITTEN_CAPACITY);
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
        if (!written.offer(new Written(collection, id))) {
            roundAsked = true; // too many waiting: the next round over the collections takes them
        }
        signal();
    }

    private void signal() {
        if (wakeUps.availablePermits() == 0) {
            wakeUps.release();
        }
    }

    /**
     * Publishes the documents named by wake-ups, each claimed by its id.
     *
     * @return the number of events published
     */
    int publishWritten() {
        int count = 0;
        Written next;
        while (!stopping && (next = written.poll()) != null) {
            MongoCollection<Document> collection = database.getCollection(next.collection());
            Document claimed = claim(collection, eq(AggregateWriter.ID, next.id()));
            if (claimed == null) {
                continue; // published already (by a round, or by another instance holding it)
            }
            int sent = publishAndRelease(collection, claimed);
            if (sent < 0) {
                // the broker failed: what waits is left to the rounds, after the failed document's retry delay
                written.clear();
                return count;
            }
            count += sent;
        }
        return count;
    }

    /**
     * Runs one round over every collection: claims documents with pending events and publishes them.
     *
     * @return the number of events published
     */
    public int publishPending() {
        int count = 0;
        boolean full = false;
        boolean failed = false;
        for (String name : properties.collections()) {
            MongoCollection<Document> collection = database.getCollection(name);
            List<Object> waiting = collection.find(pending(clock.instant()))
                    .sort(Sorts.ascending(OutboxDocuments.OUTBOX_SINCE)).limit(properties.batchSize())
                    .projection(Projections.include(AggregateWriter.ID))
                    .map(document -> document.get(AggregateWriter.ID)).into(new ArrayList<>());
            full |= waiting.size() == properties.batchSize();
            for (Object id : waiting) {
                if (stopping) {
                    break;
                }
                Document claimed = claim(collection, eq(AggregateWriter.ID, id));
                if (claimed == null) {
                    continue; // taken meanwhile (by a wake-up, or another instance)
                }
                int sent = publishAndRelease(collection, claimed);
                if (sent < 0) {
                    failed = true; // the broker failed: the rest waits for the next round, not an immediate one
                    break;
                }
                count += sent;
            }
        }
        lastRoundFull = full && !failed;
        return count;
    }

    /** Documents with events that nobody holds, at {@code now}. */
    private static Bson pending(Instant now) {
        return and(exists(OutboxDocuments.OUTBOX_SINCE), or(
                exists(OutboxDocuments.OUTBOX_LEASE, false),
                lt(OutboxDocuments.OUTBOX_LEASE, Date.from(now))));
    }

    /** Claims the document {@code which} names if it has events that nobody holds. */
    private Document claim(MongoCollection<Document> collection, Bson which) {
        Instant now = clock.instant();
        return collection.findOneAndUpdate(and(which, pending(now)),
                set(OutboxDocuments.OUTBOX_LEASE, Date.from(now.plus(properties.lease()))),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
    }

    /** Returns the number of events published, or -1 when publishing failed and the round should move on. */
    private int publishAndRelease(MongoCollection<Document> collection, Document claimed) {
        Object id = claimed.get(AggregateWriter.ID);
        List<PendingEvent> events = claimed.getList(OutboxDocuments.OUTBOX, Document.class, List.of()).stream()
                .map(OutboxDocuments::fromDocument).toList();
        List<String> sent = new ArrayList<>();
        boolean failed = false;
        try {
            for (PendingEvent event : events) {
                publisher.publish(event);
                sent.add(event.id());
            }
        } catch (Exception e) {
            failed = true;
            log.warn("publishing the outbox of {} {} failed after {} of {} events; retrying in {}: {}",
                    collection.getNamespace().getCollectionName(), id, sent.size(), events.size(),
                    properties.retryDelay(), e.toString());
        }
        if (!failed && !sent.isEmpty() && collection.updateOne(
                and(eq(AggregateWriter.ID, id), size(OutboxDocuments.OUTBOX, sent.size()),
                        all(OutboxDocuments.OUTBOX + ".id", sent)),
                combine(set(OutboxDocuments.OUTBOX, List.of()), unset(OutboxDocuments.OUTBOX_SINCE),
                        unset(OutboxDocuments.OUTBOX_LEASE))).getModifiedCount() == 1) {
            // the outbox held exactly what was published (nothing appended meanwhile): emptied in one write
            published.addAndGet(sent.size());
            return sent.size();
        }
        // A failed document keeps a short lease so that a broken broker is not hammered in a tight loop.
        collection.updateOne(eq(AggregateWriter.ID, id), combine(
                pullByFilter(new Document(OutboxDocuments.OUTBOX, new Document("id", new Document("$in", sent)))),
                failed ? set(OutboxDocuments.OUTBOX_LEASE, Date.from(clock.instant().plus(properties.retryDelay())))
                        : unset(OutboxDocuments.OUTBOX_LEASE)));
        collection.updateOne(and(eq(AggregateWriter.ID, id), size(OutboxDocuments.OUTBOX, 0)),
                unset(OutboxDocuments.OUTBOX_SINCE));
        published.addAndGet(sent.size());
        return failed ? -1 : sent.size();
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
        thread = new Thread(this::loop, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
        log.info("outbox relay started for {}", properties.collections());
    }

    /**
     * Lets the document being published finish and release its lease, then stops: interrupting a
     * publish would leave the document claimed until its lease expires, holding back its events.
     * Only a round that does not end in time is interrupted.
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
