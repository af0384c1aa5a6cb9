package org.duban.reporting.projection;

import java.util.Map;

/** The responsible units' names as they were registered, for scorecards and reports. */
public interface Units {

    void registered(String unitId, String code, String name);

    /** Unit id → name. */
    Map<String, String> names();
}
