package org.duban.console.supervision.orders;

import org.duban.client.supervision.model.SupervisionOrder;

/**
 * One order in a list, with the names a person reads instead of ids.
 *
 * @param caseTitle the matter's title (its id when the registry did not answer for it)
 * @param unitName  the unit's name (its id when unknown)
 */
record OrderLine(SupervisionOrder order, String caseTitle, String unitName) {
}
