package org.duban.intake.cases;

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
import org.duban.platform.outbox.AggregateWriter;

/** Matters in a map, selected by {@link CaseQuery#matches}, ordered and paged like the store. */
public final class InMemoryPetitionCases implements PetitionCases {

    private final Map<String, PetitionCase> stored = new LinkedHashMap<>();
    /** How many reads of titles were made: a page of assignments needs one. */
    public int titleReads;
    /** The events stored with the matters, oldest first. */
    public final List<PendingEvent> recorded = new ArrayList<>();

    @Override
    public synchronized void add(PetitionCase petitionCase, List<PendingEvent> events) {
        stored.put(petitionCase.id(), petitionCase);
        recorded.addAll(events);
    }

    @Override
    public synchronized Optional<PetitionCase> find(String id) {
        return Optional.ofNullable(stored.get(id));
    }

    @Override
    public synchronized Optional<PetitionCase> findByQueryCodeHash(String queryCodeHash) {
        return stored.values().stream().filter(matter -> matter.queryCodeHash().equals(queryCodeHash)).findFirst();
    }

    @Override
    public synchronized void replaceQueryCodeHash(String caseId, String previousHash, String newHash,
            List<PendingEvent> events) {
        PetitionCase m = stored.get(caseId);
        if (m == null || !m.queryCodeHash().equals(previousHash)) {
            throw new AggregateWriter.ConcurrentModification("cases", caseId);
        }
        stored.put(caseId, new PetitionCase(m.id(), m.title(), m.summary(), m.channel(), m.origin(), m.category(),
                m.petitioner(), m.prominent(), m.whistleblowing(), m.accusedUnitIds(), m.firstTime(), m.backlog(),
                m.leaderInCharge(), m.repeatOfCaseId(), newHash, m.registeredAt()));
        recorded.addAll(events);
    }

    @Override
    public synchronized Page<PetitionCase> list(CaseQuery query, PageRequest page) {
        List<PetitionCase> matching = stored.values().stream()
                .filter(query::matches)
                .sorted(Comparator.comparing(PetitionCase::registeredAt).reversed().thenComparing(PetitionCase::id))
                .toList();
        return new Page<>(matching.stream().skip(page.offset()).limit(page.size()).toList(), page, matching.size());
    }

    @Override
    public synchronized Map<String, String> titles(Collection<String> ids) {
        titleReads++;
        return ids.stream().filter(stored::containsKey).distinct()
                .collect(Collectors.toMap(id -> id, id -> stored.get(id).title()));
    }
}
