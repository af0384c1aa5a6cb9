package org.duban.contracts.events;

/** The event topics. Each producing service owns exactly one; dead letters are per consumer. */
public final class Topics {

    public static final String INTAKE = "duban.intake.events";
    public static final String SUPERVISION = "duban.supervision.events";
    public static final String NOTIFICATION = "duban.notification.events";

    private Topics() {
    }

    /** The dead-letter topic of one consuming service, e.g. {@code duban.supervision-service.dlt}. */
    public static String deadLetter(String consumerService) {
        return "duban." + consumerService + ".dlt";
    }
}
