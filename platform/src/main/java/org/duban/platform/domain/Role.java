package org.duban.platform.domain;

/** The roles a token can carry (SPEC §1). */
public enum Role {
    /** 督查督办科 staff: register, assign, review, supervise. */
    SUPERVISOR,
    /** Office leader: reads dashboards and reports. */
    LEADER,
    /** A responsible unit, bound to one unit id. */
    UNIT
}
