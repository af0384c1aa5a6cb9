package org.duban.supervision.measure;

import org.duban.supervision.reminder.AlertPolicy;
import org.duban.supervision.reminder.SubjectReminders;

/** Reminds units of the due dates of their written self-reviews and rectification reports. */
public final class MeasureReminders extends SubjectReminders<Measure> {

    public static final String SUBJECT_TYPE = "MEASURE";

    public MeasureReminders(Measures measures, AlertPolicy policy) {
        super(SUBJECT_TYPE, measures, policy);
    }
}
