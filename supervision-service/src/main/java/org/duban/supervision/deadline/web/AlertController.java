package org.duban.supervision.deadline.web;

import static org.duban.supervision.web.ApiViews.pageInfo;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.duban.platform.domain.PageRequest;
import org.duban.platform.web.CurrentCaller;
import org.duban.supervision.api.AlertsApi;
import org.duban.supervision.api.model.AlertColour;
import org.duban.supervision.api.model.AlertCounts;
import org.duban.supervision.api.model.AlertKind;
import org.duban.supervision.api.model.AlertPage;
import org.duban.supervision.api.model.DeadlineKind;
import org.duban.supervision.deadline.Alert;
import org.duban.supervision.deadline.AlertBoard;
import org.duban.supervision.deadline.AlertService;
import org.duban.supervision.deadline.ColourCounts;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/alerts}: the board of one kind of deadline, with its counts by colour, as
 * {@code supervision.yaml} describes it.
 */
@RestController
class AlertController implements AlertsApi {

    private final AlertService alerts;
    private final CurrentCaller caller;

    AlertController(AlertService alerts, CurrentCaller caller) {
        this.alerts = alerts;
        this.caller = caller;
    }

    @Override
    public ResponseEntity<AlertPage> listAlerts(AlertColour colour, String unitId, AlertKind kind, Integer page,
            Integer size) {
        AlertBoard board = alerts.board(caller.get(),
                colour == null ? null : org.duban.supervision.reminder.AlertColour.valueOf(colour.name()),
                unitId, kind == null ? null : org.duban.supervision.reminder.AlertKind.valueOf(kind.getValue()),
                PageRequest.of(page, size));
        ColourCounts counts = board.counts();
        return ResponseEntity.ok(new AlertPage(board.page().items().stream().map(AlertController::view).toList(),
                pageInfo(board.page()), new AlertCounts(counts.green(), counts.yellow(), counts.red())));
    }

    private static org.duban.supervision.api.model.Alert view(Alert alert) {
        return new org.duban.supervision.api.model.Alert(
                AlertKind.fromValue(alert.kind().name()),
                alert.subjectId(),
                DeadlineKind.valueOf(alert.deadlineKind().name()),
                utc(alert.dueAt()),
                AlertColour.valueOf(alert.colour().name()),
                alert.overdue(),
                utc(alert.trackedSince()))
                .assignmentId(alert.assignmentId())
                .caseId(alert.caseId())
                .unitId(alert.unitId())
                .assignmentKind(alert.assignmentKind() == null ? null
                        : org.duban.supervision.api.model.Alert.AssignmentKindEnum.valueOf(alert.assignmentKind().name()))
                .daysLeft(alert.daysLeft())
                .deadlineProvisional(alert.deadlineProvisional());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
