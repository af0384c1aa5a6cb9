package org.duban.console.board;

import java.util.List;

import org.duban.client.intake.model.Unit;
import org.duban.console.web.PageView;

/**
 * The board as a page shows it.
 *
 * @param kind       whose deadlines are shown (one kind at a time, as the API pages them)
 * @param colour     the colour filter, or null for all
 * @param unitId     the unit filter, or null for all
 * @param counts     lines of each colour for this kind and unit, whatever the colour filter
 * @param units      the units to filter by
 * @param refreshUrl where the lines refresh from (the same filters)
 */
public record BoardView(String kind, String colour, String unitId, Counts counts, List<BoardLine> lines,
        PageView page, List<Unit> units, String refreshUrl) {

    /** Whether a line's deadline is provisional (暂定), so that the page explains the mark. */
    public boolean anyProvisional() {
        return lines.stream().anyMatch(BoardLine::deadlineProvisional);
    }

    /** The headline figures. */
    public record Counts(long red, long yellow, long green) {

        public long total() {
            return red + yellow + green;
        }

        /** The figures as the page shows them, one box each, red first. */
        public List<Count> byColour() {
            return List.of(new Count("RED", red), new Count("YELLOW", yellow), new Count("GREEN", green));
        }
    }

    /** Lines of one colour ({@code RED}, {@code YELLOW}, {@code GREEN}, the API's alert colours). */
    public record Count(String colour, long value) {
    }
}
