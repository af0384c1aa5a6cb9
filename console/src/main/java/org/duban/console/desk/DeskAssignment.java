package org.duban.console.desk;

import org.duban.client.intake.model.Assignment;
import org.duban.client.intake.model.AssignmentExtension;

/**
 * One of the unit's assignments as its desk shows it: what the office expects of the unit next and its
 * two deadlines counted in days.
 *
 * @param nextStep         the key of what is expected next ({@code desk.next.<key>}), e.g. ASSIGNED
 * @param acceptance       the acceptance deadline (签收/受理告知), running while not yet accepted
 * @param result           the result deadline (办结), running while the matter is in the unit's hands
 * @param pendingExtension the extension request waiting for the office's decision, or null
 * @param extendedDays     days of extension approved so far
 */
public record DeskAssignment(Assignment assignment, String nextStep, Deadline acceptance, Deadline result,
        AssignmentExtension pendingExtension, int extendedDays) {
}
