package org.duban.intake.evaluation.mongo;

import static com.mongodb.client.model.Filters.eq;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.bson.Document;
import org.duban.intake.evaluation.CaseEvaluations;
import org.duban.intake.evaluation.CaseEvaluationsSnapshot;
import org.duban.intake.evaluation.Evaluation;
import org.duban.intake.evaluation.EvaluationChannel;
import org.duban.intake.evaluation.Evaluations;
import org.duban.intake.evaluation.Rating;
import org.duban.platform.events.PendingEvent;
import org.duban.platform.events.PendingEvents;
import org.duban.platform.outbox.AggregateWriter;
import org.duban.platform.outbox.AggregateWriter.ConcurrentModification;
import org.duban.platform.outbox.AggregateWriter.DuplicateKey;

/**
 * Collection {@code evaluations}: one document per matter ({@code _id} = the matter id) holding its
 * history oldest first, a version and its own outbox.
 */
public final class MongoEvaluations implements Evaluations {

    static final String COLLECTION = "evaluations";

    private final MongoCollection<Document> collection;
    private final AggregateWriter writer;
    private final PendingEvents events;

    public MongoEvaluations(MongoDatabase database, AggregateWriter writer, PendingEvents events) {
        this.collection = database.getCollection(COLLECTION);
        this.writer = writer;
        this.events = events;
        // a retried Idempotency-Key finds its evaluation by id
        collection.createIndex(Indexes.ascending("history.id"), new IndexOptions().name("by_evaluation"));
    }

    @Override
    public Optional<CaseEvaluations> forCase(String caseId) {
        return Optional.ofNullable(collection.find(eq("_id", caseId)).first()).map(MongoEvaluations::fromDocument);
    }

    @Override
    public Optional<CaseEvaluations> containing(String evaluationId) {
        return Optional.ofNullable(collection.find(eq("history.id", evaluationId)).first())
                .map(MongoEvaluations::fromDocument);
    }

    @Override
    public void store(CaseEvaluations evaluations) {
        List<PendingEvent> recorded = events.of(evaluations.caseId(), evaluations.recordedEvents());
        if (evaluations.isNew()) {
            try {
                writer.insert(collection, toDocument(evaluations), recorded);
            } catch (DuplicateKey e) {
                // the matter's first evaluation was stored by someone else meanwhile
                throw new ConcurrentModification(COLLECTION, evaluations.caseId());
            }
        } else {
            writer.update(collection, evaluations.caseId(), evaluations.version(), toDocument(evaluations), recorded);
        }
    }

    @Override
    public boolean tryStore(CaseEvaluations evaluations) {
        try {
            store(evaluations);
            return true;
        } catch (ConcurrentModification storedMeanwhile) {
            return false;
        }
    }

    static Document toDocument(CaseEvaluations evaluations) {
        List<Document> history = new ArrayList<>();
        for (Evaluation evaluation : evaluations.oldestFirst()) {
            history.add(new Document("id", evaluation.id())
                    .append("rating", evaluation.rating().name())
                    .append("comment", evaluation.comment())
                    .append("channel", evaluation.channel().name())
                    .append("recordedAt", Date.from(evaluation.recordedAt()))
                    .append("recordedBy", evaluation.recordedBy())
                    .append("replacesEvaluationId", evaluation.replacesEvaluationId()));
        }
        return new Document("_id", evaluations.caseId()).append("history", history);
    }

    static CaseEvaluations fromDocument(Document document) {
        List<Evaluation> history = new ArrayList<>();
        for (Document entry : document.getList("history", Document.class, List.of())) {
            history.add(new Evaluation(entry.getString("id"), Rating.valueOf(entry.getString("rating")),
                    entry.getString("comment"), EvaluationChannel.valueOf(entry.getString("channel")),
                    entry.getDate("recordedAt").toInstant(), entry.getString("recordedBy"),
                    entry.getString("replacesEvaluationId")));
        }
        return CaseEvaluations.restore(new CaseEvaluationsSnapshot(document.getString("_id"), history,
                document.getLong(AggregateWriter.VERSION)));
    }
}
