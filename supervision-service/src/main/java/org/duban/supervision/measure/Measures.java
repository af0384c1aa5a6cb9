package org.duban.supervision.measure;

import org.duban.platform.domain.Page;
import org.duban.platform.domain.PageRequest;
import org.duban.supervision.reminder.RemindableStore;

/** The measures, with their pending events in the same document. */
public interface Measures extends RemindableStore<Measure> {

    /** Newest first; null filters match anything. */
    Page<Measure> list(String unitId, MeasureKind kind, MeasureStatus status, PageRequest page);
}
