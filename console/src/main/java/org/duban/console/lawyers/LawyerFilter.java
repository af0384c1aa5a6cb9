package org.duban.console.lawyers;

import java.time.LocalDate;

import org.duban.console.web.TypedInput;

/**
 * A list's filters as typed: the period (from, to exclusive; this year when neither is given), for
 * participations also the matter and the kind, and the page.
 */
record LawyerFilter(String from, String to, String caseId, String kind, String page) {

    static LawyerFilter none() {
        return new LawyerFilter(null, null, null, null, null);
    }

    /** The days of the period; this year's when neither end is typed. */
    Days days(TypedInput input, LocalDate today) {
        if (blank(from) && blank(to)) {
            return new Days(today.withDayOfYear(1), today.withDayOfYear(1).plusYears(1));
        }
        return new Days(input.date("from", from), input.date("to", to));
    }

    /** The filters as the form shows them: the period actually listed. */
    LawyerFilter shown(Days days) {
        return new LawyerFilter(days.from() == null ? from : days.from().toString(),
                days.to() == null ? to : days.to().toString(), caseId, kind, page);
    }

    int pageNumber() {
        try {
            return page == null ? 0 : Math.max(0, Integer.parseInt(page.strip()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** The period's first day and the day after its last (either may be open). */
    record Days(LocalDate from, LocalDate to) {
    }
}
