package org.duban.gateway.routing;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

import io.netty.handler.timeout.ReadTimeoutException;

/**
 * Why a service could not be called, in the words of the {@code 503 service-unavailable} problem the forwarder
 * answers ("intake-service is unavailable: it could not be reached. Try again later.") and of its log line, which
 * adds the cause.
 */
final class ServiceUnavailable {

    static final String BREAKER_OPEN = "its circuit breaker is open after repeated failures";

    private ServiceUnavailable() {
    }

    /** The gateway's own saturation: no free connection to the service in time. Not the service's failure. */
    static boolean saturation(Throwable failure) {
        return failure instanceof ServiceConnections.Saturated;
    }

    static String reason(Throwable failure, Duration timeout) {
        if (saturation(failure)) {
            return "the gateway has too many calls to it under way";
        }
        if (failure instanceof ReadTimeoutException || failure instanceof TimeoutException) {
            return "it did not answer within " + timeout.toMillis() + " ms";
        }
        return "it could not be reached";
    }

    static String detail(String service, String reason) {
        return service + " is unavailable: " + reason + ". Try again later.";
    }

    /** The failure and its causes, each as class name and message, e.g. for a refused connection. */
    static String cause(Throwable failure) {
        StringBuilder cause = new StringBuilder();
        for (Throwable current = failure; current != null && cause.length() < 1000; current = current.getCause()) {
            if (!cause.isEmpty()) {
                cause.append("; caused by ");
            }
            cause.append(current.getClass().getName());
            if (current.getMessage() != null) {
                cause.append(": ").append(current.getMessage());
            }
            if (current.getCause() == current) {
                break;
            }
        }
        return cause.toString();
    }
}
