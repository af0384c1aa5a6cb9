package org.duban.reporting.projection;

/**
 * The projection's stores for a batch of events: the ports of a {@link Batch} keep what the events change and
 * write it together when asked, each effect as idempotent as the port promises, so that a batch written part-way
 * (a crash, a failed write) and handed over again ends as if it had been written once.
 */
public interface ProjectionWrites {

    /** A new, empty batch; one thread's. */
    Batch begin();

    /** The ports one batch of events is projected through; reads of its own writes see them before they are written. */
    interface Batch {

        IssuedAssignments assignments();

        DailyFigures figures();

        Matters matters();

        Units units();

        LawyerWork lawyers();

        Recommendations recommendations();

        /** Writes what the batch's events changed, in a few bulk writes. */
        void write();
    }
}
