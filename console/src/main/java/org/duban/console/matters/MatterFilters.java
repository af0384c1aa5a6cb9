package org.duban.console.matters;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.duban.client.intake.model.Category;
import org.duban.client.intake.model.Channel;
import org.duban.client.intake.model.Origin;
import org.duban.console.web.TypedInput;

/**
 * The list's search box and filters, as the query string holds them. A filter that is not one of the
 * choices (an old bookmark, a hand-made link) is dropped: the list then shows everything rather than an
 * error. The "to" day is typed inclusive, as people read "登记日期 12月1日至12月31日".
 *
 * @param q              words of the title, or a matter id
 * @param prominent      {@code true}, {@code false} or blank for both
 * @param registeredFrom first day (inclusive)
 * @param registeredTo   last day (inclusive)
 */
record MatterFilters(String q, String category, String channel, String origin, String prominent,
        String registeredFrom, String registeredTo) {

    String query() {
        return TypedInput.text(q);
    }

    Category categoryChoice() {
        return TypedInput.option(category, Category.class);
    }

    Channel channelChoice() {
        return TypedInput.option(channel, Channel.class);
    }

    Origin originChoice() {
        return TypedInput.option(origin, Origin.class);
    }

    Boolean prominentChoice() {
        return "true".equals(prominent) ? Boolean.TRUE : "false".equals(prominent) ? Boolean.FALSE : null;
    }

    LocalDate from() {
        return day(registeredFrom);
    }

    /** The API's end is exclusive: the day after the last day typed. */
    LocalDate toExclusive() {
        LocalDate last = day(registeredTo);
        return last == null ? null : last.plusDays(1);
    }

    /** Whether anything narrows the list (an empty list then says so, instead of "nothing registered yet"). */
    boolean any() {
        return query() != null || categoryChoice() != null || channelChoice() != null || originChoice() != null
                || prominentChoice() != null || from() != null || day(registeredTo) != null;
    }

    private static LocalDate day(String value) {
        String text = TypedInput.text(value);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
