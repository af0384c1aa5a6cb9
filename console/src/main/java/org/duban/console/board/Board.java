package org.duban.console.board;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletRequest;
import org.duban.client.supervision.api.AlertsApi;
import org.duban.client.supervision.model.Alert;
import org.duban.client.supervision.model.AlertColour;
import org.duban.client.supervision.model.AlertKind;
import org.duban.client.supervision.model.AlertPage;
import org.duban.console.platform.MatterTitles;
import org.duban.console.platform.UnitDirectory;
import org.duban.console.security.ConsoleUser;
import org.duban.console.web.PageView;
import org.springframework.stereotype.Component;

/**
 * Puts the board together: one page of alert lines with the counts by colour (one call), the titles of
 * their matters (titles never change: only those not seen before are asked for) and the units' names.
 */
@Component
class Board {

    static final int LINES_PER_PAGE = 20;

    private final AlertsApi alerts;
    private final MatterTitles titles;
    private final UnitDirectory units;

    Board(AlertsApi alerts, MatterTitles titles, UnitDirectory units) {
        this.alerts = alerts;
        this.titles = titles;
        this.units = units;
    }

    BoardView view(ConsoleUser user, AlertKind kind, AlertColour colour, String unitId, int page,
            HttpServletRequest request) {
        AlertPage found = alerts.listAlerts(colour, unitId, kind, page, LINES_PER_PAGE);
        Map<String, String> titles = this.titles.of(user, found.getItems().stream().map(Alert::getCaseId).toList());
        Map<String, String> unitNames = units.names(user);
        List<BoardLine> lines = found.getItems().stream()
                .map(alert -> line(alert, titles, unitNames))
                .toList();
        BoardView.Counts counts = new BoardView.Counts(found.getCounts().getRed(), found.getCounts().getYellow(),
                found.getCounts().getGreen());
        PageView paging = PageView.of(request, "/board", found.getPage());
        String refreshUrl = PageView.sameFilters(request, "/board/lines").encode().build().toUriString();
        return new BoardView(kind.getValue(), colour == null ? null : colour.getValue(), unitId, counts, lines,
                paging, units.all(user), refreshUrl);
    }


    private static BoardLine line(Alert alert, Map<String, String> titles, Map<String, String> unitNames) {
        String unitId = alert.getUnitId();
        return new BoardLine(alert.getKind().getValue(), alert.getColour().getValue(),
                alert.getDeadlineKind().getValue(),
                alert.getAssignmentKind() == null ? null : alert.getAssignmentKind().getValue(),
                alert.getSubjectId(), subjectHref(alert), alert.getAssignmentId(), alert.getCaseId(),
                alert.getCaseId() == null ? null : titles.getOrDefault(alert.getCaseId(), alert.getCaseId()),
                unitId, unitId == null ? null : unitNames.getOrDefault(unitId, unitId),
                alert.getDueAt(), alert.getDaysLeft(), Boolean.TRUE.equals(alert.getOverdue()),
                Boolean.TRUE.equals(alert.getDeadlineProvisional()));
    }

    /** The page of what a line's deadline belongs to. */
    static String subjectHref(Alert alert) {
        Function<String, String> path = prefix -> prefix + alert.getSubjectId();
        return switch (alert.getKind()) {
            case ASSIGNMENT -> path.apply("/assignments/");
            case SUPERVISION_ORDER -> path.apply("/supervision/orders/");
            case RECOMMENDATION -> path.apply("/supervision/recommendations/");
            case MEASURE -> path.apply("/supervision/measures/");
        };
    }
}
