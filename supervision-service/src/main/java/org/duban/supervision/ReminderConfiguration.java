package org.duban.supervision;

import java.time.Clock;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import org.duban.platform.scheduling.PeriodicTask;
import org.duban.supervision.reminder.AlertPolicy;
import org.duban.supervision.reminder.ReminderSource;
import org.duban.supervision.reminder.ReminderSweep;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the reminder feature: the office's warning rules and the sweep over every {@link ReminderSource}
 * (assignments, supervision orders, recommendations, measures), run by this instance every
 * {@code duban.supervision.sweep-interval}.
 */
@Configuration(proxyBeanMethods = false)
class ReminderConfiguration {

    @Bean
    AlertPolicy alertPolicy(DeadlineProperties properties) {
        return new AlertPolicy(properties.yellowWindow());
    }

    @Bean
    ReminderSweep reminderSweep(List<ReminderSource> sources, Clock clock, DeadlineProperties properties,
            MeterRegistry meters) {
        return new ReminderSweep(sources, clock, properties.sweepBatch(), new MeteredReminderFailures(meters));
    }

    @Bean
    PeriodicTask reminderSweeper(ReminderSweep sweep, DeadlineProperties properties) {
        return new PeriodicTask("reminder-sweep", properties.sweepEnabled(), properties.sweepInterval(),
                new ReminderSweeper(sweep));
    }
}
