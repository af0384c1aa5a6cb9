package org.duban.reporting.projection;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** {@link Units} in a map. */
public final class InMemoryUnits implements Units {

    private final Map<String, String> names = new ConcurrentHashMap<>();

    @Override
    public void registered(String unitId, String code, String name) {
        names.put(unitId, name);
    }

    @Override
    public Map<String, String> names() {
        return Map.copyOf(names);
    }
}
