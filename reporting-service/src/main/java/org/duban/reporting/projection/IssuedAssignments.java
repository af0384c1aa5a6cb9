package org.duban.reporting.projection;

import java.util.Optional;

/** The assignments the projection has seen issued. */
public interface IssuedAssignments {

    /** Stores it, or overwrites the same facts when the event comes again. */
    void save(IssuedAssignment assignment);

    Optional<IssuedAssignment> find(String assignmentId);
}
