package org.duban.supervision;

import org.duban.supervision.reminder.ReminderSweep;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One reminder sweep, and a log line when it did something; run periodically by a {@code PeriodicTask}. */
final class ReminderSweeper implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(ReminderSweeper.class);

    private final ReminderSweep sweep;

    ReminderSweeper(ReminderSweep sweep) {
        this.sweep = sweep;
    }

    @Override
    public void run() {
        ReminderSweep.Result result = sweep.sweep();
        if (result.issued() > 0 || result.failed() > 0) {
            log.info("reminder sweep at {}: {} examined, {} reminders issued, {} failed (retried next sweep)",
                    result.at(), result.examined(), result.issued(), result.failed());
        }
    }
}
