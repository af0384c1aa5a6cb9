package org.duban.reporting.projection;

/** What the daily counters can be broken down by. */
public enum Dimension {
    UNIT,
    CATEGORY,
    DAY
}
