package org.duban.intake;

import java.time.Clock;

import com.mongodb.client.MongoDatabase;
import org.duban.intake.assignment.mongo.MongoConcludedMatters;
import org.duban.intake.evaluation.EvaluationWindow;
import org.duban.intake.evaluation.OverdueUnratedSweep;
import org.duban.intake.evaluation.mongo.MongoEvaluations;
import org.duban.intake.evaluation.mongo.MongoUnratedSweepProgress;
import org.duban.platform.events.PendingEvents;
import org.duban.platform.outbox.AggregateWriter;
import org.duban.platform.scheduling.PeriodicTask;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The sweep that records 超期未评价 when a concluded matter's evaluation window closes unrated. */
@Configuration(proxyBeanMethods = false)
class EvaluationWindowConfiguration {

    @Bean
    OverdueUnratedSweep overdueUnratedSweep(MongoDatabase database, AggregateWriter writer, PendingEvents events,
            Clock clock, EvaluationWindowProperties properties) {
        return new OverdueUnratedSweep(new MongoConcludedMatters(database),
                new MongoEvaluations(database, writer, events), new MongoUnratedSweepProgress(database),
                new OverdueUnratedSweep.Settings(new EvaluationWindow(properties.length()), clock));
    }

    @Bean
    PeriodicTask overdueUnratedSweeper(OverdueUnratedSweep sweep, EvaluationWindowProperties properties) {
        return new PeriodicTask("evaluation-window-sweep", properties.sweepEnabled(), properties.sweepInterval(),
                new OverdueUnratedSweeper(sweep));
    }
}
