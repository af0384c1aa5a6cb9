package org.duban.reporting.projection;

import java.util.Locale;

/**
 * A figure kept pre-aggregated per office-local day, unit and category. Each counts facts (an
 * assignment, an order, a measure, …), and a fact contributes to a counter at most once.
 */
public enum Counter {

    /** Assignments of kind ASSIGN (交办), on the day they were issued. */
    ASSIGNMENTS_ISSUED("assignmentsIssued"),

    /** Assignments of kind TRANSFER (转送), on the day they were issued. */
    TRANSFERS_ISSUED("transfersIssued"),

    /**
     * Assignments of kind ASSIGN accepted within their acceptance deadline, on the day they were
     * <em>issued</em> (not accepted): the numerator of the timely acceptance rate, whose denominator
     * is {@link #ASSIGNMENTS_ISSUED} of the same days.
     */
    ACCEPTED_WITHIN_DEADLINE("acceptedWithinDeadline"),

    /** Assignments of kind ASSIGN concluded (final report approved), on the day they concluded. */
    ASSIGNMENTS_CONCLUDED("assignmentsConcluded"),

    /** Of {@link #ASSIGNMENTS_CONCLUDED}: those whose approved final report came by the deadline. */
    CONCLUDED_ON_TIME("concludedOnTime"),

    /** Transfers concluded (their final report came in), on the day they concluded. */
    TRANSFERS_CONCLUDED("transfersConcluded"),

    /** Objections (异议退回) raised, on the day raised. */
    OBJECTIONS("objections"),

    /** Final reports sent back (退回重办), on the day of the review. */
    SEND_BACKS("sendBacks"),

    /** Assignments that turned overdue (red reminder on their deadline), on the day of the reminder. */
    ASSIGNMENTS_OVERDUE("assignmentsOverdue"),

    /** Reminders (催办) of any colour and subject, on the day issued. */
    REMINDERS_ISSUED("remindersIssued"),

    /** Supervision orders (督办) opened, on the day opened. */
    SUPERVISION_ORDERS_OPENED("supervisionOrdersOpened"),

    RECOMMENDATIONS_IMPROVE_WORK("recommendationsImproveWork"),
    RECOMMENDATIONS_IMPROVE_POLICY("recommendationsImprovePolicy"),
    RECOMMENDATIONS_ACCOUNTABILITY("recommendationsAccountability"),

    /** Recommendations answered as adopted, on the day the recommendation was <em>issued</em>. */
    RECOMMENDATIONS_ADOPTED("recommendationsAdopted"),

    MEASURES_NOTICE("measuresNotice"),
    MEASURES_WRITTEN_SELF_REVIEW("measuresWrittenSelfReview"),
    MEASURES_INTERVIEW("measuresInterview"),
    MEASURES_LISTED_SUPERVISION("measuresListedSupervision"),
    MEASURES_RECTIFICATION_ORDER("measuresRectificationOrder"),

    /** Notifications delivered to a unit (inbox, webhook, e-mail), on the day delivered. */
    NOTIFICATIONS_DELIVERED("notificationsDelivered"),

    /** Deliveries given up after their last attempt, on the day they failed. */
    NOTIFICATIONS_FAILED("notificationsFailed"),

    /** Notifications whose receipt a unit acknowledged (送达), on the day acknowledged. */
    NOTIFICATIONS_ACKNOWLEDGED("notificationsAcknowledged");

    private final String key;

    Counter(String key) {
        this.key = key;
    }

    /** The counter's stable name, as stored and as the figures call it. */
    public String key() {
        return key;
    }

    /** The counter of a recommendation kind ({@code IMPROVE_WORK}, …). */
    public static Counter recommendation(String kind) {
        return valueOf("RECOMMENDATIONS_" + kind.toUpperCase(Locale.ROOT));
    }

    /** The counter of a measure kind ({@code WRITTEN_SELF_REVIEW}, …). */
    public static Counter measure(String kind) {
        return valueOf("MEASURES_" + kind.toUpperCase(Locale.ROOT));
    }
}
