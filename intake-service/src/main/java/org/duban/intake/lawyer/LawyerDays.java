package org.duban.intake.lawyer;

import java.time.LocalDate;

import org.duban.platform.domain.InvalidInput;

/** The days lawyers' work is recorded on: office-local, never after today (it has happened: a later day "must not be in the future"). */
final class LawyerDays {

    private LawyerDays() {
    }

    static void notAfterToday(String field, LocalDate day, LocalDate today) {
        if (day.isAfter(today)) {
            // the console says it in Chinese; today is the office's (DUBAN_OFFICE_ZONE)
            throw new InvalidInput(field, "must not be in the future");
        }
    }
}
