package org.duban.intake.cases;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

import org.duban.platform.domain.Page;
import org.duban.platform.domain.PageRequest;

/** Where matters are kept. */
public interface PetitionCases {

    /** Stores a new matter with the event of its registration, in one write. */
    void add(PetitionCase petitionCase);

    Optional<PetitionCase> find(String id);

    /** The matter whose query code hashes to {@code queryCodeHash}. */
    Optional<PetitionCase> findByQueryCodeHash(String queryCodeHash);

    /**
     * Stores the matter's new query code hash with the events it recorded, in one write, if nobody changed
     * the matter since it was loaded; the old code then finds nothing. The registered details never change.
     * Fails with the store's {@code ConcurrentModification} (answered 409) if the matter changed meanwhile.
     */
    void update(PetitionCase petitionCase);

    /** The matters meeting every condition of the query, newest first. */
    Page<PetitionCase> list(CaseQuery query, PageRequest page);

    /** The titles of those of {@code ids} that are registered matters, by id: one read for them all. */
    Map<String, String> titles(Collection<String> ids);
}
