package org.duban.intake;

import java.time.Clock;
import java.time.ZoneId;

import com.mongodb.client.MongoDatabase;
import org.duban.intake.cases.CaseService;
import org.duban.intake.lawyer.LawyerService;
import org.duban.intake.lawyer.LawyerService.LawyerSupport;
import org.duban.intake.lawyer.mongo.MongoDutySessions;
import org.duban.intake.lawyer.mongo.MongoLawyerParticipations;
import org.duban.platform.events.PendingEvents;
import org.duban.platform.idempotency.IdempotentCreations;
import org.duban.platform.outbox.AggregateWriter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Lawyers' part in the office's work (律师参与): the use case and its two collections. */
@Configuration(proxyBeanMethods = false)
class LawyerConfiguration {

    @Bean
    LawyerService lawyerService(MongoDatabase database, AggregateWriter writer, CaseService cases,
            IdempotentCreations creations, PendingEvents events, Clock clock, ZoneId officeZone) {
        return new LawyerService(new MongoDutySessions(database, writer, events),
                new MongoLawyerParticipations(database, writer, events), cases,
                new LawyerSupport(creations, clock, officeZone));
    }
}
