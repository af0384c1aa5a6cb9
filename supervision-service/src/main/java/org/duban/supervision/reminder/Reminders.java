package org.duban.supervision.reminder;

import java.time.Instant;

import org.duban.contracts.events.Actor;
import org.duban.contracts.events.ReminderIssued;
import org.duban.platform.domain.Ids;

/** The {@link ReminderIssued} facts the sweep records; issued by the platform itself (actor SYSTEM). */
public final class Reminders {

    public static final Actor SWEEP = Actor.system("supervision-service/reminder-sweep");

    private Reminders() {
    }

    public static ReminderIssued issued(String subjectType, String subjectId, Deadline deadline, AlertColour colour,
            String caseId, String assignmentId, String unitId, Instant now) {
        return new ReminderIssued(Ids.newId(now), subjectType, subjectId, deadline.kind().name(), colour.name(),
                deadline.at(), caseId, assignmentId, unitId, now, SWEEP);
    }
}
