package org.duban.intake.assignment;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.duban.platform.domain.Page;
import org.duban.platform.domain.PageRequest;
import org.duban.platform.events.PendingEvent;

/** Where assignments are kept. */
public interface Assignments {

    /**
     * Stores a new assignment with its events.
     *
     * @throws AlreadyStored if an assignment with its id is stored already
     */
    void add(Assignment assignment, List<PendingEvent> events);

    /** Stores the changed assignment if nobody changed it since it was loaded. */
    void update(Assignment assignment, List<PendingEvent> events);

    Optional<Assignment> find(String id);

    /**
     * Whether the matter has an assignment in one of {@code statuses}, to {@code unitId} when that is
     * not null.
     */
    boolean existsFor(String caseId, String unitId, Set<AssignmentStatus> statuses);

    /** The assignments meeting every condition of {@code filter}, newest first. */
    Page<Assignment> list(AssignmentFilter filter, PageRequest page);

    /** An assignment with this id is stored already. */
    final class AlreadyStored extends RuntimeException {
        public AlreadyStored(String id) {
            super("assignment " + id + " is stored already");
        }
    }
}
