package org.duban.console.inbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The registered units a message's text mentions. The office inbox's messages are addressed to the office
 * and name the unit that answered or asked only in their text, by its id ("责任单位 unit-cg 于 …"): this
 * finds it there and writes the unit's name in its place, as every other page shows units.
 */
final class UnitMentions {

    private final List<Unit> units = new ArrayList<>();

    private record Unit(String id, String name, Pattern mention) {
    }

    /** @param names the registered units' names by id */
    UnitMentions(Map<String, String> names) {
        names.forEach((id, name) -> units.add(new Unit(id, name,
                Pattern.compile("(?<![A-Za-z0-9_-])" + Pattern.quote(id) + "(?![A-Za-z0-9_-])"))));
    }

    /** The id of the first registered unit the text mentions. */
    Optional<String> first(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Unit first = null;
        int at = Integer.MAX_VALUE;
        for (Unit unit : units) {
            Matcher matcher = unit.mention().matcher(text);
            if (matcher.find() && matcher.start() < at) {
                first = unit;
                at = matcher.start();
            }
        }
        return first == null ? Optional.empty() : Optional.of(first.id());
    }

    /** The text with every registered unit's id replaced by its name. */
    String named(String text) {
        if (text == null) {
            return "";
        }
        String named = text;
        for (Unit unit : units) {
            named = unit.mention().matcher(named).replaceAll(Matcher.quoteReplacement(unit.name()));
        }
        return named;
    }
}
