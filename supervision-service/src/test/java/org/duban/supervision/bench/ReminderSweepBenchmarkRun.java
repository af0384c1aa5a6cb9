package org.duban.supervision.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Runs the full benchmark from Maven, only when asked for (README "Benchmark"):
 *
 * <pre>
 * ./mvnw -q -o -pl supervision-service -am test -Dtest=ReminderSweepBenchmarkRun \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dbench.run=true -DargLine=-Xmx3g
 * </pre>
 */
class ReminderSweepBenchmarkRun {

    @Test
    @EnabledIfSystemProperty(named = "bench.run", matches = "true")
    void run() {
        ReminderSweepBenchmark.main(new String[0]);
    }
}
