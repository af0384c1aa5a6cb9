package org.duban.reporting.timeline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@link Timelines} in maps, with the same "a sequence number once, an event once" rule as the store. */
public final class InMemoryTimelines implements Timelines {

    private final Map<String, List<TimelineEntry>> timelines = new HashMap<>();
    private final Set<String> events = new HashSet<>();

    @Override
    public synchronized Optional<TimelineEntry> last(String caseId) {
        List<TimelineEntry> entries = timelines.get(caseId);
        return entries == null || entries.isEmpty() ? Optional.empty() : Optional.of(entries.get(entries.size() - 1));
    }

    @Override
    public synchronized AppendResult append(TimelineEntry entry) {
        if (events.contains(entry.eventId())) {
            return AppendResult.ALREADY_RECORDED;
        }
        List<TimelineEntry> entries = timelines.computeIfAbsent(entry.caseId(), id -> new ArrayList<>());
        if (entry.sequence() != entries.size() + 1) {
            return AppendResult.SEQUENCE_TAKEN;
        }
        entries.add(entry);
        events.add(entry.eventId());
        return AppendResult.APPENDED;
    }

    @Override
    public synchronized boolean recorded(String eventId) {
        return events.contains(eventId);
    }

    @Override
    public synchronized List<TimelineEntry> entries(String caseId) {
        return List.copyOf(timelines.getOrDefault(caseId, List.of()));
    }
}
