package org.duban.intake.lawyer;

import java.util.List;
import java.util.Optional;

import org.duban.platform.domain.Page;
import org.duban.platform.domain.PageRequest;
import org.duban.platform.events.PendingEvent;

/** Where lawyers' duty sessions are kept, each with its outbox. */
public interface DutySessions {

    /** Stores a new session with the event of its recording, in one write. */
    void add(DutySession session, List<PendingEvent> events);

    Optional<DutySession> find(String id);

    /** Sessions held on a day of the period, latest day first (then latest recorded). */
    Page<DutySession> list(Period period, PageRequest page);
}
