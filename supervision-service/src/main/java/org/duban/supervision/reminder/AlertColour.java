package org.duban.supervision.reminder;

/** The board's colours (SPEC §3): green, yellow inside the warning window, red once overdue. */
public enum AlertColour {
    GREEN,
    YELLOW,
    RED
}
