package org.duban.intake.lawyer;

import java.util.Optional;

import org.duban.platform.domain.Page;
import org.duban.platform.domain.PageRequest;

/** Where lawyers' parts in matters are kept, each with the events it recorded. */
public interface LawyerParticipations {

    /** Stores a new participation with the event of its recording, in one write. */
    void add(LawyerParticipation participation);

    Optional<LawyerParticipation> find(String id);

    /** Participations matching the filter, latest day first (then latest recorded). */
    Page<LawyerParticipation> list(ParticipationFilter filter, PageRequest page);
}
