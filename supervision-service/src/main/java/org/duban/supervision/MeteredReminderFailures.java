package org.duban.supervision;

import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.duban.supervision.reminder.ReminderFailures;

/**
 * Counts failed reminders in {@code duban.reminders.failed} (Prometheus
 * {@code duban_reminders_failed_total}), tagged {@code kind} = the subject type. Every kind exists from
 * the start at 0, so an alert on its increase needs no data first.
 */
final class MeteredReminderFailures implements ReminderFailures {

    static final String METER = "duban.reminders.failed";
    static final List<String> KINDS = List.of("ASSIGNMENT", "SUPERVISION_ORDER", "RECOMMENDATION", "MEASURE");

    private final MeterRegistry meters;

    MeteredReminderFailures(MeterRegistry meters) {
        this.meters = meters;
        KINDS.forEach(this::counter);
    }

    @Override
    public void failed(String subjectType, String subjectId, RuntimeException failure) {
        counter(subjectType).increment();
    }

    private Counter counter(String kind) {
        return Counter.builder(METER).tag("kind", kind)
                .description("reminders of a sweep that failed and were left for the next sweep")
                .register(meters);
    }
}
