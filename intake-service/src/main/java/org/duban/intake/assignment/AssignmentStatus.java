package org.duban.intake.assignment;

/** Where an assignment stands (SPEC §3). */
public enum AssignmentStatus {
    ASSIGNED, OBJECTED, ACCEPTED, REPORTED, CONCLUDED, CANCELLED
}
