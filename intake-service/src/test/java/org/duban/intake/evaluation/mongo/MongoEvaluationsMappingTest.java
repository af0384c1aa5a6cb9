package org.duban.intake.evaluation.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.bson.Document;
import org.duban.contracts.events.Actor;
import org.duban.intake.evaluation.CaseEvaluations;
import org.duban.intake.evaluation.EvaluationChannel;
import org.duban.intake.evaluation.Rating;
import org.duban.intake.evaluation.RecordEvaluation;
import org.junit.jupiter.api.Test;

class MongoEvaluationsMappingTest {

    @Test
    void everyFieldOfTheHistorySurvivesToDocumentAndFromDocument() {
        // given
        Instant t = Instant.parse("2026-03-02T01:30:00Z");
        CaseEvaluations evaluations = CaseEvaluations.none("case-1");
        evaluations.record("eva-1", new RecordEvaluation("case-1", Rating.DISSATISFIED, "答复不清楚"),
                EvaluationChannel.SUPERVISOR, new Actor("zhang.wei", "SUPERVISOR", null), true, t);
        evaluations.record("eva-2", new RecordEvaluation("case-1", Rating.SATISFIED, null),
                EvaluationChannel.PUBLIC, Actor.petitioner(), true, t.plusSeconds(60));

        // when
        CaseEvaluations read = MongoEvaluations.fromDocument(
                new Document(MongoEvaluations.toDocument(evaluations)).append("version", 3L));

        // then
        assertThat(read.caseId()).isEqualTo("case-1");
        assertThat(read.version()).isEqualTo(3L);
        assertThat(read.oldestFirst()).isEqualTo(evaluations.oldestFirst());
        assertThat(read.current().orElseThrow().recordedBy()).isEqualTo("public");
    }
}
