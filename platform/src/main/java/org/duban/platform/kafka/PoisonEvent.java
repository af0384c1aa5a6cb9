package org.duban.platform.kafka;

/**
 * A record that can never be processed as it is (not a CloudEvent, or a payload that does not match
 * its type). Not retried: it goes straight to the dead-letter topic.
 */
public final class PoisonEvent extends RuntimeException {

    public PoisonEvent(String message, Throwable cause) {
        super(message, cause);
    }
}
