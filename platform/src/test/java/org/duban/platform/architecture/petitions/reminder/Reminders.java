package org.duban.platform.architecture.petitions.reminder;

import java.time.Instant;

/** The reminder feature's port, used by other features. */
public interface Reminders {

    void remindAbout(String subjectId, Instant from);
}
