package org.duban.reporting.projection;

import java.util.EnumMap;
import java.util.Map;

/** The counters summed over a run of days; a counter nothing contributed to is 0. */
public record CounterTotals(Map<Counter, Long> totals) {

    public CounterTotals {
        EnumMap<Counter, Long> copy = new EnumMap<>(Counter.class);
        totals.forEach((counter, value) -> {
            if (value < 0) {
                throw new IllegalArgumentException(counter.key() + " cannot be negative: " + value);
            }
            copy.put(counter, value);
        });
        totals = Map.copyOf(copy);
    }

    public static CounterTotals none() {
        return new CounterTotals(Map.of());
    }

    public long get(Counter counter) {
        return totals.getOrDefault(counter, 0L);
    }

    /** The sum of several counters (all measures, …). */
    public long get(Counter... counters) {
        long sum = 0;
        for (Counter counter : counters) {
            sum += get(counter);
        }
        return sum;
    }

    public CounterTotals plus(CounterTotals other) {
        EnumMap<Counter, Long> sum = new EnumMap<>(Counter.class);
        sum.putAll(totals);
        other.totals.forEach((counter, value) -> sum.merge(counter, value, Long::sum));
        return new CounterTotals(sum);
    }
}
