package org.duban.notification.delivery.webhook;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;

import javax.net.ssl.SSLException;

import org.apache.hc.client5.http.ClientProtocolException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.duban.notification.delivery.AttemptError;

/**
 * Turns what went wrong in an exchange into the stable words the attempt records. The exception itself
 * (its message names hosts and addresses) is for the service log only.
 */
final class ExchangeFailures {

    private ExchangeFailures() {
    }

    static AttemptError of(IOException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            AttemptError error = ofOne(cause);
            if (error != null) {
                return error;
            }
        }
        return AttemptError.CONNECTION_FAILED;
    }

    private static AttemptError ofOne(Throwable failure) {
        if (failure instanceof SSLException) {
            return AttemptError.TLS_FAILED;
        }
        if (failure instanceof ConnectTimeoutException || failure instanceof SocketTimeoutException) {
            return AttemptError.TIMED_OUT;
        }
        if (failure instanceof UnknownHostException) {
            return AttemptError.HOST_NOT_FOUND;
        }
        if (failure instanceof NoRouteToHostException) {
            return AttemptError.NETWORK_UNREACHABLE;
        }
        if (failure instanceof NoHttpResponseException || failure instanceof ConnectionClosedException) {
            return AttemptError.CONNECTION_LOST;
        }
        if (failure instanceof SocketException) {
            // the kind of socket failure is only in the message (the JDK's own words, not shown to anyone)
            String message = failure.getMessage() == null ? "" : failure.getMessage().toLowerCase(Locale.ROOT);
            if (message.contains("refused")) {
                return AttemptError.CONNECTION_REFUSED;
            }
            if (message.contains("unreachable")) {
                return AttemptError.NETWORK_UNREACHABLE;
            }
            if (failure instanceof ConnectException) {
                // HttpClient's HttpHostConnectException wraps the socket's own exception: look at that first
                return failure.getCause() == null ? AttemptError.CONNECTION_FAILED : null;
            }
            return AttemptError.CONNECTION_LOST;
        }
        if (failure instanceof ClientProtocolException) {
            return AttemptError.INVALID_ANSWER;
        }
        return null;
    }
}
