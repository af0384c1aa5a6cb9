package org.duban.notification.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Works through the stored deliveries: claims each due one with a lease (one conditional update, so
 * two instances, or one restarted, never send the same delivery at the same time), hands it to a
 * worker that makes one attempt over its channel, and stores the outcome with the next attempt's
 * time. Workers run in parallel, so a slow receiver holds one worker at most until its timeout, and
 * its circuit breaker soon stops even that. Nothing is kept in memory between rounds: a restart
 * resumes from the store.
 *
 * <p>A new delivery due now is stored held by a free worker ({@link #store}), which attempts it at once.
 * The rounds — which search the store for what is due — are for retries,
 * deliveries that found no free worker, and those of an instance that died; they run when the next
 * delivery is due, at the latest every {@code pollInterval}, and when an attempt leaves its delivery
 * pending.
 */
public final class DeliveryDispatcher implements DeliveryHandOver {

    private static final Logger log = LoggerFactory.getLogger(DeliveryDispatcher.class);

    private final Deliveries deliveries;
    private final Map<Channel, Transport> transports = new EnumMap<>(Channel.class);
    private final DeliverySettings settings;
    private final Settings dispatch;
    private final DeliveryTraces traces;
    private final DeliveryMeter meter;
    private final Clock clock;
    private final Semaphore wakeUps = new Semaphore(0);
    private final Semaphore workers;
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean running;
    private Thread loop;
    private ExecutorService pool;

    /**
     * @param lease        how long a claimed delivery stays claimed if its dispatcher dies; longer than
     *                     the longest attempt
     * @param pollInterval how long to sleep at most when nothing is due and nobody woke the dispatcher
     * @param workers      attempts in flight at once
     */
    public record Settings(Duration lease, Duration pollInterval, int workers) {
    }

    public DeliveryDispatcher(Deliveries deliveries, List<Transport> transports, DeliverySettings settings,
            Settings dispatch, Clock clock) {
        this(deliveries, transports, settings, dispatch, DeliveryTraces.NONE, DeliveryMeter.NONE, clock);
    }

    /**
     * @param traces continues the trace each delivery was created in, around each of its attempts
     * @param meter  counts the stored attempts and the deliveries that failed for good
     */
    public DeliveryDispatcher(Deliveries deliveries, List<Transport> transports, DeliverySettings settings,
            Settings dispatch, DeliveryTraces traces, DeliveryMeter meter, Clock clock) {
        this.deliveries = deliveries;
        this.traces = traces;
        this.meter = meter;
        transports.forEach(transport -> this.transports.put(transport.channel(), transport));
        this.settings = settings;
        this.dispatch = dispatch;
        this.clock = clock;
        this.workers = new Semaphore(dispatch.workers());
    }

    /** Look for due deliveries now rather than at the next poll. */
    @Override
    public void wakeUp() {
        if (wakeUps.availablePermits() == 0) {
            wakeUps.release();
        }
    }

    /**
     * Stores a new delivery. One due now, when a worker is free, is stored held by that worker (the
     * lease a round's claim would set, so no other instance takes it) and attempted at once; otherwise it
     * is stored free, for the rounds: now when it is due (no worker was free), or when it comes due.
     */
    @Override
    public boolean store(Delivery delivery) {
        if (!running || delivery.nextAttemptAt().isAfter(now()) || !workers.tryAcquire()) {
            boolean stored = deliveries.addIfAbsent(delivery);
            if (stored && running && !delivery.nextAttemptAt().isAfter(now())) {
                wakeUp();
            }
            return stored;
        }
        String token = UUID.randomUUID().toString();
        boolean stored = false;
        try {
            stored = deliveries.addHeld(delivery, now().plus(dispatch.lease()), token);
        } finally {
            if (!stored) {
                workers.release();
            }
        }
        if (!stored) {
            return false;
        }
        inFlight.incrementAndGet();
        try {
            pool.execute(() -> work(() -> attemptInItsTrace(delivery, token)));
        } catch (RejectedExecutionException stopping) {
            // shutting down: the lease expires and a round (here after a restart, or another instance) sends it
            inFlight.decrementAndGet();
            workers.release();
        }
        return true;
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        pool = Executors.newFixedThreadPool(dispatch.workers(), runnable -> {
            Thread thread = new Thread(runnable, "delivery-worker");
            thread.setDaemon(true);
            return thread;
        });
        loop = new Thread(this::loop, "delivery-dispatcher");
        loop.setDaemon(true);
        loop.start();
    }

    /** Stops claiming; attempts in flight finish (or their leases expire and another instance retries them). */
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        loop.interrupt();
        pool.shutdown();
        try {
            if (!pool.awaitTermination(5, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
            loop.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public boolean isRunning() {
        return running;
    }

    /**
     * Claims what is due and starts an attempt for each, as long as workers are free.
     *
     * @return how many attempts were started
     */
    int dispatchDue() throws InterruptedException {
        int started = 0;
        while (running) {
            workers.acquire();
            String token = UUID.randomUUID().toString();
            Optional<Delivery> claimed;
            try {
                claimed = deliveries.claimDue(now(), dispatch.lease(), token);
            } catch (RuntimeException e) {
                workers.release();
                throw e;
            }
            if (claimed.isEmpty()) {
                workers.release();
                return started;
            }
            Delivery delivery = claimed.get();
            inFlight.incrementAndGet();
            pool.execute(() -> work(() -> attemptInItsTrace(delivery, token)));
            started++;
        }
        return started;
    }

    /**
     * Runs on a worker, which it frees at the end; a round follows when the attempt left its delivery
     * pending (a retry or a postponement is now due at another time) or could not be completed.
     */
    private void work(BooleanSupplier attempt) {
        boolean roundNeeded = true;
        try {
            roundNeeded = attempt.getAsBoolean();
        } catch (RuntimeException e) {
            log.warn("delivery attempt could not be started: {}", e.toString());
        } finally {
            inFlight.decrementAndGet();
            workers.release();
            if (roundNeeded) {
                wakeUp();
            }
        }
    }

    /** @return whether a round should follow: the delivery is still pending, or its attempt was not stored */
    private boolean attemptInItsTrace(Delivery delivery, String token) {
        AtomicBoolean pending = new AtomicBoolean(true);
        traces.continued(delivery.traceparent(), () -> pending.set(attempt(delivery, token)));
        return pending.get();
    }

    /** @return whether the delivery is still pending (or its attempt could not be stored) */
    private boolean attempt(Delivery delivery, String token) {
        try {
            Transport transport = transports.get(delivery.channel());
            AttemptOutcome outcome;
            if (delivery.awaitsContacts()) {
                // due with nobody to send to: the wait for the unit's contacts is over
                outcome = AttemptOutcome.permanentFailure(null, 0, "no e-mail address of unit " + delivery.unitId()
                        + " is known: its contacts (UnitRegistered) did not arrive within " + settings.contactsWait()
                        + ", or name no e-mail address");
            } else if (transport == null) {
                outcome = AttemptOutcome.permanentFailure(null, 0, "no transport for " + delivery.channel());
            } else {
                outcome = transport.attempt(delivery);
            }
            delivery.record(outcome, now(), settings.schedule(), settings.retention());
            log(delivery, outcome);
            if (deliveries.storeAttempt(delivery, token)) {
                meter.attempted(delivery.channel(), outcome, delivery.status());
                return delivery.status() == DeliveryStatus.PENDING;
            }
            log.warn("delivery {}: lease lost before its attempt was stored", delivery.id());
        } catch (RuntimeException e) {
            // the lease expires and the attempt is made again
            log.warn("delivery {}: attempt could not be completed: {}", delivery.id(), e.toString());
        }
        return true;
    }

    /** One line per attempt, inside the delivery's trace: the trace id in it leads back to the event. */
    private static void log(Delivery after, AttemptOutcome outcome) {
        if (!outcome.attempted()) {
            log.debug("delivery {} ({}, unit {}): not attempted, waits until {}", after.id(), after.channel(),
                    after.unitId(), after.nextAttemptAt());
            return;
        }
        String result = outcome.succeeded() ? "delivered" : outcome.error();
        log.info("delivery {} ({}, unit {}): attempt {} {} in {} ms; now {}{}", after.id(), after.channel(),
                after.unitId(), after.progress().attempts().size(), result, outcome.latencyMillis(), after.status(),
                after.nextAttemptAt() == null ? "" : ", next at " + after.nextAttemptAt());
    }

    private void loop() {
        while (running) {
            try {
                dispatchDue();
                // nothing is due now: sleep until something is, or a worker or a new delivery wakes us
                wakeUps.tryAcquire(sleepMillis(), TimeUnit.MILLISECONDS);
                wakeUps.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("delivery round failed; retrying after {}: {}", dispatch.pollInterval(), e.toString());
                try {
                    Thread.sleep(dispatch.pollInterval().toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Until the next delivery is due, but at most the poll interval (another instance may add work). */
    private long sleepMillis() {
        long poll = dispatch.pollInterval().toMillis();
        Optional<Instant> next = deliveries.nextDue(now());
        if (next.isEmpty()) {
            return poll;
        }
        return Math.max(10, Math.min(poll, Duration.between(now(), next.get()).toMillis()));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
