package org.duban.intake.lawyer;

import java.util.Objects;

/** Which participations a list holds: those on a day of the period, of one matter and of one kind when given. */
public record ParticipationFilter(Period period, String caseId, ParticipationKind kind) {

    public ParticipationFilter {
        Objects.requireNonNull(period, "period");
        caseId = caseId == null || caseId.isBlank() ? null : caseId.strip();
    }

    public boolean matches(LawyerParticipation recorded) {
        LawyerParticipationSnapshot participation = recorded.snapshot();
        return period.contains(participation.participatedOn())
                && (caseId == null || caseId.equals(participation.caseId()))
                && (kind == null || kind == participation.kind());
    }
}
