package org.duban.reporting.timeline.web;

import java.time.ZoneOffset;

import org.duban.platform.web.CurrentCaller;
import org.duban.reporting.api.TimelinesApi;
import org.duban.reporting.api.model.Timeline;
import org.duban.reporting.api.model.TimelineActor;
import org.duban.reporting.api.model.TimelineEntry;
import org.duban.reporting.api.model.TimelineVerification;
import org.duban.reporting.timeline.TimelineService;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/timelines/{caseId}} and its verification. */
@RestController
class TimelineController implements TimelinesApi {

    private final TimelineService timelines;
    private final CurrentCaller caller;

    TimelineController(TimelineService timelines, CurrentCaller caller) {
        this.timelines = timelines;
        this.caller = caller;
    }

    @Override
    public ResponseEntity<Timeline> getTimeline(String caseId) {
        return ResponseEntity.ok(new Timeline(caseId, timelines.timeline(caller.get(), caseId).stream()
                .map(TimelineController::view).toList()));
    }

    @Override
    public ResponseEntity<TimelineVerification> verifyTimeline(String caseId) {
        var verification = timelines.verify(caller.get(), caseId);
        return ResponseEntity.ok(new TimelineVerification(caseId, verification.entries(), verification.intact())
                .firstBrokenSequence(verification.firstBrokenSequence())
                .reason(verification.reason()));
    }

    private static TimelineEntry view(org.duban.reporting.timeline.TimelineEntry entry) {
        return new TimelineEntry(entry.sequence(), entry.eventId(), entry.type(), entry.at().atOffset(ZoneOffset.UTC),
                new TimelineActor(entry.actorSubject(), entry.actorRole()).unitId(entry.actorUnitId()), entry.what(),
                entry.previousHash(), entry.hash())
                .unitId(entry.unitId());
    }
}
