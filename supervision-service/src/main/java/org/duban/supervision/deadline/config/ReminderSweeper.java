package org.duban.supervision.deadline.config;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.duban.supervision.deadline.ReminderSweep;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/** Runs the reminder sweep every {@code duban.supervision.sweep-interval} on this instance. */
final class ReminderSweeper implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ReminderSweeper.class);

    private final ReminderSweep sweep;
    private final DeadlineProperties properties;
    private ScheduledExecutorService executor;

    ReminderSweeper(ReminderSweep sweep, DeadlineProperties properties) {
        this.sweep = sweep;
        this.properties = properties;
    }

    private void sweepOnce() {
        try {
            ReminderSweep.Result result = sweep.sweep();
            if (result.issued() > 0 || result.failed() > 0) {
                log.info("reminder sweep at {}: {} examined, {} reminders issued, {} failed (retried next sweep)",
                        result.at(), result.examined(), result.issued(), result.failed());
            }
        } catch (RuntimeException e) {
            log.warn("reminder sweep failed; the next one retries", e);
        }
    }

    @Override
    public void start() {
        if (!properties.sweepEnabled()) {
            log.info("reminder sweeps disabled on this instance");
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "reminder-sweep");
            thread.setDaemon(true);
            return thread;
        });
        long interval = properties.sweepInterval().toMillis();
        executor.scheduleWithFixedDelay(this::sweepOnce, interval, interval, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (executor != null) {
            executor.shutdownNow();
            try {
                executor.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            executor = null;
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }
}
