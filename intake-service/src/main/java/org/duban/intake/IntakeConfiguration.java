package org.duban.intake;

import java.time.Clock;
import java.time.ZoneId;

import com.mongodb.client.MongoDatabase;
import org.duban.intake.assignment.AssignmentAnswers;
import org.duban.intake.assignment.AssignmentHandling;
import org.duban.intake.assignment.AssignmentReviews;
import org.duban.intake.assignment.AssignmentService;
import org.duban.intake.assignment.AssignmentService.AssignmentSupport;
import org.duban.intake.assignment.Assignments;
import org.duban.intake.assignment.DeadlinePolicy;
import org.duban.intake.assignment.mongo.MongoAssignments;
import org.duban.intake.calendar.OfficeCalendar;
import org.duban.intake.cases.CaseService;
import org.duban.intake.cases.RecoverableQueryCodes;
import org.duban.intake.cases.mongo.MongoPetitionCases;
import org.duban.intake.cases.mongo.MongoPetitionerReencryption;
import org.duban.intake.evaluation.EvaluationService;
import org.duban.intake.evaluation.EvaluationService.EvaluationSupport;
import org.duban.intake.evaluation.mongo.MongoEvaluations;
import org.duban.intake.unit.UnitService;
import org.duban.intake.unit.mongo.MongoResponsibleUnits;
import org.duban.platform.crypto.FieldCipher;
import org.duban.platform.crypto.FieldEncryptionConfiguration;
import org.duban.platform.domain.ReportedTimes;
import org.duban.platform.events.PendingEvents;
import org.duban.platform.idempotency.IdempotentCreations;
import org.duban.platform.idempotency.mongo.MongoIdempotencyKeys;
import org.duban.platform.outbox.AggregateWriter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Wires the use cases to their Mongo stores; the use cases themselves know nothing of Spring. The
 * petitioner's identity is stored encrypted under the field keyset (ADR 0011); at each start, matters not
 * yet under its primary key are written again under it.
 */
@Configuration(proxyBeanMethods = false)
@Import(FieldEncryptionConfiguration.class)
class IntakeConfiguration {

    @Bean
    IdempotentCreations idempotentCreations(MongoDatabase database, Clock clock, IntakeProperties properties) {
        return new IdempotentCreations(
                new MongoIdempotencyKeys(database, clock, properties.idempotencyRetention()), clock);
    }

    @Bean
    UnitService unitService(MongoDatabase database, AggregateWriter writer, IdempotentCreations creations,
            PendingEvents events, Clock clock) {
        return new UnitService(new MongoResponsibleUnits(database, writer, events), creations, clock);
    }

    @Bean
    CaseService caseService(MongoDatabase database, AggregateWriter writer, AssignmentHandling handling,
            UnitService units, IdempotentCreations creations, PendingEvents events, Clock clock, ZoneId officeZone,
            RecoverableQueryCodes queryCodes, FieldCipher cipher) {
        return new CaseService(new MongoPetitionCases(database, writer, events, cipher), handling, units,
                new CaseService.CaseSupport(creations, clock, officeZone, queryCodes));
    }

    @Bean
    MongoPetitionerReencryption petitionerReencryption(MongoDatabase database, AggregateWriter writer,
            FieldCipher cipher) {
        return new MongoPetitionerReencryption(database, writer, cipher);
    }

    @Bean
    AssignmentHandling assignmentHandling(Assignments assignments) {
        return new AssignmentHandling(assignments);
    }

    @Bean
    EvaluationService evaluationService(MongoDatabase database, AggregateWriter writer, CaseService cases,
            AssignmentHandling handling, IdempotentCreations creations, PendingEvents events, Clock clock) {
        return new EvaluationService(new MongoEvaluations(database, writer, events), cases, handling,
                new EvaluationSupport(creations, clock));
    }

    @Bean
    AssignmentSupport assignmentSupport(IdempotentCreations creations, IntakeProperties properties, Clock clock,
            ZoneId officeZone, OfficeCalendar calendar, ReportedTimes reportedTimes) {
        DeadlinePolicy policy = new DeadlinePolicy(properties.acceptanceDays(), properties.assignResultDays(),
                properties.transferResultDays(), officeZone, properties.dayCounting(),
                properties.objectionWorkingDays(), calendar);
        return new AssignmentSupport(creations, policy, clock, reportedTimes);
    }

    @Bean
    MongoAssignments assignments(MongoDatabase database, AggregateWriter writer, PendingEvents events) {
        return new MongoAssignments(database, writer, events);
    }

    @Bean
    AssignmentService assignmentService(Assignments assignments, CaseService cases, UnitService units,
            AssignmentSupport support) {
        return new AssignmentService(assignments, cases, units, support);
    }

    @Bean
    AssignmentAnswers assignmentAnswers(Assignments assignments, AssignmentSupport support) {
        return new AssignmentAnswers(assignments, support);
    }

    @Bean
    AssignmentReviews assignmentReviews(Assignments assignments, CaseService cases, UnitService units,
            AssignmentSupport support) {
        return new AssignmentReviews(assignments, cases, units, support);
    }
}
