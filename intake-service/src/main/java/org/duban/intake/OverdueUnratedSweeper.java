package org.duban.intake;

import org.duban.intake.evaluation.OverdueUnratedSweep;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One 超期未评价 sweep, and a log line when it did something; run periodically by a {@code PeriodicTask}. */
final class OverdueUnratedSweeper implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(OverdueUnratedSweeper.class);

    private final OverdueUnratedSweep sweep;

    OverdueUnratedSweeper(OverdueUnratedSweep sweep) {
        this.sweep = sweep;
    }

    @Override
    public void run() {
        OverdueUnratedSweep.Result result = sweep.sweep();
        if (result.recorded() > 0 || result.failed() > 0) {
            log.info("evaluation window sweep at {}: {} matters examined, {} recorded as 超期未评价, {} failed"
                    + " (retried next sweep)", result.at(), result.examined(), result.recorded(), result.failed());
        }
    }
}
