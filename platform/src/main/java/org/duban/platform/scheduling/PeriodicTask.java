package org.duban.platform.scheduling;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs a task on this instance every {@code interval} (after the previous run ends) on a daemon thread
 * of its own, from the application's start to its stop. A run that fails is logged; the next one
 * retries. The sweeps (reminders, 超期未评价) run this way: each is safe to run on every instance at once.
 */
public final class PeriodicTask implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PeriodicTask.class);

    private final String name;
    private final boolean enabled;
    private final Duration interval;
    private final Runnable task;
    private ScheduledExecutorService executor;

    /** @param name names the thread and the log lines, e.g. {@code reminder-sweep} */
    public PeriodicTask(String name, boolean enabled, Duration interval, Runnable task) {
        this.name = name;
        this.enabled = enabled;
        this.interval = interval;
        this.task = task;
    }

    private void runOnce() {
        try {
            task.run();
        } catch (RuntimeException e) {
            log.warn("{} failed; the next run retries", name, e);
        }
    }

    @Override
    public void start() {
        if (!enabled) {
            log.info("{} disabled on this instance", name);
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
        long millis = interval.toMillis();
        executor.scheduleWithFixedDelay(this::runOnce, millis, millis, TimeUnit.MILLISECONDS);
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
