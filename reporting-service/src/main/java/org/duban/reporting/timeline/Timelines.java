package org.duban.reporting.timeline;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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

    /** The last entry of each of the matters that has one (what {@link #last} answers, for many at once). */
    default Map<String, TimelineEntry> last(Collection<String> caseIds) {
        Map<String, TimelineEntry> last = new HashMap<>();
        for (String caseId : caseIds) {
            last(caseId).ifPresent(entry -> last.put(caseId, entry));
        }
        return last;
    }

    /** Which of the events were recorded into some timeline. */
    default Set<String> recorded(Collection<String> eventIds) {
        Set<String> recorded = new HashSet<>();
        for (String eventId : eventIds) {
            if (recorded(eventId)) {
                recorded.add(eventId);
            }
        }
        return recorded;
    }

    /**
     * Appends the entries in their order, each as {@link #append} does, and stops at the first that does not land
     * (its sequence number taken, or its event recorded already).
     *
     * @return how many landed: the entries before that one
     */
    default int appendAll(List<TimelineEntry> entries) {
        for (int i = 0; i < entries.size(); i++) {
            if (append(entries.get(i)) != AppendResult.APPENDED) {
                return i;
            }
        }
        return entries.size();
    }

    /** The matter's entries by sequence. */
    List<TimelineEntry> entries(String caseId);

    enum AppendResult {
        APPENDED,
        SEQUENCE_TAKEN,
        ALREADY_RECORDED
    }
}
