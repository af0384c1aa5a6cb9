package org.duban.reporting.timeline;

import java.time.Instant;

/** What an event tells a matter's timeline: its type, when, who, the unit concerned and what happened. */
record TimelineFact(String caseId, String type, Instant at, String actorSubject, String actorRole,
        String actorUnitId, String unitId, String what) {
}
