package org.duban.supervision.deadline;

import java.util.Objects;

import org.duban.platform.domain.Page;

/** One page of the board and the counts of its lines by colour, both at the same moment. */
public record AlertBoard(Page<Alert> page, ColourCounts counts) {

    public AlertBoard {
        Objects.requireNonNull(page, "page");
        Objects.requireNonNull(counts, "counts");
    }
}
