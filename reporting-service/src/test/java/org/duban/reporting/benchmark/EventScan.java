package org.duban.reporting.benchmark;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.duban.contracts.events.AssignmentIssued;
import org.duban.contracts.events.DubanEvent;
import org.duban.contracts.events.EvaluationRecorded;
import org.duban.contracts.events.SupervisionOrderOpened;

/**
 * The baseline answer: the year's assignments, orders and satisfaction computed by reading every
 * stored event, as a service without pre-aggregated figures would on each request.
 */
final class EventScan {

    private final Instant from = LocalDate.of(SyntheticYear.YEAR, 1, 1).atStartOfDay(SyntheticYear.OFFICE).toInstant();
    private final Instant to = LocalDate.of(SyntheticYear.YEAR + 1, 1, 1).atStartOfDay(SyntheticYear.OFFICE).toInstant();
    long assignments;
    long orders;
    private final Map<String, EvaluationRecorded> latest = new HashMap<>();

    void accept(DubanEvent event) {
        if (event instanceof AssignmentIssued issued && "ASSIGN".equals(issued.kind()) && in(issued.issuedAt())) {
            assignments++;
        } else if (event instanceof SupervisionOrderOpened opened && in(opened.openedAt())) {
            orders++;
        } else if (event instanceof EvaluationRecorded evaluation) {
            latest.merge(evaluation.caseId(), evaluation, (a, b) -> a.recordedAt().isAfter(b.recordedAt()) ? a : b);
        }
    }

    String answer() {
        long evaluated = latest.values().stream().filter(e -> in(e.recordedAt())).count();
        long satisfied = latest.values().stream().filter(e -> in(e.recordedAt()) && !"DISSATISFIED".equals(e.rating())).count();
        return assignments + " assignments, " + orders + " orders, " + satisfied + "/" + evaluated + " satisfied";
    }

    private boolean in(Instant at) {
        return !at.isBefore(from) && at.isBefore(to);
    }
}
