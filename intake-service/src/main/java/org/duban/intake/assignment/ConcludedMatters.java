package org.duban.intake.assignment;

import java.time.Instant;
import java.util.List;

/**
 * Which matters concluded when — read from the assignments, for features that follow what happens after
 * a conclusion (the evaluation window). Read only.
 */
public interface ConcludedMatters {

    /**
     * The matters with an assignment CONCLUDED in {@code (after, upTo]}, each with its <em>first</em>
     * conclusion (which may lie before {@code after}), earliest first conclusion first.
     */
    List<ConcludedMatter> concludedBetween(Instant after, Instant upTo);
}
