package org.duban.supervision.deadline.mongo;

import java.time.Clock;

import com.mongodb.client.MongoDatabase;
import org.duban.platform.events.PendingEvents;
import org.duban.platform.outbox.AggregateWriter;
import org.duban.supervision.deadline.TrackedAssignments;
import org.duban.supervision.reminder.AlertPolicy;

/** Lets tests outside this package (the benchmark) build the package-private Mongo store. */
public final class MongoTrackedAssignmentsAccess {

    private MongoTrackedAssignmentsAccess() {
    }

    public static TrackedAssignments create(MongoDatabase database, AggregateWriter writer, AlertPolicy policy) {
        return new MongoTrackedAssignments(database, writer, new PendingEvents(Clock.systemUTC()), policy);
    }
}
