package org.duban.reporting.scorecard.web;

import java.time.LocalDate;

import org.duban.platform.web.CurrentCaller;
import org.duban.reporting.api.ScorecardsApi;
import org.duban.reporting.api.model.UnitScorecards;
import org.duban.reporting.scorecard.ScorecardService;
import org.duban.reporting.web.ScorecardViews;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/statistics/units}: the units of a period, ranked. */
@RestController
class ScorecardController implements ScorecardsApi {

    private final ScorecardService scorecards;
    private final CurrentCaller caller;

    ScorecardController(ScorecardService scorecards, CurrentCaller caller) {
        this.scorecards = scorecards;
        this.caller = caller;
    }

    @Override
    public ResponseEntity<UnitScorecards> getUnitScorecards(LocalDate from, LocalDate to) {
        return ResponseEntity.ok(ScorecardViews.view(scorecards.scorecards(caller.get(), from, to)));
    }
}
