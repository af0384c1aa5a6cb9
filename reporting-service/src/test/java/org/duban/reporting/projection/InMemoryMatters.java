package org.duban.reporting.projection;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@link Matters} in a map, with the same "earliest / latest wins" rules as the store. */
public final class InMemoryMatters implements Matters {

    private final Map<String, Matter> matters = new HashMap<>();

    private static final class Matter {
        boolean prominent;
        boolean firstTime;
        Instant firstIssuedAt;
        LocalDate firstIssuedOn;
        String firstUnitId;
        Instant concludedAt;
        LocalDate concludedOn;
        String concludedUnitId;
        boolean resolved;
        Instant evaluatedAt;
        LocalDate evaluatedOn;
        boolean satisfied;
        boolean unrated;
        final List<Instant> repeats = new ArrayList<>();
    }

    private Matter matter(String caseId) {
        return matters.computeIfAbsent(caseId, id -> new Matter());
    }

    @Override
    public synchronized void registered(String caseId, String category, boolean prominent, boolean firstTime) {
        Matter matter = matter(caseId);
        matter.prominent |= prominent;
        matter.firstTime = firstTime;
    }

    @Override
    public synchronized void repeated(String caseId, Instant registeredAt) {
        matter(caseId).repeats.add(registeredAt);
    }

    @Override
    public synchronized void assignmentIssued(String caseId, String unitId, boolean prominent, Instant issuedAt,
            LocalDate issuedOn) {
        Matter matter = matter(caseId);
        matter.prominent |= prominent;
        if (matter.firstIssuedAt == null || matter.firstIssuedAt.isAfter(issuedAt)) {
            matter.firstIssuedAt = issuedAt;
            matter.firstIssuedOn = issuedOn;
            matter.firstUnitId = unitId;
        }
    }

    @Override
    public synchronized void concluded(String caseId, String unitId, boolean resolved, Instant concludedAt,
            LocalDate concludedOn) {
        Matter matter = matter(caseId);
        if (matter.concludedAt == null || matter.concludedAt.isAfter(concludedAt)) {
            matter.concludedAt = concludedAt;
            matter.concludedOn = concludedOn;
            matter.concludedUnitId = unitId;
            matter.resolved = resolved;
        }
    }

    @Override
    public synchronized void evaluated(String caseId, String evaluationId, boolean satisfied, boolean unrated,
            Instant recordedAt, LocalDate recordedOn) {
        Matter matter = matter(caseId);
        if (matter.evaluatedAt == null || matter.evaluatedAt.isBefore(recordedAt)) {
            matter.evaluatedAt = recordedAt;
            matter.evaluatedOn = recordedOn;
            matter.satisfied = satisfied;
            matter.unrated = unrated;
        }
    }

    @Override
    public synchronized Map<String, MatterTotals> totalsByUnit(LocalDate from, LocalDate to, Duration repeatWindow) {
        Map<String, MatterTotals> totals = new HashMap<>();
        for (Matter m : matters.values()) {
            boolean concluded = in(m.concludedOn, from, to);
            boolean evaluated = in(m.evaluatedOn, from, to) && !m.unrated;
            boolean unrated = in(m.evaluatedOn, from, to) && m.unrated;
            boolean prominent = m.prominent && in(m.firstIssuedOn, from, to);
            boolean firstTime = m.firstTime && concluded;
            boolean repeated = m.concludedAt != null && m.repeats.stream().anyMatch(at ->
                    !at.isBefore(m.concludedAt) && !at.isAfter(m.concludedAt.plus(repeatWindow)));
            String concludedUnit = m.concludedUnitId == null ? Increment.NO_UNIT : m.concludedUnitId;
            String firstUnit = m.firstUnitId == null ? Increment.NO_UNIT : m.firstUnitId;
            totals.merge(concludedUnit, new MatterTotals(one(concluded), one(evaluated), one(evaluated && m.satisfied),
                    0, 0, one(firstTime), one(firstTime && m.resolved && !repeated), one(unrated)), MatterTotals::plus);
            totals.merge(firstUnit, new MatterTotals(0, 0, 0, one(prominent), one(prominent && m.resolved), 0, 0, 0),
                    MatterTotals::plus);
        }
        return totals;
    }

    private static boolean in(LocalDate day, LocalDate from, LocalDate to) {
        return day != null && !day.isBefore(from) && day.isBefore(to);
    }

    private static long one(boolean condition) {
        return condition ? 1 : 0;
    }
}
