package org.duban.intake.cases;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.duban.platform.domain.Page;
import org.duban.platform.domain.PageRequest;
import org.duban.platform.events.PendingEvent;

/** Where matters are kept. */
public interface PetitionCases {

    void add(PetitionCase petitionCase, List<PendingEvent> events);

    Optional<PetitionCase> find(String id);

    /** The matter whose query code hashes to {@code queryCodeHash}. */
    Optional<PetitionCase> findByQueryCodeHash(String queryCodeHash);

    /**
     * Replaces the matter's query code hash, if it still is {@code previousHash}, and appends the events in
     * the same write; the old code then finds nothing.
     *
     * @throws org.duban.platform.outbox.AggregateWriter.ConcurrentModification if the matter changed meanwhile
     */
    void replaceQueryCodeHash(String caseId, String previousHash, String newHash, List<PendingEvent> events);

    /** The matters meeting every condition of the query, newest first. */
    Page<PetitionCase> list(CaseQuery query, PageRequest page);

    /** The titles of those of {@code ids} that are registered matters, by id: one read for them all. */
    Map<String, String> titles(Collection<String> ids);
}
