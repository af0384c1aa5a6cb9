package org.duban.supervision.measure;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.duban.platform.domain.Page;
import org.duban.platform.domain.PageRequest;
import org.duban.platform.events.PendingEvent;

/** The measures, with their pending events in the same document. */
public interface Measures {

    Optional<Measure> find(String id);

    boolean insert(Measure measure, List<PendingEvent> events);

    /** @return false, storing nothing, when another write came first */
    boolean updateIfUnchanged(Measure measure, List<PendingEvent> events);

    /** Newest first; null filters match anything. */
    Page<Measure> list(String unitId, MeasureKind kind, MeasureStatus status, PageRequest page);

    List<Measure> ofUnit(String unitId);

    List<String> dueForReminder(Instant now, int limit);
}
