package org.duban.intake.lawyer;

/** A lawyer's part in a matter: 参与调解 (invited to mediate the conflict) or 法律意见 (a legal opinion on it). */
public enum ParticipationKind {
    MEDIATION, LEGAL_OPINION
}
