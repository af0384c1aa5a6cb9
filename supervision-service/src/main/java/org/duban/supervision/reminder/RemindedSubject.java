package org.duban.supervision.reminder;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.duban.contracts.events.DubanEvent;

/**
 * What every {@link Remindable} aggregate (a supervision order, a recommendation, a measure) keeps
 * alike: its id, the version it was loaded at, its last reminder and the events it recorded since. A
 * reminder is recorded here once for all of them; the aggregate records its own events with
 * {@link #record}.
 */
public abstract class RemindedSubject implements Remindable {

    private final String id;
    private final long version;
    private Reminded reminded;
    private final List<DubanEvent> recorded = new ArrayList<>();

    protected RemindedSubject(String id, long version, Reminded reminded) {
        this.id = id;
        this.version = version;
        this.reminded = reminded;
    }

    /** The {@code subjectType} of its reminders: SUPERVISION_ORDER, RECOMMENDATION, MEASURE. */
    protected abstract String subjectType();

    protected final void record(DubanEvent event) {
        recorded.add(event);
    }

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

    @Override
    public final List<DubanEvent> recordedEvents() {
        return List.copyOf(recorded);
    }
}
