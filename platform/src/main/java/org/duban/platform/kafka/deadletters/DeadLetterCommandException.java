package org.duban.platform.kafka.deadletters;

/** What the command refuses or cannot do, told to the operator on one line; the command exits with 1 or 2. */
final class DeadLetterCommandException extends RuntimeException {

    private final boolean usage;

    DeadLetterCommandException(String message) {
        this(message, false);
    }

    private DeadLetterCommandException(String message, boolean usage) {
        super(message);
        this.usage = usage;
    }

    /** A mistake in the arguments: exit code 2 and the usage text. */
    static DeadLetterCommandException usage(String message) {
        return new DeadLetterCommandException(message, true);
    }

    boolean isUsage() {
        return usage;
    }
}
