package org.duban.console.desk;

import java.util.Comparator;
import java.util.List;

import org.duban.client.supervision.model.Measure;
import org.duban.client.supervision.model.MeasureStatus;
import org.duban.client.supervision.model.Recommendation;
import org.duban.client.supervision.model.SupervisionOrder;
import org.duban.client.supervision.model.SupervisionOrderStatus;
import org.springframework.stereotype.Component;

/** What the office asks of the unit, each with the deadline of the unit's answer; those awaiting it first. */
@Component
class SupervisionLines {

    private final UnitDeadlines deadlines;

    SupervisionLines(UnitDeadlines deadlines) {
        this.deadlines = deadlines;
    }

    /** A supervision order waits for the unit's written response while OPEN. */
    DeskLine<SupervisionOrder> order(SupervisionOrder order) {
        boolean open = order.getStatus() == SupervisionOrderStatus.OPEN;
        return new DeskLine<>(order, deadlines.of(order.getResponseDueAt(), open, order.getOverdue()), open);
    }

    /** A written self-review or rectification report waits for the unit while AWAITING_SUBMISSION. */
    DeskLine<Measure> measure(Measure measure) {
        boolean awaiting = measure.getStatus() == MeasureStatus.AWAITING_SUBMISSION;
        return new DeskLine<>(measure, deadlines.of(measure.getDueAt(), awaiting, measure.getOverdue()), awaiting);
    }

    /** A recommendation waits for the unit's written answer until answered. */
    DeskLine<Recommendation> recommendation(Recommendation recommendation) {
        boolean unanswered = !Boolean.TRUE.equals(recommendation.getAnswered());
        return new DeskLine<>(recommendation,
                deadlines.of(recommendation.getFeedbackDueAt(), unanswered, recommendation.getOverdue()), unanswered);
    }

    /** The lines awaiting the unit first, each group in the platform's order (newest first). */
    static <T> List<DeskLine<T>> awaitingFirst(List<DeskLine<T>> lines) {
        return lines.stream().sorted(Comparator.comparing(line -> !line.awaitsUnit())).toList();
    }
}
