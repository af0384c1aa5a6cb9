package org.duban.supervision.reminder;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks for the reminders (催办) that have fallen due and issues them, each exactly once: the work
 * list of every source is a range query on its indexed next-check instant, and each reminder is a
 * conditional single-document write (docs/adr/0004-reminders-exactly-once.md). Any number of
 * instances may sweep at the same time; a sweep cut short by a crash leaves its remaining work due
 * for the next one.
 *
 * <p>Each subject is reminded in its own try: a subject whose reminder fails (its document cannot be
 * read or written, its data is broken) is logged with the stack trace, counted by
 * {@link ReminderFailures} and left due, so the next sweep tries it again — and the rest of the sweep
 * goes on. A source whose work list cannot be read is skipped the same way. Only an {@link Error} (the
 * instance dying) ends a sweep early.
 */
public final class ReminderSweep {

    private static final Logger log = LoggerFactory.getLogger(ReminderSweep.class);

    private final List<ReminderSource> sources;
    private final Clock clock;
    private final int batchSize;
    private final ReminderFailures failures;

    public ReminderSweep(List<ReminderSource> sources, Clock clock, int batchSize) {
        this(sources, clock, batchSize, ReminderFailures.NONE);
    }

    /** @param failures told of every subject (or work list) whose reminder failed in a sweep */
    public ReminderSweep(List<ReminderSource> sources, Clock clock, int batchSize, ReminderFailures failures) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be positive");
        }
        this.sources = List.copyOf(sources);
        this.clock = clock;
        this.batchSize = batchSize;
        this.failures = failures;
    }

    /** One sweep over every source at the current instant. */
    public Result sweep() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Result result = new Result(now, 0, 0, 0);
        for (ReminderSource source : sources) {
            try {
                result = result.plus(sweep(source, now));
            } catch (RuntimeException e) {
                log.error("reminder sweep at {}: the work list of {} could not be read; the next sweep retries it",
                        now, source.subjectType(), e);
                failures.failed(source.subjectType(), null, e);
                result = result.plus(new Result(now, 0, 0, 1));
            }
        }
        return result;
    }

    private Result sweep(ReminderSource source, Instant now) {
        int examined = 0;
        int issued = 0;
        int failed = 0;
        // Subjects looked at in this sweep are not looked at again in it: one whose write lost a race,
        // or whose reminder failed, may still be due, and is left for the next sweep. Such subjects
        // stay at the head of the work list (earliest first), so each query asks for that many more,
        // and a batch made only of them cannot hide the subjects behind it.
        Set<String> seen = new HashSet<>();
        int stillDue = 0;
        while (true) {
            int limit = batchSize + stillDue;
            List<String> due = source.dueForReminder(now, limit);
            List<String> fresh = due.stream().filter(seen::add).toList();
            for (String id : fresh) {
                try {
                    int reminded = source.remind(id, now);
                    issued += reminded;
                    if (reminded == 0) {
                        stillDue++;
                    }
                } catch (RuntimeException e) {
                    log.error("reminder sweep at {}: {} {} could not be reminded; the next sweep retries it", now,
                            source.subjectType(), id, e);
                    failures.failed(source.subjectType(), id, e);
                    failed++;
                    stillDue++;
                }
            }
            examined += fresh.size();
            if (fresh.isEmpty() || due.size() < limit) {
                break;
            }
        }
        return new Result(now, examined, issued, failed);
    }

    /**
     * @param at       the instant the sweep judged colours at
     * @param examined subjects looked at
     * @param issued   reminders issued
     * @param failed   subjects (or sources' work lists) whose reminder failed and is left for the next sweep
     */
    public record Result(Instant at, int examined, int issued, int failed) {

        Result plus(Result other) {
            return new Result(at, examined + other.examined, issued + other.issued, failed + other.failed);
        }
    }
}
