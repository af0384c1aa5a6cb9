package org.duban.reporting.projection.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;
import static org.duban.reporting.projection.mongo.ProjectionCollection.daysIn;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Projections;
import org.bson.Document;
import org.duban.reporting.projection.LawyerTotals;
import org.duban.reporting.projection.LawyerWork;

/**
 * {@code lawyer_duty_sessions} ({@code {_id: sessionId, heldOn, visitorsReceived}}) and
 * {@code lawyer_participations} ({@code {_id: participationId, caseId, kind, participatedOn}}), days as
 * {@code yyyy-MM-dd} strings like the other day fields. Each record is an upsert on the id intake gave it,
 * so a redelivered event changes nothing; the totals are one range match each, on an indexed day.
 */
public final class MongoLawyerWork implements LawyerWork {

    static final String SESSIONS = "lawyer_duty_sessions";
    static final String PARTICIPATIONS = "lawyer_participations";

    private final ProjectionCollection sessions;
    private final ProjectionCollection participations;
    private final Upserts sessionWrites;
    private final Upserts participationWrites;

    public MongoLawyerWork(MongoDatabase database) {
        this(new ProjectionCollection(database, SESSIONS), new ProjectionCollection(database, PARTICIPATIONS));
        sessions.index("heldOn");
        participations.index("participatedOn");
    }

    private MongoLawyerWork(ProjectionCollection sessions, ProjectionCollection participations) {
        this(sessions, participations, sessions.direct(), participations.direct());
    }

    /** Reads from the collections, writes to the {@code writes} (a batch's). */
    MongoLawyerWork(ProjectionCollection sessions, ProjectionCollection participations, Upserts sessionWrites,
            Upserts participationWrites) {
        this.sessions = sessions;
        this.participations = participations;
        this.sessionWrites = sessionWrites;
        this.participationWrites = participationWrites;
    }

    @Override
    public void dutySession(String sessionId, LocalDate heldOn, int visitorsReceived) {
        sessionWrites.upsert(sessionId, combine(set("heldOn", heldOn.toString()),
                set("visitorsReceived", visitorsReceived)));
    }

    @Override
    public void participation(String participationId, String caseId, String kind, LocalDate participatedOn) {
        participationWrites.upsert(participationId, combine(set("caseId", caseId), set("kind", kind),
                set("participatedOn", participatedOn.toString())));
    }

    @Override
    public LawyerTotals totals(LocalDate from, LocalDate to) {
        long held = 0;
        long visitors = 0;
        for (Document group : sessions.documents().aggregate(new ArrayList<>(List.of(
                Aggregates.match(daysIn("heldOn", from, to)),
                Aggregates.group(null, Accumulators.sum("sessions", 1),
                        Accumulators.sum("visitors", "$visitorsReceived")))))) {
            held += ((Number) group.get("sessions")).longValue();
            visitors += ((Number) group.get("visitors")).longValue();
        }
        return new LawyerTotals(held, visitors, matters(from, to, "MEDIATION"), matters(from, to, "LEGAL_OPINION"));
    }

    private long matters(LocalDate from, LocalDate to, String kind) {
        Set<String> caseIds = new HashSet<>();
        participations.documents().find(and(eq("kind", kind), daysIn("participatedOn", from, to)))
                .projection(Projections.include("caseId"))
                .forEach(document -> caseIds.add(document.getString("caseId")));
        return caseIds.size();
    }
}
