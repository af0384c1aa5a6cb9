package org.duban.notification.unit;

import java.util.Optional;

/** The local copies of the units intake registered. */
public interface Units {

    /** Stores the unit, replacing an earlier copy (a replayed event stores the same again). */
    void save(Unit unit);

    Optional<Unit> byId(String id);
}
