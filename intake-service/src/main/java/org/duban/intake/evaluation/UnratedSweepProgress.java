package org.duban.intake.evaluation;

import java.time.Instant;
import java.util.Optional;

/**
 * How far the sweep for unrated matters has got: every matter first concluded up to this instant whose
 * window closed has been looked at. It only moves forward, whichever instance writes it.
 */
public interface UnratedSweepProgress {

    Optional<Instant> sweptUpTo();

    /** Moves the progress to {@code upTo}, unless it is already further. */
    void sweptUpTo(Instant upTo);
}
