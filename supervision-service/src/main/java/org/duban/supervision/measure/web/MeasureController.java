package org.duban.supervision.measure.web;

import static org.duban.supervision.web.ApiViews.instant;
import static org.duban.supervision.web.ApiViews.pageInfo;
import static org.duban.supervision.web.ApiViews.utc;

import java.net.URI;
import java.time.Clock;

import org.duban.platform.domain.Page;
import org.duban.platform.domain.PageRequest;
import org.duban.platform.web.CurrentCaller;
import org.duban.supervision.api.MeasuresApi;
import org.duban.supervision.api.model.IssueMeasureRequest;
import org.duban.supervision.api.model.MeasureKind;
import org.duban.supervision.api.model.MeasurePage;
import org.duban.supervision.api.model.MeasureRecordRequest;
import org.duban.supervision.api.model.MeasureStatus;
import org.duban.supervision.api.model.MeasureSubmissionRequest;
import org.duban.supervision.measure.IssueMeasure;
import org.duban.supervision.measure.Measure;
import org.duban.supervision.measure.MeasureService;
import org.duban.supervision.measure.MeasureSnapshot;
import org.duban.supervision.measure.MeasureSnapshot.Concerns;
import org.duban.supervision.measure.MeasureSnapshot.Dates;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/measures}: accountability measures (问责措施), as {@code supervision.yaml} describes them. */
@RestController
class MeasureController implements MeasuresApi {

    private final MeasureService measures;
    private final CurrentCaller caller;
    private final Clock clock;

    MeasureController(MeasureService measures, CurrentCaller caller, Clock clock) {
        this.measures = measures;
        this.caller = caller;
        this.clock = clock;
    }

    @Override
    public ResponseEntity<org.duban.supervision.api.model.Measure> issueMeasure(IssueMeasureRequest request,
            String idempotencyKey) {
        Measure issued = measures.issue(caller.get(), new IssueMeasure(
                org.duban.supervision.measure.MeasureKind.valueOf(request.getKind().getValue()), request.getUnitId(),
                request.getAssignmentId(), request.getSupervisionId(), request.getReason(),
                instant(request.getDueAt()), instant(request.getScheduledAt())), idempotencyKey);
        return ResponseEntity.created(URI.create("/api/v1/measures/" + issued.id())).body(view(issued));
    }

    @Override
    public ResponseEntity<MeasurePage> listMeasures(String unitId, MeasureKind kind, MeasureStatus status,
            Integer page, Integer size) {
        Page<Measure> found = measures.list(caller.get(), unitId,
                kind == null ? null : org.duban.supervision.measure.MeasureKind.valueOf(kind.getValue()),
                status == null ? null : org.duban.supervision.measure.MeasureStatus.valueOf(status.getValue()),
                PageRequest.of(page, size));
        return ResponseEntity.ok(new MeasurePage(found.items().stream().map(this::view).toList(),
                pageInfo(found)));
    }

    @Override
    public ResponseEntity<org.duban.supervision.api.model.Measure> getMeasure(String id) {
        return ResponseEntity.ok(view(measures.get(caller.get(), id)));
    }

    @Override
    public ResponseEntity<org.duban.supervision.api.model.Measure> submitMeasure(String id,
            MeasureSubmissionRequest request) {
        return ResponseEntity.ok(view(measures.submit(caller.get(), id, request.getText())));
    }

    @Override
    public ResponseEntity<org.duban.supervision.api.model.Measure> recordMeasure(String id,
            MeasureRecordRequest request) {
        return ResponseEntity.ok(view(measures.record(caller.get(), id, request.getHeldAt().toInstant(),
                request.getMinutes())));
    }

    private org.duban.supervision.api.model.Measure view(Measure measure) {
        MeasureSnapshot m = measure.snapshot();
        Concerns concerns = m.concerns();
        Dates dates = m.dates();
        org.duban.supervision.api.model.Measure view = new org.duban.supervision.api.model.Measure(m.id(),
                MeasureKind.fromValue(m.kind().name()), concerns.unitId(), m.reason(),
                MeasureStatus.fromValue(m.status().name()), measure.overdue(clock.instant()), utc(dates.issuedAt()))
                .assignmentId(concerns.assignmentId()).caseId(concerns.caseId()).supervisionId(concerns.supervisionId())
                .dueAt(utc(dates.dueAt())).scheduledAt(utc(dates.scheduledAt()));
        if (m.submission() != null) {
            view.submission(m.submission().text()).submittedAt(utc(m.submission().at()))
                    .submittedLate(m.submission().late());
        }
        if (m.held() != null) {
            view.heldAt(utc(m.held().at())).minutes(m.held().minutes());
        }
        return view;
    }
}
