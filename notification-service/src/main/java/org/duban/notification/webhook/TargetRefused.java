package org.duban.notification.webhook;

/**
 * A webhook URL may not be called: its form is not allowed, its host does not resolve, or one of its
 * addresses is refused. The message says why, for the unit registering it (never naming an address);
 * {@link #reason()} is the stable word an attempt records.
 */
public final class TargetRefused extends RuntimeException {

    /** What kind of refusal, as an attempt's record says it. */
    public enum Reason {
        URL_NOT_ALLOWED, HOST_NOT_FOUND, ADDRESS_NOT_ALLOWED
    }

    private final Reason reason;

    public TargetRefused(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
