package org.duban.reporting.timeline;

import java.util.List;
import java.util.Optional;

/** The matters' timelines: append-only, one chain per matter. */
public interface Timelines {

    /** The matter's last entry, if any. */
    Optional<TimelineEntry> last(String caseId);

    /**
     * Appends the entry in one conditional write: it lands only if no entry holds its sequence number
     * yet and its event is not in the timeline yet.
     *
     * @return APPENDED, SEQUENCE_TAKEN (another append won the race: read the last entry again), or
     * ALREADY_RECORDED (this event is in the timeline)
     */
    AppendResult append(TimelineEntry entry);

    /** Whether the event was recorded into some timeline. */
    boolean recorded(String eventId);

    /** The matter's entries by sequence. */
    List<TimelineEntry> entries(String caseId);

    enum AppendResult {
        APPENDED,
        SEQUENCE_TAKEN,
        ALREADY_RECORDED
    }
}
