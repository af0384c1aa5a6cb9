package org.duban.console.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.duban.client.intake.api.UnitsApi;
import org.duban.client.intake.model.Unit;
import org.duban.client.intake.model.UnitPage;
import org.duban.console.security.ConsoleUser;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;

/**
 * Units by id, so that pages show names where the API gives ids. The registry changes rarely: office
 * staff share one copy for a minute (and the console drops it when it registers a unit); a unit's staff
 * only ever read their own unit, kept by id.
 */
@Component
public class UnitDirectory {

    static final Duration FRESH_FOR = Duration.ofMinutes(1);
    private static final int PAGE = 200;

    private final UnitsApi units;
    private final Clock clock;
    private volatile Snapshot snapshot;
    private final Map<String, Unit> ownUnits = new ConcurrentHashMap<>();

    UnitDirectory(UnitsApi units, Clock clock) {
        this.units = units;
        this.clock = clock;
    }

    private record Snapshot(Map<String, Unit> byId, Instant takenAt) {
    }

    /** Every registered unit, by code (office staff only: units never list other units). */
    public List<Unit> all(ConsoleUser user) {
        requireOffice(user);
        return fresh().byId().values().stream().sorted(Comparator.comparing(Unit::getCode)).toList();
    }

    /** The unit's name, or its id when it is not (yet) known; empty for null. */
    public String nameOf(ConsoleUser user, String unitId) {
        return find(user, unitId).map(Unit::getName).orElse(unitId == null ? "" : unitId);
    }

    /** The unit as the user may see it: any for office staff, only its own for a unit. */
    public Optional<Unit> find(ConsoleUser user, String unitId) {
        if (unitId == null) {
            return Optional.empty();
        }
        if (user.isOffice()) {
            return Optional.ofNullable(fresh().byId().get(unitId));
        }
        if (!unitId.equals(user.unitId())) {
            return Optional.empty();
        }
        Unit own = ownUnits.get(unitId);
        if (own == null) {
            try {
                own = units.getUnit(unitId);
            } catch (HttpClientErrorException.NotFound e) {
                return Optional.empty();
            }
            ownUnits.put(unitId, own);
        }
        return Optional.of(own);
    }

    /** Names by id for a page of lines (office staff). */
    public Map<String, String> names(ConsoleUser user) {
        requireOffice(user);
        Map<String, String> names = new LinkedHashMap<>();
        fresh().byId().forEach((id, unit) -> names.put(id, unit.getName()));
        return names;
    }

    /** After a unit was registered (or its details changed) through the console. */
    public void forget() {
        snapshot = null;
    }

    private Snapshot fresh() {
        Snapshot current = snapshot;
        Instant now = clock.instant();
        if (current != null && current.takenAt().plus(FRESH_FOR).isAfter(now)) {
            return current;
        }
        Map<String, Unit> byId = new LinkedHashMap<>();
        List<Unit> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            UnitPage found = units.listUnits(page, PAGE);
            all.addAll(found.getItems());
            if (page + 1 >= found.getPage().getTotalPages()) {
                break;
            }
        }
        all.forEach(unit -> byId.put(unit.getId(), unit));
        Snapshot taken = new Snapshot(Map.copyOf(byId), now);
        snapshot = taken;
        return taken;
    }

    private static void requireOffice(ConsoleUser user) {
        if (!user.isOffice()) {
            throw new IllegalStateException("units never list other units");
        }
    }
}
