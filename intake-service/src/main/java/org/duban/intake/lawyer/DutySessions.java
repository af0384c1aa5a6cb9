package org.duban.intake.lawyer;

import java.util.Optional;

import org.duban.platform.domain.Page;
import org.duban.platform.domain.PageRequest;

/** Where lawyers' duty sessions are kept, each with the events it recorded. */
public interface DutySessions {

    /** Stores a new session with the event of its recording, in one write. */
    void add(DutySession session);

    Optional<DutySession> find(String id);

    /** Sessions held on a day of the period, latest day first (then latest recorded). */
    Page<DutySession> list(Period period, PageRequest page);
}
