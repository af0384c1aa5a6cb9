package org.duban.supervision.escalation;

/** A step the office may take against a unit, from a reminder (催办) to the heaviest measures. */
public enum EscalationStep {
    REMINDER, SUPERVISION_ORDER, NOTICE, WRITTEN_SELF_REVIEW, INTERVIEW, LISTED_SUPERVISION, RECTIFICATION_ORDER
}
