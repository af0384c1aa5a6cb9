package org.duban.supervision.deadline.mongo;

import com.mongodb.client.MongoDatabase;
import org.duban.platform.outbox.AggregateWriter;
import org.duban.supervision.deadline.TrackedAssignments;
import org.duban.supervision.reminder.AlertPolicy;

/** Lets tests outside this package (the benchmark) build the package-private Mongo store. */
public final class MongoTrackedAssignmentsAccess {

    private MongoTrackedAssignmentsAccess() {
    }

    public static TrackedAssignments create(MongoDatabase database, AggregateWriter writer, AlertPolicy policy) {
        MongoTrackedAssignments store = new MongoTrackedAssignments(database, writer, policy);
        store.createIndexes();
        return store;
    }
}
