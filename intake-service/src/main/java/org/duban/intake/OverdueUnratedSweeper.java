package org.duban.intake;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.duban.intake.evaluation.OverdueUnratedSweep;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/** Runs the 超期未评价 sweep every {@code duban.intake.evaluation-window.sweep-interval} on this instance. */
final class OverdueUnratedSweeper implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OverdueUnratedSweeper.class);

    private final OverdueUnratedSweep sweep;
    private final EvaluationWindowProperties properties;
    private ScheduledExecutorService executor;

    OverdueUnratedSweeper(OverdueUnratedSweep sweep, EvaluationWindowProperties properties) {
        this.sweep = sweep;
        this.properties = properties;
    }

    private void sweepOnce() {
        try {
            OverdueUnratedSweep.Result result = sweep.sweep();
            if (result.recorded() > 0 || result.failed() > 0) {
                log.info("evaluation window sweep at {}: {} matters examined, {} recorded as 超期未评价, {} failed"
                        + " (retried next sweep)", result.at(), result.examined(), result.recorded(), result.failed());
            }
        } catch (RuntimeException e) {
            log.warn("evaluation window sweep failed; the next one retries", e);
        }
    }

    @Override
    public void start() {
        if (!properties.sweepEnabled()) {
            log.info("evaluation window sweeps disabled on this instance");
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "evaluation-window-sweep");
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
