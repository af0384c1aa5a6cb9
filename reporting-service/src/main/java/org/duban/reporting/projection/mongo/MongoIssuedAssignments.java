package org.duban.reporting.projection.mongo;

import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;

import java.time.LocalDate;
import java.util.Date;
import java.util.Optional;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.duban.reporting.projection.AssignmentKind;
import org.duban.reporting.projection.IssuedAssignment;
import org.duban.reporting.projection.IssuedAssignments;

/**
 * {@code assignments}: the projection's memory of each issued assignment, keyed by its id. Saving is
 * a {@code $set} upsert of the issuance facts only, so it is idempotent and leaves alone whatever
 * later facts other events add to the same document.
 */
public final class MongoIssuedAssignments implements IssuedAssignments {

    static final String COLLECTION = "assignments";

    private final ProjectionCollection assignments;

    public MongoIssuedAssignments(MongoDatabase database) {
        this.assignments = new ProjectionCollection(database, COLLECTION);
    }

    @Override
    public void save(IssuedAssignment assignment) {
        assignments.upsert(assignment.assignmentId(), saved(assignment));
    }

    /** The upsert that saves it. */
    static Bson saved(IssuedAssignment assignment) {
        return combine(
                set("caseId", assignment.caseId()),
                set("unitId", assignment.unitId()),
                set("kind", assignment.kind().name()),
                set("category", assignment.category()),
                set("prominent", assignment.prominent()),
                set("issuedAt", Date.from(assignment.issuedAt())),
                set("issuedOn", assignment.issuedOn().toString()));
    }

    @Override
    public Optional<IssuedAssignment> find(String assignmentId) {
        return assignments.find(assignmentId).map(MongoIssuedAssignments::fromDocument);
    }

    private static IssuedAssignment fromDocument(Document document) {
        return new IssuedAssignment(
                document.getString("_id"),
                document.getString("caseId"),
                document.getString("unitId"),
                AssignmentKind.valueOf(document.getString("kind")),
                document.getString("category"),
                document.getBoolean("prominent", false),
                document.getDate("issuedAt").toInstant(),
                LocalDate.parse(document.getString("issuedOn")));
    }
}
