package org.duban.reporting.timeline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.duban.contracts.events.DubanEvent;
import org.duban.platform.domain.Caller;
import org.duban.platform.domain.NotFound;
import org.duban.platform.domain.Role;

/**
 * Records every event that concerns a matter into that matter's hash-chained timeline, and answers
 * and verifies it. Appending reads the last entry, chains the new one to it and inserts it under its
 * sequence number; if another append took that number first, it reads again and retries, so
 * concurrent appends line up instead of forking the chain. An event already in the timeline (a
 * redelivery, a replay) is not appended twice.
 */
public final class TimelineService {

    private static final int MAX_ATTEMPTS = 20;

    private final Timelines timelines;

    public TimelineService(Timelines timelines) {
        this.timelines = Objects.requireNonNull(timelines, "timelines");
    }

    /** Appends the event to its matter's timeline; events about no matter are passed over. */
    public void record(String eventId, DubanEvent event) {
        TimelineFacts.of(event).ifPresent(fact -> append(eventId, fact));
    }

    /**
     * Appends the events, in their order, to their matters' timelines as {@link #record} would one by one, with
     * few store calls: one to learn which are recorded already, one (plus a few per matter that has entries) for
     * the last entries, one ordered insert of the chained entries. Should an entry not land (another append took
     * its sequence number meanwhile), that one and those after it are appended one by one, as {@link #record}
     * does.
     */
    public void recordAll(List<RecordedEvent> events) {
        Map<String, TimelineFact> facts = new LinkedHashMap<>();
        for (RecordedEvent event : events) {
            if (!facts.containsKey(event.eventId())) {
                TimelineFacts.of(event.event()).ifPresent(fact -> facts.put(event.eventId(), fact));
            }
        }
        facts.keySet().removeAll(timelines.recorded(facts.keySet()));
        if (facts.isEmpty()) {
            return;
        }
        Set<String> caseIds = new HashSet<>();
        facts.values().forEach(fact -> caseIds.add(fact.caseId()));
        Map<String, TimelineEntry> last = new HashMap<>(timelines.last(caseIds));
        List<TimelineEntry> entries = new ArrayList<>();
        List<Map.Entry<String, TimelineFact>> pending = new ArrayList<>(facts.entrySet());
        for (Map.Entry<String, TimelineFact> fact : pending) {
            TimelineEntry entry = TimelineEntry.next(last.get(fact.getValue().caseId()), fact.getValue().caseId(),
                    fact.getKey(), fact.getValue());
            last.put(entry.caseId(), entry);
            entries.add(entry);
        }
        int appended = timelines.appendAll(entries);
        for (Map.Entry<String, TimelineFact> fact : pending.subList(appended, pending.size())) {
            append(fact.getKey(), fact.getValue());
        }
    }

    /** An event to record, with its id. */
    public record RecordedEvent(String eventId, DubanEvent event) {

        public RecordedEvent {
            Objects.requireNonNull(eventId, "eventId");
            Objects.requireNonNull(event, "event");
        }
    }

    private void append(String eventId, TimelineFact fact) {
        if (timelines.recorded(eventId)) {
            return;
        }
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            TimelineEntry entry = TimelineEntry.next(timelines.last(fact.caseId()).orElse(null), fact.caseId(), eventId,
                    fact);
            if (timelines.append(entry) != Timelines.AppendResult.SEQUENCE_TAKEN) {
                return;
            }
        }
        throw new IllegalStateException("could not append " + eventId + " to the timeline of " + fact.caseId()
                + " after " + MAX_ATTEMPTS + " attempts");
    }

    /**
     * The matter's whole history, for office staff: supervisors and leaders (it holds no petitioner
     * identity); a unit is refused.
     */
    public List<TimelineEntry> timeline(Caller caller, String caseId) {
        caller.require(Role.SUPERVISOR, Role.LEADER);
        List<TimelineEntry> entries = timelines.entries(caseId);
        if (entries.isEmpty()) {
            throw new NotFound("timeline of matter", caseId);
        }
        return entries;
    }

    /**
     * Recomputes every hash and link, oldest first, and names the first entry that breaks the chain
     * (supervisors and leaders, as {@link #timeline}).
     */
    public TimelineVerification verify(Caller caller, String caseId) {
        List<TimelineEntry> entries = timeline(caller, caseId);
        String previousHash = TimelineEntry.GENESIS;
        long expected = 1;
        for (TimelineEntry entry : entries) {
            String reason = null;
            if (entry.sequence() != expected) {
                reason = "expected entry " + expected + " but found " + entry.sequence();
            } else if (!entry.previousHash().equals(previousHash)) {
                reason = "its previous hash is not the hash of entry " + (expected - 1);
            } else if (!entry.computedHash().equals(entry.hash())) {
                reason = "its content does not match its hash";
            }
            if (reason != null) {
                return new TimelineVerification(caseId, entries.size(), entry.sequence(), reason);
            }
            previousHash = entry.hash();
            expected++;
        }
        return new TimelineVerification(caseId, entries.size(), null, null);
    }
}
