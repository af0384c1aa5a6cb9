package org.duban.intake.cases;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.duban.platform.domain.Page;
import org.duban.platform.domain.PageRequest;
import org.duban.platform.events.PendingEvent;
import org.duban.platform.events.PendingEvents;
import org.duban.platform.outbox.AggregateWriter;

/**
 * Matters in a map, selected by {@link CaseQuery#matches}, ordered and paged like the store: each read
 * rebuilds the matter from its stored state, an update is guarded by the version read, and the events a
 * matter recorded become outbox entries as the Mongo store makes them.
 */
public final class InMemoryPetitionCases implements PetitionCases {

    private final Map<String, PetitionCaseSnapshot> stored = new LinkedHashMap<>();
    private final PendingEvents events;
    /** How many reads of titles were made: a page of assignments needs one. */
    public int titleReads;
    /** The events stored with the matters, oldest first. */
    public final List<PendingEvent> recorded = new ArrayList<>();

    public InMemoryPetitionCases(PendingEvents events) {
        this.events = events;
    }

    public InMemoryPetitionCases() {
        this(new PendingEvents(Clock.systemUTC()));
    }

    @Override
    public synchronized void add(PetitionCase petitionCase) {
        stored.put(petitionCase.id(), petitionCase.snapshot());
        recorded.addAll(events.of(petitionCase.id(), petitionCase.recordedEvents()));
    }

    @Override
    public synchronized Optional<PetitionCase> find(String id) {
        return Optional.ofNullable(stored.get(id)).map(PetitionCase::restore);
    }

    @Override
    public synchronized Optional<PetitionCase> findByQueryCodeHash(String queryCodeHash) {
        return stored.values().stream().filter(matter -> matter.queryCodeHash().equals(queryCodeHash)).findFirst()
                .map(PetitionCase::restore);
    }

    @Override
    public synchronized void update(PetitionCase petitionCase) {
        PetitionCaseSnapshot current = stored.get(petitionCase.id());
        if (current == null || current.version() != petitionCase.version()) {
            throw new AggregateWriter.ConcurrentModification("cases", petitionCase.id());
        }
        PetitionCaseSnapshot changed = petitionCase.snapshot();
        stored.put(changed.id(), new PetitionCaseSnapshot(changed.id(), changed.details(), changed.queryCodeHash(),
                changed.registeredAt(), changed.version() + 1));
        recorded.addAll(events.of(petitionCase.id(), petitionCase.recordedEvents()));
    }

    @Override
    public synchronized Page<PetitionCase> list(CaseQuery query, PageRequest page) {
        List<PetitionCase> matching = stored.values().stream()
                .map(PetitionCase::restore)
                .filter(query::matches)
                .sorted(Comparator.comparing(PetitionCase::registeredAt).reversed().thenComparing(PetitionCase::id))
                .toList();
        return new Page<>(matching.stream().skip(page.offset()).limit(page.size()).toList(), page, matching.size());
    }

    @Override
    public synchronized Map<String, String> titles(Collection<String> ids) {
        titleReads++;
        return ids.stream().filter(stored::containsKey).distinct()
                .collect(Collectors.toMap(id -> id, id -> stored.get(id).details().title()));
    }
}
