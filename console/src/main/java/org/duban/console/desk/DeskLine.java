package org.duban.console.desk;

/**
 * One thing the office asks of the unit (a supervision order, a measure, a recommendation) with the
 * deadline of the unit's answer.
 *
 * @param awaitsUnit the unit has yet to answer it (shown first, highlighted)
 */
public record DeskLine<T>(T item, Deadline deadline, boolean awaitsUnit) {
}
