package org.duban.intake.lawyer;

import java.time.LocalDate;

import org.duban.platform.domain.InvalidInput;

/** The days lawyers' work is recorded on: office-local, never after today (it has happened). */
final class LawyerDays {

    private LawyerDays() {
    }

    static void notAfterToday(String field, LocalDate day, LocalDate today) {
        if (day.isAfter(today)) {
            throw new InvalidInput(field, "must not be after today (" + today + ", office time): record what has"
                    + " happened");
        }
    }
}
