package org.duban.intake.calendar;

/** How a deadline of N days is counted (SPEC §3): every calendar day, or only the office's working days. */
public enum DayCounting {

    /** Every day counts, weekends and holidays included. Needs no calendar data. */
    CALENDAR_DAYS,

    /** Only working days count: Monday to Friday except days off, plus the make-up working days (调休上班). */
    WORKING_DAYS
}
