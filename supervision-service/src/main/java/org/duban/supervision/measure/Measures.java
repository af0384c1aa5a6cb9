package org.duban.supervision.measure;

import java.util.List;

import org.duban.platform.domain.Page;
import org.duban.platform.domain.PageRequest;
import org.duban.platform.events.PendingEvent;
import org.duban.supervision.deadline.RemindableSubjects;

/** The measures, with their pending events in the same document. */
public interface Measures extends RemindableSubjects<Measure> {

    boolean insert(Measure measure, List<PendingEvent> events);

    /** Newest first; null filters match anything. */
    Page<Measure> list(String unitId, MeasureKind kind, MeasureStatus status, PageRequest page);

    List<Measure> ofUnit(String unitId);
}
