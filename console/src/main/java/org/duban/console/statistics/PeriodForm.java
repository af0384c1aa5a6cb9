package org.duban.console.statistics;

import java.time.LocalDate;
import java.util.List;

import org.duban.console.web.TypedInput;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The period and unit as typed (text, so that a date that does not parse comes back as it was typed);
 * an empty day is this year's: 1 January to tomorrow, office time.
 *
 * @param to the day after the last day counted, as the API takes it
 */
record PeriodForm(String from, String to, String unitId) {

    static PeriodForm of(String from, String to, String unitId, LocalDate today) {
        Period thisYear = Period.thisYear(today);
        return new PeriodForm(blank(from) ? thisYear.from().toString() : from.strip(),
                blank(to) ? thisYear.to().toString() : to.strip(), TypedInput.text(unitId));
    }

    /** The quick choices (本年, 上年, 本月, 上月) as links keeping the unit; the one shown is marked. */
    List<QuickLink> quickLinks(LocalDate today) {
        return Period.choices(today).stream()
                .map(choice -> new QuickLink(choice.key(), href(choice.period()),
                        choice.period().from().toString().equals(from) && choice.period().to().toString().equals(to)))
                .toList();
    }

    private String href(Period period) {
        UriComponentsBuilder link = UriComponentsBuilder.fromPath("/statistics")
                .queryParam("from", period.from()).queryParam("to", period.to());
        if (unitId != null) {
            link.queryParam("unitId", unitId);
        }
        return link.encode().build().toUriString();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** A quick choice of period; {@code current} when it is the period shown. */
    record QuickLink(String key, String href, boolean current) {
    }
}
