package org.duban.notification.delivery;

/**
 * Carries a trace from the consumed event to the webhook or e-mail attempts, which run later on a
 * worker thread: a new delivery stores {@link #current()}, and each attempt runs in
 * {@link #continued}, so its log lines and its HTTP request carry the same trace id. The service wires
 * it to the platform's {@code TraceContexts}.
 */
public interface DeliveryTraces {

    /** No tracing: nothing stored, the attempt just runs. */
    DeliveryTraces NONE = new DeliveryTraces() {
        @Override
        public String current() {
            return null;
        }

        @Override
        public void continued(String traceparent, Runnable attempt) {
            attempt.run();
        }
    };

    /** The W3C {@code traceparent} of the work on this thread, or null outside any trace. */
    String current();

    /** Runs {@code attempt} in a span of the trace {@code traceparent} (a new trace when null). */
    void continued(String traceparent, Runnable attempt);
}
