package org.duban.reporting.projection;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** {@link DailyFigures} in a map, with the same "a contribution counts once" rule as the store. */
public final class InMemoryDailyFigures implements DailyFigures {

    private final Set<String> applied = new HashSet<>();
    private final Map<String, Map<Counter, Long>> days = new HashMap<>();

    @Override
    public synchronized boolean add(Increment increment) {
        String document = increment.day() + "|" + increment.unitId() + "|" + increment.category();
        if (!applied.add(document + "|" + increment.key())) {
            return false;
        }
        days.computeIfAbsent(document, key -> new EnumMap<>(Counter.class)).merge(increment.counter(), 1L, Long::sum);
        return true;
    }

    @Override
    public synchronized CounterTotals sum(LocalDate from, LocalDate to, Optional<String> unitId) {
        Map<Counter, Long> totals = new EnumMap<>(Counter.class);
        days.forEach((document, counters) -> {
            String[] parts = document.split("\\|", 3);
            LocalDate day = LocalDate.parse(parts[0]);
            boolean inPeriod = !day.isBefore(from) && day.isBefore(to);
            if (inPeriod && unitId.map(parts[1]::equals).orElse(true)) {
                counters.forEach((counter, value) -> totals.merge(counter, value, Long::sum));
            }
        });
        return new CounterTotals(totals);
    }

    @Override
    public synchronized Map<String, CounterTotals> sumBy(LocalDate from, LocalDate to, Dimension dimension) {
        Map<String, CounterTotals> result = new TreeMap<>();
        days.forEach((document, counters) -> {
            String[] parts = document.split("\\|", 3);
            LocalDate day = LocalDate.parse(parts[0]);
            if (!day.isBefore(from) && day.isBefore(to)) {
                String key = dimension == Dimension.DAY ? parts[0] : dimension == Dimension.UNIT ? parts[1] : parts[2];
                result.merge(key, new CounterTotals(counters), CounterTotals::plus);
            }
        });
        return result;
    }

    /** One counter of one day and unit. */
    public long get(LocalDate day, String unitId, Counter counter) {
        return sum(day, day.plusDays(1), Optional.of(unitId)).get(counter);
    }
}
