package org.duban.intake.lawyer;

import java.util.List;
import java.util.Optional;

import org.duban.platform.domain.Page;
import org.duban.platform.domain.PageRequest;
import org.duban.platform.events.PendingEvent;

/** Where lawyers' parts in matters are kept, each with its outbox. */
public interface LawyerParticipations {

    /** Stores a new participation with the event of its recording, in one write. */
    void add(LawyerParticipation participation, List<PendingEvent> events);

    Optional<LawyerParticipation> find(String id);

    /** Participations matching the filter, latest day first (then latest recorded). */
    Page<LawyerParticipation> list(ParticipationFilter filter, PageRequest page);
}
