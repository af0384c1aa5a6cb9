package org.duban.intake.cases;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.duban.intake.cases.PetitionCase.Category;
import org.duban.intake.cases.PetitionCase.Channel;
import org.duban.intake.cases.PetitionCase.Origin;
import org.duban.platform.domain.InvalidInput;

/**
 * What a list of matters is narrowed to: every condition given must hold; null (or no ids) means any.
 *
 * @param text           found in the title (case-insensitive, literally: no pattern syntax), or a whole
 *                       matter id
 * @param ids            only these matters (at most {@value #MAX_IDS}), e.g. those behind a page of the
 *                       alert board
 * @param prominent      only prominent matters (true) or only the others (false)
 * @param registeredFrom registered on or after this office-local day
 * @param registeredTo   registered before this office-local day (exclusive)
 */
public record CaseFilter(String text, List<String> ids, Category category, Channel channel, Origin origin,
        Boolean prominent, LocalDate registeredFrom, LocalDate registeredTo) {

    public static final int MAX_IDS = 100;

    public CaseFilter {
        if (text != null) {
            text = text.strip();
            if (text.isEmpty()) {
                throw new InvalidInput("q", "must not be blank");
            }
        }
        ids = ids == null ? List.of() : ids.stream().filter(Objects::nonNull).map(String::strip)
                .filter(id -> !id.isEmpty()).distinct().toList();
        if (ids.size() > MAX_IDS) {
            throw new InvalidInput("ids", "at most " + MAX_IDS + " matters at once");
        }
        if (registeredFrom != null && registeredTo != null && !registeredTo.isAfter(registeredFrom)) {
            throw new InvalidInput("registeredTo", "must be a day after registeredFrom (it is exclusive)");
        }
    }

    /** Every matter. */
    public static CaseFilter none() {
        return new CaseFilter(null, null, null, null, null, null, null, null);
    }

    /** Whether {@code title} holds the text, ignoring case, or {@code id} is it. */
    public boolean textMatches(String id, String title) {
        return text == null || text.equals(id)
                || title.toLowerCase(Locale.ROOT).contains(text.toLowerCase(Locale.ROOT));
    }
}
