package org.duban.intake.assignment;

import java.util.List;

/** Finds the assignments whose deadlines were counted through a provisional calendar year. */
public interface ProvisionalAssignments {

    /** The ids of the open assignments (not concluded or cancelled) with a provisional deadline. */
    List<String> openWithProvisionalDeadlines();
}
