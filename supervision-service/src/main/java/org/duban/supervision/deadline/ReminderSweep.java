package org.duban.supervision.deadline;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Looks for the reminders (催办) that have fallen due and issues them, each exactly once: the work
 * list of every source is a range query on its indexed next-check instant, and each reminder is a
 * conditional single-document write (docs/adr/0004-reminders-exactly-once.md). Any number of
 * instances may sweep at the same time; a sweep cut short by a crash leaves its remaining work due
 * for the next one.
 */
public final class ReminderSweep {

    private final List<ReminderSource> sources;
    private final Clock clock;
    private final int batchSize;

    public ReminderSweep(List<ReminderSource> sources, Clock clock, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be positive");
        }
        this.sources = List.copyOf(sources);
        this.clock = clock;
        this.batchSize = batchSize;
    }

    /** One sweep over every source at the current instant. */
    public Result sweep() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        int examined = 0;
        int issued = 0;
        for (ReminderSource source : sources) {
            // A subject whose write lost a race may still be due; it is left for the next sweep
            // rather than looked at again in this one.
            Set<String> seen = new HashSet<>();
            while (true) {
                List<String> due = source.dueForReminder(now, batchSize);
                List<String> fresh = due.stream().filter(seen::add).toList();
                for (String id : fresh) {
                    issued += source.remind(id, now);
                }
                examined += fresh.size();
                if (fresh.isEmpty() || due.size() < batchSize) {
                    break;
                }
            }
        }
        return new Result(now, examined, issued);
    }

    /**
     * @param at       the instant the sweep judged colours at
     * @param examined subjects looked at
     * @param issued   reminders issued
     */
    public record Result(Instant at, int examined, int issued) {
    }
}
