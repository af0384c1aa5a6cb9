package org.duban.supervision.deadline;

import org.duban.supervision.reminder.AlertColour;

/**
 * How many lines of each colour the board holds for one kind and unit scope, whatever colour the page
 * shows: the board's headline figures.
 */
public record ColourCounts(long green, long yellow, long red) {

    public static final ColourCounts NONE = new ColourCounts(0, 0, 0);

    public ColourCounts {
        if (green < 0 || yellow < 0 || red < 0) {
            throw new IllegalArgumentException("counts are never negative");
        }
    }

    public long of(AlertColour colour) {
        return switch (colour) {
            case GREEN -> green;
            case YELLOW -> yellow;
            case RED -> red;
        };
    }

    public long total() {
        return green + yellow + red;
    }
}
