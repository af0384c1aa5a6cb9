package org.duban.intake.evaluation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.duban.contracts.events.Actor;
import org.duban.intake.assignment.ConcludedMatter;
import org.duban.intake.assignment.ConcludedMatters;
import org.duban.platform.domain.Ids;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records 超期未评价 (OVERDUE_UNRATED) for every concluded matter still unrated when its evaluation window
 * closes — the platform itself, no person involved (SPEC §6).
 *
 * <p>Exactly once with any number of instances: a matter's evaluations live in one document whose
 * {@code _id} is the matter id, and the unrated record is the <em>insert</em> of that document with its
 * event in the outbox. A matter that was rated meanwhile (or marked by another instance) already has
 * the document; the insert fails and nothing is recorded. The work list is the matters concluded since
 * the last sweep ({@link UnratedSweepProgress}, less a day's overlap for clocks that differ), so a sweep
 * costs nothing for the history. Each matter is recorded in its own try: one that fails is logged and
 * the progress stays where it was, so the next sweep takes it up again.
 */
public final class OverdueUnratedSweep {

    /** Who records 超期未评价 (actor role SYSTEM). */
    public static final Actor PLATFORM = Actor.system("intake-service/evaluation-window");
    /** How far back each sweep looks again, for conclusions stored by an instance whose clock is behind. */
    static final Duration OVERLAP = Duration.ofDays(1);

    private static final Logger log = LoggerFactory.getLogger(OverdueUnratedSweep.class);

    private final ConcludedMatters concluded;
    private final Evaluations evaluations;
    private final UnratedSweepProgress progress;
    private final Settings settings;

    public OverdueUnratedSweep(ConcludedMatters concluded, Evaluations evaluations, UnratedSweepProgress progress,
            Settings settings) {
        this.concluded = concluded;
        this.evaluations = evaluations;
        this.progress = progress;
        this.settings = settings;
    }

    /** One sweep at the clock's current instant. */
    public Result sweep() {
        Instant now = settings.clock().instant();
        Instant upTo = settings.window().closedForConclusionsUpTo(now);
        Instant after = progress.sweptUpTo().map(swept -> swept.minus(OVERLAP)).orElse(Instant.EPOCH);
        if (!upTo.isAfter(after)) {
            return new Result(now, 0, 0, 0);
        }
        List<ConcludedMatter> matters = concluded.concludedBetween(after, upTo);
        int recorded = 0;
        int failed = 0;
        for (ConcludedMatter matter : matters) {
            try {
                recorded += closeWindow(matter, now) ? 1 : 0;
            } catch (RuntimeException e) {
                log.error("evaluation window of matter {} could not be closed; the next sweep retries it",
                        matter.caseId(), e);
                failed++;
            }
        }
        if (failed == 0) {
            progress.sweptUpTo(upTo);
        }
        return new Result(now, matters.size(), recorded, failed);
    }

    private boolean closeWindow(ConcludedMatter matter, Instant now) {
        if (evaluations.forCase(matter.caseId()).isPresent()) {
            return false;
        }
        CaseEvaluations none = CaseEvaluations.none(matter.caseId());
        if (!none.closeWindowUnrated(Ids.newId(now), settings.window().closesAt(matter.firstConcludedAt()), PLATFORM)) {
            return false;
        }
        // false where a rating, or another instance's sweep, stored the matter's evaluations first
        return evaluations.tryStore(none);
    }

    /** Office policy, the clock. */
    public record Settings(EvaluationWindow window, Clock clock) {

        public Settings {
            Objects.requireNonNull(window, "window");
            Objects.requireNonNull(clock, "clock");
        }
    }

    /**
     * @param at       the instant the sweep ran at
     * @param examined matters concluded since the last sweep whose window has closed
     * @param recorded of those, recorded as 超期未评价 by this sweep
     * @param failed   of those, left for the next sweep after a failure
     */
    public record Result(Instant at, int examined, int recorded, int failed) {
    }
}
