package org.duban.platform.kafka;

import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;

/**
 * A failure that says the service's store could not be reached (a restart, a fail-over, a network cut), not that
 * something is wrong with the record being handled: the driver could not open or keep a connection, or found no
 * server to send the command to in time. Such a record is retried until the store answers again, never parked on
 * the dead-letter topic.
 */
final class StoreUnreachable {

    private StoreUnreachable() {
    }

    /** Whether {@code failure}, or any of its causes, is the store being unreachable. */
    static boolean in(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof MongoSocketException || cause instanceof MongoTimeoutException) {
                return true;
            }
        }
        return false;
    }
}
