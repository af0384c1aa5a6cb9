package org.duban.intake.calendar.files;

/** A calendar year file (or the office's calendar directory) that cannot be used, named with the problem. */
public final class InvalidCalendarFile extends RuntimeException {

    InvalidCalendarFile(String origin, String problem) {
        super("calendar file " + origin + ": " + problem);
    }

    InvalidCalendarFile(String origin, String problem, Throwable cause) {
        super("calendar file " + origin + ": " + problem, cause);
    }
}
