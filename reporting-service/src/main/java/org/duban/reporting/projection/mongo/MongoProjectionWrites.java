package org.duban.reporting.projection.mongo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.mongodb.client.MongoDatabase;
import org.duban.reporting.projection.CounterTotals;
import org.duban.reporting.projection.DailyFigures;
import org.duban.reporting.projection.Dimension;
import org.duban.reporting.projection.Increment;
import org.duban.reporting.projection.IssuedAssignment;
import org.duban.reporting.projection.IssuedAssignments;
import org.duban.reporting.projection.LawyerWork;
import org.duban.reporting.projection.Matters;
import org.duban.reporting.projection.ProjectionWrites;
import org.duban.reporting.projection.Recommendations;
import org.duban.reporting.projection.Units;

/**
 * The projection's collections written a batch at a time: a batch keeps its upserts per collection
 * ({@link PendingUpserts}) and its counter increments ({@link MongoDailyFigures#addAll}, summed per document), then
 * writes them as one bulk write per collection — assignments first, counters last. Each write is the same
 * idempotent upsert the stores make one at a time, so a batch written part-way and handed over again ends the
 * same. Recommendations (a few per hundred matters) are written at once: what an adoption counts depends on what
 * the store holds.
 *
 * <p>A batch answers its own saved assignments before they are written; its other ports' reads (the figures, the
 * matters' totals, the units' names) are the stored ones.
 */
public final class MongoProjectionWrites implements ProjectionWrites {

    private final MongoIssuedAssignments assignments;
    private final ProjectionCollection assignmentDocuments;
    private final MongoDailyFigures figures;
    private final ProjectionCollection matters;
    private final ProjectionCollection units;
    private final ProjectionCollection sessions;
    private final ProjectionCollection participations;
    private final MongoRecommendations recommendations;

    public MongoProjectionWrites(MongoDatabase database) {
        this.assignments = new MongoIssuedAssignments(database);
        this.assignmentDocuments = new ProjectionCollection(database, MongoIssuedAssignments.COLLECTION);
        this.figures = new MongoDailyFigures(database);
        this.matters = new ProjectionCollection(database, MongoMatters.COLLECTION);
        this.units = new ProjectionCollection(database, MongoUnits.COLLECTION);
        this.sessions = new ProjectionCollection(database, MongoLawyerWork.SESSIONS);
        this.participations = new ProjectionCollection(database, MongoLawyerWork.PARTICIPATIONS);
        this.recommendations = new MongoRecommendations(database);
    }

    @Override
    public Batch begin() {
        return new MongoBatch();
    }

    private final class MongoBatch implements Batch, IssuedAssignments, DailyFigures {

        private final Map<String, IssuedAssignment> issued = new LinkedHashMap<>();
        private final PendingUpserts assignmentWrites = new PendingUpserts(assignmentDocuments);
        private final List<Increment> increments = new ArrayList<>();
        private final Map<String, Set<String>> keysByDocument = new HashMap<>();
        private final PendingUpserts matterWrites = new PendingUpserts(matters);
        private final PendingUpserts unitWrites = new PendingUpserts(units);
        private final PendingUpserts sessionWrites = new PendingUpserts(sessions);
        private final PendingUpserts participationWrites = new PendingUpserts(participations);
        private final Matters batchMatters = new MongoMatters(matters, matterWrites);
        private final Units batchUnits = new MongoUnits(units, unitWrites);
        private final LawyerWork batchLawyers = new MongoLawyerWork(sessions, participations, sessionWrites,
                participationWrites);

        @Override
        public IssuedAssignments assignments() {
            return this;
        }

        @Override
        public DailyFigures figures() {
            return this;
        }

        @Override
        public Matters matters() {
            return batchMatters;
        }

        @Override
        public Units units() {
            return batchUnits;
        }

        @Override
        public LawyerWork lawyers() {
            return batchLawyers;
        }

        @Override
        public Recommendations recommendations() {
            return recommendations;
        }

        @Override
        public void write() {
            assignmentWrites.write();
            matterWrites.write();
            unitWrites.write();
            sessionWrites.write();
            participationWrites.write();
            figures.addAll(increments);
            increments.clear();
            keysByDocument.clear();
        }

        @Override
        public void save(IssuedAssignment assignment) {
            issued.put(assignment.assignmentId(), assignment);
            assignmentWrites.upsert(assignment.assignmentId(), MongoIssuedAssignments.saved(assignment));
        }

        @Override
        public Optional<IssuedAssignment> find(String assignmentId) {
            IssuedAssignment saved = issued.get(assignmentId);
            return saved != null ? Optional.of(saved) : assignments.find(assignmentId);
        }

        /** Kept for {@link #write()}; {@code true} unless the batch holds the same contribution already. */
        @Override
        public boolean add(Increment increment) {
            if (!keysByDocument.computeIfAbsent(MongoDailyFigures.id(increment), id -> new HashSet<>())
                    .add(increment.key())) {
                return false;
            }
            increments.add(increment);
            return true;
        }

        @Override
        public CounterTotals sum(LocalDate from, LocalDate to, Optional<String> unitId) {
            return figures.sum(from, to, unitId);
        }

        @Override
        public Map<String, CounterTotals> sumBy(LocalDate from, LocalDate to, Dimension dimension) {
            return figures.sumBy(from, to, dimension);
        }
    }
}
