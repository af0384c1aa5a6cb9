package org.duban.intake.assignment;

import java.util.Optional;
import java.util.Set;

import org.duban.platform.domain.Page;
import org.duban.platform.domain.PageRequest;

/** Where assignments are kept. */
public interface Assignments {

    /**
     * Stores a new assignment with the events it recorded, in one write.
     *
     * @throws AlreadyStored if an assignment with its id is stored already
     */
    void add(Assignment assignment);

    /**
     * Stores the changed assignment with the events it recorded, in one write, if nobody changed it since it
     * was loaded; fails with the store's {@code ConcurrentModification} (answered 409) if somebody did.
     */
    void update(Assignment assignment);

    /** {@link #update(Assignment)}, answering false, and storing nothing, where somebody changed it meanwhile. */
    boolean tryUpdate(Assignment assignment);

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
