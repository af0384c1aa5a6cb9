package org.duban.notification.delivery;

/**
 * What an attempt's record says went wrong, in words that stay the same and give nothing away: the unit
 * reads them in the deliveries API, so they never carry an exception's text, a host name or an address
 * (the office's own or the receiver's). The detail goes to the service log only. With the receiver's
 * {@code HTTP <status>} and the service's own reasons for giving up (the webhook was removed, disabled,
 * the unit has no e-mail address) these are all an attempt ever records.
 */
public enum AttemptError {

    /** The URL is no longer allowed (plain {@code http} outside the local profile, credentials in it). */
    URL_NOT_ALLOWED("URL not allowed"),
    /** The host name does not resolve. */
    HOST_NOT_FOUND("host not found"),
    /** The host resolves to an address webhooks may not reach (loopback, private, reserved). */
    ADDRESS_NOT_ALLOWED("address not allowed"),
    CONNECTION_REFUSED("connection refused"),
    NETWORK_UNREACHABLE("network unreachable"),
    /** No answer within the attempt's time. */
    TIMED_OUT("timed out"),
    /** The TLS handshake failed: the receiver's certificate is not valid for its host, or no common protocol. */
    TLS_FAILED("TLS handshake failed"),
    /** The receiver closed or reset the connection before it answered. */
    CONNECTION_LOST("connection lost"),
    /** What came back was not an HTTP answer. */
    INVALID_ANSWER("invalid HTTP answer"),
    /** Any other failure to connect or exchange. */
    CONNECTION_FAILED("connection failed"),
    /** The office's mail server did not take the e-mail. */
    MAIL_NOT_ACCEPTED("mail server did not accept the message");

    private final String text;

    AttemptError(String text) {
        this.text = text;
    }

    /** The words the attempt records. */
    public String text() {
        return text;
    }

    /** The receiver answered, with a status that is no success. */
    public static String http(int status) {
        return "HTTP " + status;
    }
}
