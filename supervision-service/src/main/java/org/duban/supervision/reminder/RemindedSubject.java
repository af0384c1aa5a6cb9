package org.duban.supervision.reminder;

import java.time.Instant;

import org.duban.contracts.events.DubanEvent;
import org.duban.platform.domain.AggregateRoot;

/**
 * What every {@link Remindable} aggregate (a supervision order, a recommendation, a measure) keeps
 * alike besides what every aggregate has ({@link AggregateRoot}: its version, the events it recorded since):
 * its id and its last reminder. A reminder is recorded here once for all of them; the aggregate records its own
 * events with {@link #record}.
 */
public abstract class RemindedSubject extends AggregateRoot<DubanEvent> implements Remindable {

    /** The version of one not stored yet. */
    public static final long UNSAVED = -1;

    private final String id;
    private final long version;
    private Reminded reminded;

    protected RemindedSubject(String id, long version, Reminded reminded) {
        this.id = id;
        this.version = version;
        this.reminded = reminded;
    }

    /** The {@code subjectType} of its reminders: SUPERVISION_ORDER, RECOMMENDATION, MEASURE. */
    protected abstract String subjectType();

    @Override
    public final void remind(AlertColour colour, Instant now) {
        Deadline deadline = applicableDeadline().orElseThrow(() ->
                new IllegalStateException(subjectType() + " " + id + " has no deadline to remind of"));
        reminded = new Reminded(deadline, colour);
        record(Reminders.issued(subjectType(), id, deadline, colour, caseId(), assignmentId(), unitId(), now));
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final long version() {
        return version;
    }

    @Override
    public final Reminded reminded() {
        return reminded;
    }
}
