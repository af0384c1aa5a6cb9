package org.duban.console.units;

import org.duban.client.intake.model.Unit;
import org.duban.client.reporting.model.UnitScorecard;
import org.duban.client.supervision.model.EscalationProposal;

/**
 * One unit's page: its registration, its scorecard this year, and the escalation ladder's proposal.
 *
 * @param scorecard the unit's line of this year's scorecards, or null when nothing was counted yet
 * @param scoredOf  how many units this year's ranking has
 */
record UnitPageView(Unit unit, UnitScorecard scorecard, int scoredOf, String year, EscalationProposal escalation) {
}
