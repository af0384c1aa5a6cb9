package org.duban.intake.cases;

import java.util.List;
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

    /** Newest first. */
    Page<PetitionCase> list(PageRequest page);
}
